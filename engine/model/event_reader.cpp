#include <algorithm>

#include "model/kind_readers.h"
#include "model/model_field_reader.h"
#include "model/property_reader.h"
#include "model/yaml_field_reader.h"

namespace steward::model {

namespace {

const KnownKeys& event_keys() {
  static const KnownKeys keys(known_keys<Event>({"kind", "name", "deprecated", "properties"}));
  return keys;
}

}  // namespace

std::optional<Event> read_event(const config::Node& root, Diagnostics& diagnostics) {
  YamlFieldReader reader(root, What{"event"}, event_keys(), diagnostics);
  auto name = reader.ref("name", true);
  if (!name) return std::nullopt;
  Event event;
  event.name = name->name;
  event.span = name->span;
  read_fields(reader, event, diagnostics);
  if (const config::Node* deprecated = reader.mapping("deprecated")) {
    static const KnownKeys keys(known_keys<Deprecation>({"reason"}));
    YamlFieldReader d(*deprecated, What{"deprecated"}, keys, diagnostics);
    Deprecation deprecation;
    deprecation.span = deprecated->span;
    read_fields(d, deprecation, diagnostics);  // model_fields.h
    d.text("reason");
    event.deprecated = std::move(deprecation);
  }
  if (const config::Node* properties = reader.mapping("properties")) {
    event.properties = read_properties(*properties, "", diagnostics);
  }
  return event;
}

std::optional<Property> read_library_property(const config::Node& root, Diagnostics& diagnostics) {
  std::vector<std::string> keys = property_keys();
  keys.push_back("kind");
  keys.push_back("name");
  // Unknown keys are reported once, here; read_property below sees only the property's keys.
  YamlFieldReader reader(root, "property", keys, diagnostics);
  const config::Node* name = root.find("name");
  auto name_ref = reader.ref("name", true);
  if (!name_ref || !name) return std::nullopt;
  // The property's own keys, in a mapping that lives while it is read.
  std::vector<config::MapEntry> own;
  for (const config::MapEntry& e : root.entries) {
    if (e.key.text != "kind" && e.key.text != "name" &&
        std::find(keys.begin(), keys.end(), e.key.text) != keys.end())
      own.push_back(e);
  }
  config::Node definition = root;
  definition.entries = config::NodeList<config::MapEntry>(own.data(), own.size());
  return read_property(*name, definition, "", diagnostics);
}

}  // namespace steward::model
