#include "policy/language_types.h"

#include <memory>

#include "policy/binding.h"

namespace steward::policy {

const FieldInfo* ObjectType::field(std::string_view wanted) const {
  for (const auto& f : fields) {
    if (f.name == wanted) return &f;
  }
  return nullptr;
}

const MethodInfo* ObjectType::method(std::string_view wanted) const {
  for (const auto& m : methods) {
    if (m.name == wanted) return &m;
  }
  return nullptr;
}

std::vector<std::string> ObjectType::member_names() const {
  std::vector<std::string> names;
  for (const auto& f : fields)
    names.push_back(f.name);
  for (const auto& m : methods)
    names.push_back(m.name);
  return names;
}

const ObjectType* LanguageTypes::find(std::string_view name) const {
  for (const ObjectType* type : all) {
    if (type->name == name) return type;
  }
  return nullptr;
}

namespace {

struct Built {
  std::vector<std::unique_ptr<ObjectType>> storage;
  LanguageTypes types;
};

Built build() {
  Built built;
  auto make = [&](ObjectType* binding::Slots::*slot, const char* name, const char* summary) {
    auto type = std::make_unique<ObjectType>();
    type->name = name;
    type->summary = summary;
    binding::slots.*slot = type.get();
    built.types.all.push_back(type.get());
    built.storage.push_back(std::move(type));
    return binding::slots.*slot;
  };
  using S = binding::Slots;
  LanguageTypes& t = built.types;
  // Every type exists before any is bound, since fields refer to other types.
  t.model = make(&S::model, "model", "one revision of the customer-data repository");
  t.event = make(&S::event, "event", "a tracked event");
  t.deprecation = make(&S::deprecation, "deprecation", "an event's deprecation notice");
  t.property = make(&S::property, "property", "a property of an event or of the library");
  t.source = make(&S::source, "source", "where events come from");
  t.destination = make(&S::destination, "destination", "where events go");
  t.connection_mode = make(&S::connection_mode, "connection_mode",
                           "how a destination receives one platform's events (cloud or device)");
  t.consent_provider = make(&S::consent_provider, "consent_provider",
                            "a destination's consent management provider on one platform");
  t.literal_credential = make(&S::literal_credential, "literal_credential",
                              "a credential written as a literal in a config (never its value)");
  t.exclusion = make(&S::exclusion, "exclusion", "properties a destination does not receive");
  t.mapping = make(&S::mapping, "mapping", "a destination field and where it comes from");
  t.transformation = make(&S::transformation, "transformation", "a change applied in flight");
  t.write = make(&S::write, "write", "a property a transformation reclassifies");
  t.identity = make(&S::identity, "identity", "identity-resolution rules");
  t.match_key = make(&S::match_key, "match_key", "an identifier profiles are merged on");
  t.suppression = make(&S::suppression, "suppression", "identifier values never merged on");
  t.team = make(&S::team, "team", "a team that owns things and reviews changes");
  t.taxonomy = make(&S::taxonomy, "taxonomy", "PII categories, consent purposes, residency");
  t.residency_rule = make(&S::residency_rule, "residency_rule", "where a category must stay");
  t.slo = make(&S::slo, "slo", "a destination's service levels");
  t.route = make(&S::route, "route", "an event delivered to a destination");
  t.delivered_property =
      make(&S::delivered_property, "delivered_property", "a property as a destination gets it");
  t.change_set = make(&S::change_set, "change_set", "what changed from base to head");
  t.field_change = make(&S::field_change, "field_change", "one field that differs");
  t.event_change = make(&S::event_change, "event_change", "an event added, removed or modified");
  t.property_change = make(&S::property_change, "property_change", "a property's change");
  t.source_change = make(&S::source_change, "source_change", "a source's change");
  t.destination_change =
      make(&S::destination_change, "destination_change", "a destination's change");
  t.route_change = make(&S::route_change, "route_change", "a route's change");
  t.transformation_change =
      make(&S::transformation_change, "transformation_change", "a transformation's change");
  t.identity_change = make(&S::identity_change, "identity_change", "an identity's change");
  t.match_key_change = make(&S::match_key_change, "match_key_change", "a match key's change");
  t.team_change = make(&S::team_change, "team_change", "a team's change");
  t.slo_change = make(&S::slo_change, "slo_change", "an SLO's change");
  t.taxonomy_change =
      make(&S::taxonomy_change, "taxonomy_change", "a category or purpose added or removed");
  t.env = make(&S::env, "env", "the inputs of this run");
  binding::bind_model_types();
  binding::bind_change_types();
  return built;
}

}  // namespace

const LanguageTypes& language_types() {
  static const Built built = build();
  return built.types;
}

const std::vector<RootInfo>& roots() {
  static const std::vector<RootInfo> all = [] {
    const LanguageTypes& t = language_types();
    return std::vector<RootInfo>{
        {Root::head, "head", Type::object_of(t.model), "the model at the head revision"},
        {Root::base, "base", Type::object_of(t.model),
         "the model at the base revision; none without a base"},
        {Root::changes, "changes", Type::object_of(t.change_set),
         "what changed from base to head; empty without a base"},
        {Root::env, "env", Type::object_of(t.env), "the inputs of this run"},
    };
  }();
  return all;
}

}  // namespace steward::policy
