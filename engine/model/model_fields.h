#pragma once

#include <cstddef>
#include <iterator>
#include <type_traits>

#include "model/derived_texts.h"
#include "model/field_table.h"
#include "model/model.h"
#include "model/pattern.h"

// The scalar fields of every entity of the model: one row each, in the order the diff lists their
// changes. The readers (model_field_reader.cpp), `steward model`'s JSON (model_json.cpp), the diff
// (tracking_plan_diff.cpp, routing_diff.cpp, governance_diff.cpp) and the policy binding
// (model_binding.cpp) take them from here; adding a field is a member in model.h, a row here and
// a test (docs/development.md). Fields with a shape of their own (an entity's name, a property's
// types, nested properties and items, an event's deprecation notice, a destination's exclusions
// and mappings, lists of entities) stay in those files; where the diff compares such a field, its
// row holds the texts it derives (DerivedTexts), so the diff keeps the table's order.
namespace steward::model {

inline constexpr ModelField<Property> kPropertyFields[] = {
    {.name = "required",
     .member = &Property::required,
     .yaml_key = "required",
     .json = JsonWhen::always,
     .summary = "whether it is required"},
    {.name = "pii",
     .member = &Property::pii,
     .yaml_key = "pii",
     .json = JsonWhen::or_null,
     .summary = "its PII category; none when not personal or unclassified",
     .names = Names::category,
     .span = &Property::pii_span},
    {.name = "consent",
     .member = &Property::consent,
     .yaml_key = "consent",
     .json = JsonWhen::always,
     .summary = "the consent purposes required to collect it",
     .names = Names::purpose},
    {.name = "description",
     .member = &Property::description,
     .yaml_key = "description",
     .summary = "its description, or none"},
    {.name = "additional_properties",
     .member = &Property::additional_properties,
     .yaml_key = "additional_properties",
     .summary = "objects: whether unlisted keys are allowed"},
    {.name = "ref",
     .member = &Property::ref,
     .yaml_key = "$ref",
     .diffed = false,  // what it resolved to is compared instead
     .summary = "the property-library entry it was defined from ($ref), or none",
     .names = Names::library_property},
};

// A property's constraints: `steward model` writes them under "constraints".
inline constexpr ModelField<Constraints> kConstraintFields[] = {
    {.name = "enum",
     .member = &Constraints::enum_values,
     .yaml_key = "enum",
     .summary = "its allowed values, as written",
     .items_as_written = true},
    {.name = "const", .member = &Constraints::const_value, .yaml_key = "const"},
    {.name = "pattern",
     .member = &Constraints::pattern,
     .yaml_key = "pattern",
     .summary = "its regular expression, or none",
     .check = check_data_pattern},
    {.name = "format",
     .member = &Constraints::format,
     .yaml_key = "format",
     .summary = "its format (email, date-time, ...), or none"},
    {.name = "minimum",
     .member = &Constraints::minimum,
     .yaml_key = "minimum",
     .summary = "its minimum, or none"},
    {.name = "maximum",
     .member = &Constraints::maximum,
     .yaml_key = "maximum",
     .summary = "its maximum, or none"},
    {.name = "exclusive_minimum",
     .member = &Constraints::exclusive_minimum,
     .yaml_key = "exclusive_minimum"},
    {.name = "exclusive_maximum",
     .member = &Constraints::exclusive_maximum,
     .yaml_key = "exclusive_maximum"},
    {.name = "min_length",
     .member = &Constraints::min_length,
     .yaml_key = "min_length",
     .summary = "its minimum length, or none"},
    {.name = "max_length",
     .member = &Constraints::max_length,
     .yaml_key = "max_length",
     .summary = "its maximum length, or none"},
    {.name = "min_items",
     .member = &Constraints::min_items,
     .yaml_key = "min_items",
     .summary = "arrays: the minimum number of items, or none"},
    {.name = "max_items",
     .member = &Constraints::max_items,
     .yaml_key = "max_items",
     .summary = "arrays: the maximum number of items, or none"},
};

inline constexpr ModelField<Event> kEventFields[] = {
    {.name = "description",
     .member = &Event::description,
     .yaml_key = "description",
     .json = JsonWhen::always,
     .summary = "its description, or none"},
    {.name = "owner",
     .member = &Event::owner,
     .yaml_key = "owner",
     .json = JsonWhen::always,
     .summary = "the owning team's name, or none",
     .names = Names::team},
    {.name = "domain",
     .member = &Event::domain,
     .yaml_key = "domain",
     .json = JsonWhen::always,
     .summary = "its domain, or none"},
    {.name = "status",
     .member = &Event::status,
     .yaml_key = "status",
     .json = JsonWhen::always,
     .summary = "draft, active, deprecated or removed"},
    {.name = "sources",
     .member = &Event::sources,
     .yaml_key = "sources",
     .json = JsonWhen::always,
     .summary = "the names of the sources that send it",
     .names = Names::source},
    {.name = "consent",
     .member = &Event::consent,
     .yaml_key = "consent",
     .json = JsonWhen::always,
     .summary = "the purposes a user must have granted for it to be collected (`consent:` of the "
                "event)",
     .names = Names::purpose},
    {.name = "version",
     .member = &Event::version,
     .yaml_key = "version",
     .summary = "its schema version (Iglu SchemaVer \"1-0-2\"), or none",
     .span = &Event::version_span},
    {.name = "vendor",
     .member = &Event::vendor,
     .diffed = false,  // part of `schema`, which versions share
     .summary = "Iglu schemas: the vendor (\"com.acme\"), or none"},
    {.name = "schema",
     .member = &Event::schema,
     .diffed = false,  // events are paired by name; versions of one schema in schema_versions.cpp
     .summary = "Iglu schemas: the key all versions share (\"com.acme/checkout/jsonschema\"), or "
                "none"},
    {.name = "additional_properties",
     .member = &Event::additional_properties,
     .summary = "whether properties the plan does not list are allowed"},
};

inline constexpr ModelField<Source> kSourceFields[] = {
    {.name = "platform",
     .member = &Source::platform,
     .yaml_key = "platform",
     .json = JsonWhen::always,
     .summary = "web, ios, android, server, ... or none"},
    {.name = "environments",
     .member = &Source::environments,
     .yaml_key = "environments",
     .json = JsonWhen::always,
     .summary = "where it is connected"},
    {.name = "description",
     .member = &Source::description,
     .yaml_key = "description",
     .json = JsonWhen::never,
     .summary = "its description, or none"},
};

inline constexpr ModelField<Destination> kDestinationFields[] = {
    {.name = "category",
     .member = &Destination::category,
     .yaml_key = "category",
     .json = JsonWhen::always,
     .summary = "advertising, analytics, warehouse, ... or none"},
    {.name = "environments",
     .member = &Destination::environments,
     .yaml_key = "environments",
     .json = JsonWhen::always,
     .summary = "where it is connected"},
    {.name = "region",
     .member = &Destination::region,
     .yaml_key = "region",
     .json = JsonWhen::always,
     .summary = "the region its data resides in, or none",
     .span = &Destination::region_span},
    {.name = "consent",
     .member = &Destination::consent,
     .yaml_key = "consent",
     .json = JsonWhen::always,
     .summary = "the purposes required before anything is delivered",
     .names = Names::purpose},
    {.name = "allow_pii",
     .member = &Destination::allow_pii,
     .yaml_key = "allow_pii",
     .json = JsonWhen::always,
     .summary = "the PII categories it may receive (with their children)",
     .names = Names::category},
    {.name = "events", .member = destination_event_texts, .json = JsonWhen::never},
    {.name = "exclude_properties", .member = exclusion_texts, .json = JsonWhen::never},
    {.name = "mappings", .member = mapping_texts, .json = JsonWhen::never},
    {.name = "transformations",
     .member = &Destination::transformations,
     .yaml_key = "transformations",
     .json = JsonWhen::always,
     .summary = "the names of the transformations it applies"},
    {.name = "description",
     .member = &Destination::description,
     .yaml_key = "description",
     .json = JsonWhen::never,
     .summary = "its description, or none"},
    // Only pipeline configs (rudder-cli destination specs) set these; native dumps leave them out.
    {.name = "enabled",
     .member = &Destination::enabled,
     .summary = "false when the config disables it (it then receives nothing)"},
    {.name = "owner",
     .member = &Destination::owner,
     .yaml_key = "owner",
     .summary = "the team that owns it, or none",
     .names = Names::team},
    {.name = "receives", .member = receives_texts, .json = JsonWhen::never},
    {.name = "connection_mode", .member = connection_mode_texts, .json = JsonWhen::never},
    {.name = "consent_management", .member = consent_provider_texts, .json = JsonWhen::never},
    // `receives` above compares the filter in words; the JSON writes it as one object.
    {.name = "event_filter",
     .member = &Destination::event_filter,
     .json = JsonWhen::never,
     .diffed = false,
     .summary = "\"allow\" or \"deny\" with filtered_events (RudderStack event filtering), or none",
     .span = &Destination::event_filter_span},
    {.name = "filtered_events",
     .member = &Destination::filtered_events,
     .json = JsonWhen::never,
     .diffed = false,
     .summary = "the events of its allow list or deny list"},
};

inline constexpr ModelField<Transformation> kTransformationFields[] = {
    {.name = "events", .member = transformation_event_texts, .json = JsonWhen::never},
    {.name = "reads",
     .member = &Transformation::reads,
     .yaml_key = "reads",
     .json = JsonWhen::always,
     .summary = "the properties it reads"},
    {.name = "writes", .member = write_texts, .json = JsonWhen::never},
    {.name = "description",
     .member = &Transformation::description,
     .yaml_key = "description",
     .json = JsonWhen::never,
     .summary = "its description, or none"},
};

inline constexpr const char* kConflictPolicies[] = {"keep_highest_precedence", "keep_oldest",
                                                    "keep_newest", "reject"};

inline constexpr ModelField<Identity> kIdentityFields[] = {
    {.name = "owner",
     .member = &Identity::owner,
     .yaml_key = "owner",
     .json = JsonWhen::always,
     .summary = "the owning team, or none",
     .names = Names::team},
    {.name = "max_identifiers_per_profile",
     .member = &Identity::max_identifiers_per_profile,
     .yaml_key = "max_identifiers_per_profile",
     .json = JsonWhen::or_null,
     .summary = "the merge limit, or none",
     .span = &Identity::max_identifiers_span,
     .section = "merge",
     .minimum = 1},
    {.name = "on_conflict",
     .member = &Identity::on_conflict,
     .yaml_key = "on_conflict",
     .json = JsonWhen::always,
     .summary = "the merge conflict policy, or none",
     .section = "merge",
     .choices = kConflictPolicies},
    {.name = "suppress", .member = suppression_texts, .json = JsonWhen::never},
    {.name = "description",
     .member = &Identity::description,
     .yaml_key = "description",
     .json = JsonWhen::never,
     .summary = "its description, or none"},
};

inline constexpr ModelField<MatchKey> kMatchKeyFields[] = {
    {.name = "from",
     .member = &MatchKey::from,
     .yaml_key = "from",
     .json = JsonWhen::or_null,
     .summary = "where it is read (\"traits.email\"), or none"},
    {.name = "precedence",
     .member = &MatchKey::precedence,
     .yaml_key = "precedence",
     .json = JsonWhen::or_null,
     .summary = "its precedence (1 is highest), or none",
     .span = &MatchKey::precedence_span,
     .minimum = 1},
    {.name = "normalize",
     .member = &MatchKey::normalize,
     .yaml_key = "normalize",
     .json = JsonWhen::always,
     .summary = "normalisations applied before matching"},
    {.name = "consent",
     .member = &MatchKey::consent,
     .yaml_key = "consent",
     .json = JsonWhen::always,
     .summary = "the purposes required to match on it",
     .names = Names::purpose},
    // Resolved from `from` by the reference resolver, not read.
    {.name = "pii",
     .member = &MatchKey::pii,
     .json = JsonWhen::or_null,
     .diffed = false,
     .summary = "the PII category of the property it reads, or none",
     .names = Names::category,
     .span = &MatchKey::span},
};

inline constexpr ModelField<Team> kTeamFields[] = {
    {.name = "reviewers",
     .member = &Team::reviewers,
     .yaml_key = "reviewers",
     .json = JsonWhen::always,
     .summary = "its reviewers (\"@acme/security\")"},
    {.name = "description",
     .member = &Team::description,
     .yaml_key = "description",
     .json = JsonWhen::never,
     .summary = "its description, or none"},
};

inline constexpr ModelField<Slo> kSloFields[] = {
    {.name = "delivery_error_rate",
     .member = &Slo::delivery_error_rate,
     .yaml_key = "delivery_error_rate",
     .json = JsonWhen::always,
     .summary = "as written (\"1%\"), or none",
     .names = Names::percentage},
    {.name = "schema_violation_rate",
     .member = &Slo::schema_violation_rate,
     .yaml_key = "schema_violation_rate",
     .json = JsonWhen::always,
     .summary = "as written (\"0.5%\"), or none",
     .names = Names::percentage},
    {.name = "latency_p95",
     .member = &Slo::latency_p95,
     .yaml_key = "latency_p95",
     .json = JsonWhen::always,
     .summary = "as written (\"5m\"), or none",
     .names = Names::duration},
    // Read and written; alerting (export prometheus) uses them, the diff and rules do not yet.
    {.name = "dead_letter_backlog",
     .member = &Slo::dead_letter_backlog,
     .yaml_key = "dead_letter_backlog",
     .json = JsonWhen::always,
     .diffed = false,
     .names = Names::count},
    {.name = "owner",
     .member = &Slo::owner,
     .yaml_key = "owner",
     .json = JsonWhen::always,
     .diffed = false,
     .names = Names::team},
};

// An event's `deprecated:` notice; the diff names its fields "deprecated.since", ...
inline constexpr ModelField<Deprecation> kDeprecationFields[] = {
    {.name = "since",
     .member = &Deprecation::since,
     .yaml_key = "since",
     .json = JsonWhen::always,
     .summary = "the date it was deprecated (YYYY-MM-DD), or none",
     .names = Names::date},
    {.name = "sunset",
     .member = &Deprecation::sunset,
     .yaml_key = "sunset",
     .json = JsonWhen::always,
     .summary = "the date it stops (YYYY-MM-DD), or none",
     .names = Names::date},
    {.name = "replaced_by",
     .member = &Deprecation::replaced_by,
     .yaml_key = "replaced_by",
     .json = JsonWhen::always,
     .summary = "the event that replaces it, or none"},
};

// The taxonomy's entries are compared one by one (added or removed), not as fields.
inline constexpr ModelField<Taxonomy> kTaxonomyFields[] = {
    {.name = "builtin",
     .member = &Taxonomy::builtin,
     .json = JsonWhen::always,
     .diffed = false,
     .summary = "whether steward's default taxonomy applies"},
    {.name = "pii_categories",
     .member = &Taxonomy::pii_categories,
     .yaml_key = "pii_categories",
     .json = JsonWhen::always,
     .diffed = false,
     .summary = "the PII categories",
     .names = Names::category},
    {.name = "consent_purposes",
     .member = &Taxonomy::consent_purposes,
     .yaml_key = "consent_purposes",
     .json = JsonWhen::always,
     .diffed = false,
     .summary = "the consent purposes",
     .names = Names::purpose},
};

// Residency rules are not compared by the diff yet.
inline constexpr ModelField<ResidencyRule> kResidencyRuleFields[] = {
    {.name = "regions",
     .member = &ResidencyRule::regions,
     .yaml_key = "regions",
     .json = JsonWhen::always,
     .diffed = false,
     .summary = "where the data subjects' data must stay"},
    {.name = "destination_regions",
     .member = &ResidencyRule::destination_regions,
     .yaml_key = "destination_regions",
     .json = JsonWhen::always,
     .diffed = false,
     .summary = "the regions a destination may be in"},
};

// The table of each entity, for code that walks any of them:
// field_table(std::type_identity<Event>{}).
constexpr const auto& field_table(std::type_identity<Property>) {
  return kPropertyFields;
}
constexpr const auto& field_table(std::type_identity<Constraints>) {
  return kConstraintFields;
}
constexpr const auto& field_table(std::type_identity<Event>) {
  return kEventFields;
}
constexpr const auto& field_table(std::type_identity<Source>) {
  return kSourceFields;
}
constexpr const auto& field_table(std::type_identity<Destination>) {
  return kDestinationFields;
}
constexpr const auto& field_table(std::type_identity<Transformation>) {
  return kTransformationFields;
}
constexpr const auto& field_table(std::type_identity<Identity>) {
  return kIdentityFields;
}
constexpr const auto& field_table(std::type_identity<MatchKey>) {
  return kMatchKeyFields;
}
constexpr const auto& field_table(std::type_identity<Team>) {
  return kTeamFields;
}
constexpr const auto& field_table(std::type_identity<Deprecation>) {
  return kDeprecationFields;
}
constexpr const auto& field_table(std::type_identity<Taxonomy>) {
  return kTaxonomyFields;
}
constexpr const auto& field_table(std::type_identity<ResidencyRule>) {
  return kResidencyRuleFields;
}
constexpr const auto& field_table(std::type_identity<Slo>) {
  return kSloFields;
}

}  // namespace steward::model
