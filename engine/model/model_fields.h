#pragma once

#include <cstddef>
#include <iterator>

#include "model/field_table.h"
#include "model/model.h"
#include "model/pattern.h"

// The scalar fields of a property, of its constraints and of an event: one row each, in the order
// the diff lists their changes. The reader (model_field_reader.cpp), `steward model`'s JSON
// (model_json.cpp), the diff (tracking_plan_diff.cpp) and the policy binding (model_binding.cpp)
// take them from here; adding a field is a member in model.h, a row here and a test (docs/
// development.md). Fields with a shape of their own (a property's types, nested properties and
// items; an event's name, deprecation notice and properties) stay in those files.
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
     .summary = "its allowed values, as written"},
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

inline constexpr size_t kPropertyFieldCount = std::size(kPropertyFields);
inline constexpr size_t kConstraintFieldCount = std::size(kConstraintFields);
inline constexpr size_t kEventFieldCount = std::size(kEventFields);

}  // namespace steward::model
