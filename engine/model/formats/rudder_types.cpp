#include <algorithm>

#include "model/formats/rudder_specs.h"
#include "model/pattern.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::model::formats {

namespace {

const std::vector<std::string> kPrimitives = {"string", "number", "integer", "boolean",
                                              "array",  "object", "null"};

// Config keywords in each spelling, in the order of the model's constraints.
struct ConfigKeys {
  const char* min_length;
  const char* max_length;
  const char* exclusive_minimum;
  const char* exclusive_maximum;
  const char* multiple_of;
  const char* item_types;
  const char* min_items;
  const char* max_items;
  const char* unique_items;
  const char* additional_properties;
};
constexpr ConfigKeys kCamel = {
    "minLength", "maxLength", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "itemTypes", "minItems",  "maxItems",         "uniqueItems",      "additionalProperties"};
constexpr ConfigKeys kSnake = {
    "min_length", "max_length", "exclusive_minimum", "exclusive_maximum", "multiple_of",
    "item_types", "min_items",  "max_items",         "unique_items",      "additional_properties"};

std::string trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ')
    s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ')
    s.remove_suffix(1);
  return std::string(s);
}

// One type name: a primitive or a reference (checked once the whole project is read).
void add_type(const Ref& type, std::vector<Ref>& out, Diagnostics& diagnostics) {
  if (type.name.starts_with("#") ||
      std::find(kPrimitives.begin(), kPrimitives.end(), type.name) != kPrimitives.end()) {
    out.push_back(type);
    return;
  }
  auto guess = closest_match(type.name, kPrimitives);
  report(diagnostics, rule_id::kSchemaInvalidValue, type.span, "unknown type '" + type.name + "'",
         "types are string, number, integer, boolean, array, object, null, or a custom type "
         "(#custom-type:ID)",
         guess ? "did you mean '" + *guess + "'?" : "");
}

void add_types(const config::Node& value, std::vector<Ref>& out, Diagnostics& diagnostics) {
  if (value.is_scalar()) {
    // rudder/v0.1 writes a union as "string,null".
    std::string_view text = value.text;
    size_t start = 0;
    while (start <= text.size()) {
      size_t comma = text.find(',', start);
      std::string name = trim(text.substr(
          start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (!name.empty()) add_type(Ref{name, value.span}, out, diagnostics);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  } else if (value.is_sequence()) {
    for (const auto& item : value.items) {
      if (auto ref = scalar_ref(item, "a type", diagnostics)) add_type(*ref, out, diagnostics);
    }
  } else if (!value.is_null()) {
    report(diagnostics, rule_id::kSchemaWrongType, value.span,
           "a type must be a name or a list of names, not a " + std::string(value.type_name()));
  }
}

void unmapped(Diagnostics& diagnostics, const config::Node& config, const char* key) {
  const config::MapEntry* entry = config.find_entry(key);
  if (!entry) return;
  diagnostics.push_back(
      make_diagnostic(rule_id::kSchemaUnsupportedKeyword, Severity::warning, entry->key.span,
                      "`" + std::string(key) +
                          "` has no place in steward's model; what it checks is not seen by "
                          "the rules",
                      "see docs/formats.md for what is mapped"));
}

void read_config(const config::Node& node, RudderSpec version, RudderType& type,
                 Diagnostics& diagnostics) {
  const ConfigKeys& k = version == RudderSpec::v1 ? kSnake : kCamel;
  YamlFieldReader config(
      node, "config",
      {"enum", "minimum", "maximum", "pattern", "format", k.min_length, k.max_length,
       k.exclusive_minimum, k.exclusive_maximum, k.multiple_of, k.item_types, k.min_items,
       k.max_items, k.unique_items, k.additional_properties},
      diagnostics);
  if (!config.is_mapping()) return;
  Constraints& c = type.constraints;
  if (const config::Node* values = config.sequence("enum")) {
    for (const auto& item : values->items) {
      if (item.is_scalar() || item.is_null()) {
        c.enum_values.push_back(item.is_null() ? "null" : std::string(item.text));
      } else {
        config.wrong_type(item, "an enum value", "a single value");
      }
    }
  }
  if (auto v = config.ref("pattern")) {
    check_data_pattern(v->name, v->span, "pattern", diagnostics);
    c.pattern = std::move(v->name);
  }
  if (auto v = config.text("format")) c.format = *v;
  c.minimum = config.number("minimum");
  c.maximum = config.number("maximum");
  c.exclusive_minimum = config.number(k.exclusive_minimum);
  c.exclusive_maximum = config.number(k.exclusive_maximum);
  c.min_length = config.integer(k.min_length);
  c.max_length = config.integer(k.max_length);
  c.min_items = config.integer(k.min_items);
  c.max_items = config.integer(k.max_items);
  if (auto additional = config.boolean(k.additional_properties)) {
    type.additional_properties = additional;
  }
  if (const config::Node* items = config.get(k.item_types)) {
    add_types(*items, type.item_types, diagnostics);
  }
  unmapped(diagnostics, node, k.multiple_of);
  unmapped(diagnostics, node, k.unique_items);
}

}  // namespace

void read_rudder_type(YamlFieldReader& reader, RudderSpec version, const char* config_key,
                      RudderType& type, Diagnostics& diagnostics) {
  for (const char* key : {"type", "types"}) {
    if (const config::Node* value = reader.get(key); value && !value->is_null()) {
      if (type.types.empty()) type.span = value->span;
      add_types(*value, type.types, diagnostics);
    }
  }
  if (version == RudderSpec::v1) {
    for (const char* key : {"item_type", "item_types"}) {
      if (const config::Node* value = reader.get(key)) {
        add_types(*value, type.item_types, diagnostics);
      }
    }
  }
  if (const config::Node* config = reader.mapping(config_key)) {
    read_config(*config, version, type, diagnostics);
  }
}

}  // namespace steward::model::formats
