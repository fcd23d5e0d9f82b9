#include "model/formats/rudder_reader.h"

#include "model/formats/rudder_specs.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::model::formats {

namespace {

const std::vector<std::string> kVersions = {"rudder/0.1", "rudder/v0.1", "rudder/v1"};

const std::vector<std::string> kKinds = {
    "properties",          "events",      "categories",
    "custom-types",        "tp",          "tracking-plan",
    "event-stream-source", "destination", "event-stream-connections"};

void unsupported_kind(const config::Node& kind, Diagnostics& diagnostics) {
  diagnostics.push_back(make_diagnostic(
      rule_id::kSchemaUnsupportedKind, Severity::warning, kind.span,
      "steward does not read rudder-cli kind '" + std::string(kind.text) + "'",
      "steward reads properties, events, categories, custom-types, tp, tracking-plan, "
      "event-stream-source, destination and event-stream-connections; exclude this file in "
      "steward.yaml to silence this"));
}

// The kind names of one spec version: `tp` is rudder/v0.1's name for rudder/v1's `tracking-plan`.
void check_kind_version(const config::Node& kind, RudderSpec version, Diagnostics& diagnostics) {
  if (kind.text == "tp" && version == RudderSpec::v1) {
    report(diagnostics, rule_id::kSchemaInvalidValue, kind.span,
           "kind 'tp' belongs to rudder/v0.1; rudder/v1 calls it 'tracking-plan'", {},
           "write `kind: tracking-plan` (and the rudder/v1 rule shape), or `version: rudder/v0.1`");
  } else if (kind.text == "tracking-plan" && version == RudderSpec::v0_1) {
    report(diagnostics, rule_id::kSchemaInvalidValue, kind.span,
           "kind 'tracking-plan' belongs to rudder/v1; rudder/v0.1 calls it 'tp'", {},
           "write `version: rudder/v1`, or `kind: tp`");
  }
}

}  // namespace

bool is_rudder_document(const config::Node& root) {
  if (!root.is_mapping()) return false;
  const config::Node* version = root.find("version");
  return version && version->is_scalar() && version->text.starts_with("rudder/");
}

void read_rudder_document(const config::Node& root, RudderProject& project,
                          Diagnostics& diagnostics) {
  YamlFieldReader reader(root, "rudder-cli spec", {"version", "kind", "metadata", "spec"},
                         diagnostics);
  const config::Node* version_node = root.find("version");
  RudderSpec version = version_node->text == "rudder/v1" ? RudderSpec::v1 : RudderSpec::v0_1;
  if (version_node->text != "rudder/v1" && version_node->text != "rudder/v0.1" &&
      version_node->text != "rudder/0.1") {
    auto guess = closest_match(version_node->text, kVersions);
    reader.invalid_value(*version_node,
                         "version '" + std::string(version_node->text) +
                             "' is not a rudder-cli spec version steward reads (rudder/0.1, "
                             "rudder/v0.1, rudder/v1)",
                         guess ? "did you mean '" + *guess + "'?" : "");
    return;
  }
  auto kind_ref = reader.ref("kind", true);
  if (!kind_ref) return;
  const config::Node& kind = *root.find("kind");
  const config::Node* spec = reader.get("spec");
  bool known = false;
  for (const auto& k : kKinds)
    known = known || k == kind.text;
  if (!known) {
    if (auto guess = closest_match(kind.text, kKinds)) {
      report(diagnostics, rule_id::kSchemaUnknownKind, kind.span,
             "unknown rudder-cli kind '" + std::string(kind.text) + "'", {},
             "did you mean '" + *guess + "'?");
    } else {
      unsupported_kind(kind, diagnostics);
    }
    return;
  }
  if (!spec || spec->is_null()) {
    reader.missing("spec");
    return;
  }
  check_kind_version(kind, version, diagnostics);
  const std::string_view k = kind.text;
  if (k == "properties")
    read_properties_spec(*spec, version, project, diagnostics);
  else if (k == "events")
    read_events_spec(*spec, version, project, diagnostics);
  else if (k == "categories")
    read_categories_spec(*spec, project, diagnostics);
  else if (k == "custom-types")
    read_custom_types_spec(*spec, version, project, diagnostics);
  else if (k == "tp")
    read_tracking_plan_spec(*spec, true, project, diagnostics);
  else if (k == "tracking-plan")
    read_tracking_plan_spec(*spec, false, project, diagnostics);
  else if (k == "event-stream-source")
    read_source_spec(*spec, project, diagnostics);
  else if (k == "destination")
    read_destination_spec(*spec, project, diagnostics);
  else
    read_connections_spec(*spec, project, diagnostics);
}

}  // namespace steward::model::formats
