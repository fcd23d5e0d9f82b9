#pragma once

#include "export/export_result.h"
#include "model/model.h"

namespace steward::exports {

// dbt sources YAML (version 2) for the warehouse destinations (`category: warehouse`): a source
// per destination, a table per event routed to it, a column per delivered property with its
// type, description and meta (pii after transformations, consent, owner), and the tests the plan
// implies: not_null for required properties, accepted_values for enums.
ExportResult dbt_sources(const model::Model& model);

}  // namespace steward::exports
