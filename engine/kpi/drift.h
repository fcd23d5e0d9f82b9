#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// `steward drift --live EXPORT` (docs/kpis.md): the model declared in git against the model of the
// live workspace, both in the layout of `steward model` (docs/model.md).
namespace steward::kpi {

enum class DriftKind { live_only, git_only, different };
std::string_view to_string(DriftKind kind);

struct FieldDrift {
  std::string field;
  std::string git;  // the value as compact JSON
  std::string live;
};

struct DriftItem {
  DriftKind kind = DriftKind::different;
  std::string entity;              // "event", "property", "source", "destination", ...
  std::string name;                // "checkout_started", "checkout_started.email", "google_ads"
  std::vector<FieldDrift> fields;  // for `different`
  std::string file;                // where git declares it ("" for live_only)
  size_t line = 0;
};

struct Drift {
  std::vector<DriftItem> items;
  // Collections the live export holds nothing of (a rudder-cli export has no SLOs or teams):
  // not compared, and said so, rather than all reported as missing from the live workspace.
  std::vector<std::string> not_compared;
};

// The deepest nesting of properties compared; deeper is an error (InputError) naming the limit.
inline constexpr int kMaxDriftDepth = 64;

// Compares two models in `steward model`'s JSON layout. Spans and `$ref` names (how a property
// was written, not what it is) are not compared. Throws InputError when `live` is not that
// layout.
Drift compute_drift(const nlohmann::json& git, const nlohmann::json& live);

std::string drift_text(const Drift& drift, const std::string& live_label);
std::string drift_markdown(const Drift& drift, const std::string& live_label);
nlohmann::ordered_json drift_json(const Drift& drift, const std::string& live_label);

}  // namespace steward::kpi
