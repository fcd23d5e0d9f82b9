// The data catalog kinds of rudder-cli: properties, events, categories and custom types.
#include "model/formats/rudder_specs.h"

namespace steward::model::formats {

namespace {

const std::vector<std::string> kEventTypes = {"track", "identify", "page", "screen", "group"};

// The list under `key` of a spec, each item a mapping.
const config::Node* spec_list(const config::Node& spec, const char* key, const char* what,
                              Diagnostics& diagnostics) {
  YamlFieldReader reader(spec, what, {key}, diagnostics);
  if (!reader.is_mapping()) return nullptr;
  return reader.sequence(key);
}

// `category: "#category:ID"`, or rudder/v0.1's `category: {$ref: "#/categories/GROUP/ID"}`.
Ref read_category(const config::Node* value, Diagnostics& diagnostics) {
  if (!value || value->is_null()) return {};
  if (value->is_mapping()) {
    YamlFieldReader reader(*value, "category", {"$ref"}, diagnostics);
    return reader.ref("$ref", true).value_or(Ref{});
  }
  return scalar_ref(*value, "category", diagnostics).value_or(Ref{});
}

}  // namespace

void read_properties_spec(const config::Node& spec, RudderSpec version, RudderProject& project,
                          Diagnostics& diagnostics) {
  const config::Node* list = spec_list(spec, "properties", "properties spec", diagnostics);
  if (!list) return;
  std::vector<std::string> keys = {"id", "name", "description", "type"};
  if (version == RudderSpec::v1) {
    keys.insert(keys.end(), {"types", "item_type", "item_types", "config"});
  } else {
    keys.push_back("propConfig");
  }
  for (const auto& item : list->items) {
    YamlFieldReader reader(item, "property", keys, diagnostics);
    if (!reader.is_mapping()) continue;
    auto id = reader.ref("id", true);
    if (!id) continue;
    RudderPropertyDef property;
    property.id = *id;
    property.name = reader.text("name", true).value_or(id->name);
    property.description = reader.text("description").value_or("");
    read_rudder_type(reader, version, version == RudderSpec::v1 ? "config" : "propConfig",
                     property.type, diagnostics);
    project.properties.push_back(std::move(property));
  }
}

void read_events_spec(const config::Node& spec, RudderSpec version, RudderProject& project,
                      Diagnostics& diagnostics) {
  const config::Node* list = spec_list(spec, "events", "events spec", diagnostics);
  if (!list) return;
  for (const auto& item : list->items) {
    YamlFieldReader reader(item, "event", {"id", "name", "event_type", "description", "category"},
                           diagnostics);
    if (!reader.is_mapping()) continue;
    auto id = reader.ref("id", true);
    if (!id) continue;
    RudderEventDef event;
    event.id = *id;
    event.event_type = reader.choice("event_type", kEventTypes).value_or("");
    if (version == RudderSpec::v1 && !reader.get("event_type")) reader.missing("event_type");
    if (auto name = reader.ref("name", event.event_type == "track")) event.name = *name;
    event.description = reader.text("description").value_or("");
    event.category = read_category(reader.get("category"), diagnostics);
    project.events.push_back(std::move(event));
  }
}

void read_categories_spec(const config::Node& spec, RudderProject& project,
                          Diagnostics& diagnostics) {
  const config::Node* list = spec_list(spec, "categories", "categories spec", diagnostics);
  if (!list) return;
  for (const auto& item : list->items) {
    YamlFieldReader reader(item, "category", {"id", "name"}, diagnostics);
    if (!reader.is_mapping()) continue;
    auto id = reader.ref("id", true);
    if (!id) continue;
    project.categories.push_back({*id, reader.text("name", true).value_or(id->name)});
  }
}

void read_custom_types_spec(const config::Node& spec, RudderSpec version, RudderProject& project,
                            Diagnostics& diagnostics) {
  const config::Node* list = spec_list(spec, "types", "custom-types spec", diagnostics);
  if (!list) return;
  for (const auto& item : list->items) {
    YamlFieldReader reader(
        item, "custom type",
        {"id", "name", "description", "type", "config", "properties", "variants"}, diagnostics);
    if (!reader.is_mapping()) continue;
    auto id = reader.ref("id", true);
    if (!id) continue;
    RudderCustomType type;
    type.id = *id;
    type.name = reader.text("name", true).value_or(id->name);
    type.description = reader.text("description").value_or("");
    if (!reader.get("type")) reader.missing("type");
    read_rudder_type(reader, version, "config", type.type, diagnostics);
    if (const config::Node* properties = reader.sequence("properties")) {
      type.properties = read_rudder_uses(*properties, version, false, diagnostics);
    }
    if (const config::Node* variants = reader.sequence("variants")) {
      type.variants = read_rudder_variants(*variants, version, diagnostics);
    }
    project.custom_types.push_back(std::move(type));
  }
}

}  // namespace steward::model::formats
