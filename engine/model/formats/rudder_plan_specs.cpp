// rudder-cli tracking plans (`tp` in rudder/v0.1, `tracking-plan` in rudder/v1): event rules with
// their properties, nested properties and variants.
#include "model/formats/rudder_specs.h"

namespace steward::model::formats {

namespace {

const std::vector<std::string> kIdentitySections = {"properties", "traits", "context.traits"};

// `includes: {$ref: "#/tp/PLAN/event_rule/RULE"}`.
Ref read_includes(const config::Node* value, Diagnostics& diagnostics) {
  if (!value || value->is_null()) return {};
  YamlFieldReader reader(*value, "includes", {"$ref"}, diagnostics);
  return reader.ref("$ref", true).value_or(Ref{});
}

RudderRule read_rule(const config::Node& item, bool legacy, Diagnostics& diagnostics) {
  RudderSpec version = legacy ? RudderSpec::v0_1 : RudderSpec::v1;
  std::vector<std::string> keys = {"type", "id", "event", "properties", "includes", "variants"};
  if (!legacy) keys.insert(keys.end(), {"identity_section", "additional_properties"});
  YamlFieldReader reader(item, "event rule", keys, diagnostics);
  RudderRule rule;
  if (!reader.is_mapping()) return rule;
  if (auto id = reader.ref("id", true)) rule.id = *id;
  if (const config::Node* type = reader.get("type")) {
    if (type->is_scalar() && type->text != "event_rule") {
      reader.invalid_value(
          *type, "rule type '" + std::string(type->text) + "' is not read; rules are event_rule");
    }
  }
  rule.includes = read_includes(reader.get("includes"), diagnostics);
  if (legacy) {
    // rudder/v0.1: `event: {$ref, allow_unplanned, identity_section}`.
    if (const config::Node* event = reader.mapping("event")) {
      YamlFieldReader e(*event, "event", {"$ref", "allow_unplanned", "identity_section"},
                        diagnostics);
      if (auto ref = e.ref("$ref", true)) rule.event = *ref;
      rule.additional_properties = e.boolean("allow_unplanned").value_or(false);
      e.choice("identity_section", kIdentitySections);
    }
  } else {
    if (auto ref = reader.ref("event")) rule.event = *ref;
    rule.additional_properties = reader.boolean("additional_properties").value_or(false);
    reader.choice("identity_section", kIdentitySections);
  }
  if (rule.event.name.empty() && rule.includes.name.empty() && !rule.id.name.empty()) {
    reader.missing("event");
  }
  if (const config::Node* properties = reader.sequence("properties")) {
    rule.properties = read_rudder_uses(*properties, version, true, diagnostics);
  }
  if (const config::Node* variants = reader.sequence("variants")) {
    rule.variants = read_rudder_variants(*variants, version, diagnostics);
  }
  return rule;
}

// A variant's `default`: a list (rudder/v0.1) or `{properties: [...]}` (rudder/v1).
void read_default(const config::Node& value, RudderSpec version, RudderVariant& variant,
                  Diagnostics& diagnostics) {
  const config::Node* list = &value;
  if (value.is_mapping()) {
    YamlFieldReader reader(value, "default", {"properties"}, diagnostics);
    list = reader.sequence("properties");
  }
  if (!list || !list->is_sequence()) return;
  auto uses = read_rudder_uses(*list, version, false, diagnostics);
  variant.properties.insert(variant.properties.end(), uses.begin(), uses.end());
}

}  // namespace

std::vector<RudderUse> read_rudder_uses(const config::Node& list, RudderSpec version, bool nested,
                                        Diagnostics& diagnostics) {
  const bool v1 = version == RudderSpec::v1;
  const char* ref_key = v1 ? "property" : "$ref";
  const char* additional_key = v1 ? "additional_properties" : "additionalProperties";
  std::vector<std::string> keys = {ref_key, "required"};
  if (nested) keys.insert(keys.end(), {additional_key, "properties"});
  std::vector<RudderUse> out;
  for (const auto& item : list.items) {
    YamlFieldReader reader(item, "property of a rule", keys, diagnostics);
    if (!reader.is_mapping()) continue;
    auto ref = reader.ref(ref_key, true);
    if (!ref) continue;
    RudderUse use;
    use.property = *ref;
    use.required = reader.boolean("required").value_or(false);
    if (nested) {
      use.additional_properties = reader.boolean(additional_key);
      if (const config::Node* properties = reader.sequence("properties")) {
        use.properties = read_rudder_uses(*properties, version, true, diagnostics);
      }
    }
    out.push_back(std::move(use));
  }
  return out;
}

std::vector<RudderVariant> read_rudder_variants(const config::Node& list, RudderSpec version,
                                                Diagnostics& diagnostics) {
  std::vector<RudderVariant> out;
  for (const auto& item : list.items) {
    YamlFieldReader reader(item, "variant", {"type", "discriminator", "cases", "default"},
                           diagnostics);
    if (!reader.is_mapping()) continue;
    RudderVariant variant;
    if (auto discriminator = reader.ref("discriminator", true))
      variant.discriminator = *discriminator;
    reader.text("type");
    if (const config::Node* cases = reader.sequence("cases")) {
      for (const auto& c : cases->items) {
        YamlFieldReader case_reader(
            c, "variant case", {"display_name", "match", "description", "properties"}, diagnostics);
        if (!case_reader.is_mapping()) continue;
        if (const config::Node* properties = case_reader.sequence("properties")) {
          auto uses = read_rudder_uses(*properties, version, false, diagnostics);
          variant.properties.insert(variant.properties.end(), uses.begin(), uses.end());
        }
      }
    }
    if (const config::Node* fallback = reader.get("default"); fallback && !fallback->is_null()) {
      read_default(*fallback, version, variant, diagnostics);
    }
    out.push_back(std::move(variant));
  }
  return out;
}

void read_tracking_plan_spec(const config::Node& spec, bool legacy, RudderProject& project,
                             Diagnostics& diagnostics) {
  YamlFieldReader reader(spec, "tracking plan", {"id", "display_name", "description", "rules"},
                         diagnostics);
  if (!reader.is_mapping()) return;
  auto id = reader.ref("id", true);
  if (!id) return;
  RudderTrackingPlan plan;
  plan.id = *id;
  plan.display_name = reader.text("display_name", true).value_or(id->name);
  plan.description = reader.text("description").value_or("");
  if (const config::Node* rules = reader.sequence("rules")) {
    for (const auto& item : rules->items)
      plan.rules.push_back(read_rule(item, legacy, diagnostics));
  }
  project.tracking_plans.push_back(std::move(plan));
}

}  // namespace steward::model::formats
