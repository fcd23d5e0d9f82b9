#pragma once

#include "export/export_result.h"
#include "model/model.h"

namespace steward::exports {

// Prometheus alerting rules for each `kind: slo`: schema violation rate, destination error
// budget (multi-window burn rate), p95 latency and dead-letter backlog, each labelled with the
// SLO's owning team for routing. The metric names are steward's documented contract
// (docs/catalog.md); the rules only read them.
ExportResult prometheus_rules(const model::Model& model);

}  // namespace steward::exports
