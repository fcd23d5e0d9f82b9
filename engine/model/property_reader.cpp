#include "model/property_reader.h"

#include "model/model_field_reader.h"
#include "model/yaml_field_reader.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::model {

namespace {

const std::vector<std::string> kTypes = {"string", "number", "integer", "boolean",
                                         "object", "array",  "null"};

// One name of `type:` (a scalar, or an item of a list of them).
void read_type(YamlFieldReader& reader, const config::Node& name, Property& property,
               Diagnostics& diagnostics) {
  if (!name.is_scalar()) {
    reader.wrong_type(name, "type", "a type name");
    return;
  }
  bool known = false;
  for (const auto& t : kTypes)
    known = known || t == name.text;
  if (!known) {
    auto guess = closest_match(name.text, kTypes);
    report(diagnostics, rule_id::kSchemaInvalidValue, name.span,
           "unknown type '" + std::string(name.text) + "'",
           "types are string, number, integer, boolean, object, array, null",
           guess ? "did you mean '" + *guess + "'?" : "");
    return;
  }
  property.types.push_back(name.text);
}

void read_types(YamlFieldReader& reader, Property& property, Diagnostics& diagnostics) {
  const config::Node* type = reader.get("type");
  if (!type || type->is_null()) return;
  property.type_span = type->span;
  if (type->is_scalar()) {
    read_type(reader, *type, property, diagnostics);
  } else if (type->is_sequence()) {
    for (const auto& item : type->items)
      read_type(reader, item, property, diagnostics);
  } else {
    reader.wrong_type(*type, "type", "a type name or a list of them");
  }
}

const KnownKeys& property_known_keys() {
  static const KnownKeys keys(property_keys());
  return keys;
}

// The keys of a property's constraints (enum, pattern, minimum, ...), as one mask.
uint64_t constraint_keys_mask() {
  static const uint64_t mask = YamlFieldReader::keys_mask(known_keys<Constraints>({}));
  return mask;
}

}  // namespace

const std::vector<std::string>& property_keys() {
  static const std::vector<std::string> keys = [] {
    auto all =
        known_keys<Property>({"type", "items", "properties", "examples", "default", "deprecated"});
    for (auto& key : known_keys<Constraints>({}))
      all.push_back(std::move(key));
    return all;
  }();
  return keys;
}

namespace {

// read_property, into a property in its place (a vector's), saving a move of each property.
void read_property_into(Property& property, const config::Node& key, const config::Node& definition,
                        const std::string& parent_path, Diagnostics& diagnostics) {
  property.name = key.text;
  property.path =
      parent_path.empty() ? std::string(key.text) : parent_path + "." + std::string(key.text);
  property.span = key.span;
  property.pii_span = key.span;
  property.type_span = key.span;
  YamlFieldReader reader(definition, What{"property '", property.path, "'"}, property_known_keys(),
                         diagnostics);
  if (!reader.is_mapping()) return;

  read_types(reader, property, diagnostics);
  read_fields(reader, property, diagnostics);
  // Most properties have no constraint: for them, the dozen rows read and a Constraints made and
  // destroyed were work for nothing.
  if (reader.may_hold_any(constraint_keys_mask())) {
    Constraints constraints;
    read_fields(reader, constraints, diagnostics);
    property.constraints = std::move(constraints);  // nothing held when none is written
  }
  reader.get("examples");
  reader.get("default");
  if (const config::Node* nested = reader.mapping("properties")) {
    property.properties = read_properties(*nested, property.path, diagnostics);
  }
  if (const config::Node* items = reader.get("items"); items && !items->is_null()) {
    // An array's items are a schema without a name of their own: they take the array's name and
    // path, so `items.sku` names the sku of every item.
    read_property_into(property.items.emplace_back(), key, *items, parent_path, diagnostics);
  }
}

}  // namespace

Property read_property(const config::Node& key, const config::Node& definition,
                       const std::string& parent_path, Diagnostics& diagnostics) {
  Property property;
  read_property_into(property, key, definition, parent_path, diagnostics);
  return property;
}

std::vector<Property> read_properties(const config::Node& mapping, const std::string& parent_path,
                                      Diagnostics& diagnostics) {
  std::vector<Property> out;
  out.reserve(mapping.entries.size());
  for (const auto& entry : mapping.entries) {
    if (!entry.key.is_scalar()) {
      report(diagnostics, rule_id::kSchemaWrongType, entry.key.span,
             "a property name must be text");
      continue;
    }
    read_property_into(out.emplace_back(), entry.key, entry.value, parent_path, diagnostics);
  }
  return out;
}

}  // namespace steward::model
