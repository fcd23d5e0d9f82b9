#include "model/kind_readers.h"
#include "model/model_field_reader.h"
#include "model/yaml_field_reader.h"

namespace steward::model {

namespace {

void read_exclusions(YamlFieldReader& reader, Destination& destination, Diagnostics& diagnostics) {
  const config::Node* exclusions = reader.mapping("exclude_properties");
  if (!exclusions) return;
  for (const auto& entry : exclusions->entries) {
    Exclusion exclusion;
    exclusion.event = Ref{std::string(entry.key.text), entry.key.span};
    if (entry.value.is_sequence()) {
      for (const auto& item : entry.value.items) {
        if (auto r = scalar_ref(item, "an excluded property", diagnostics)) {
          exclusion.properties.push_back(std::move(*r));
        }
      }
    } else if (!entry.value.is_null()) {
      reader.wrong_type(entry.value, "exclude_properties." + std::string(entry.key.text),
                        "a list of property paths");
    }
    destination.exclude_properties.push_back(std::move(exclusion));
  }
}

void read_mappings(YamlFieldReader& reader, Destination& destination, Diagnostics& diagnostics) {
  const config::Node* mappings = reader.sequence("mappings");
  if (!mappings) return;
  for (const auto& item : mappings->items) {
    YamlFieldReader m(item, "mapping", {"event", "from", "to"}, diagnostics);
    if (!m.is_mapping()) continue;
    Mapping mapping;
    mapping.span = item.span;
    auto event = m.ref("event");
    auto from = m.ref("from", true);
    auto to = m.text("to", true);
    if (!from || !to) continue;
    if (event) mapping.event = *event;
    mapping.from = *from;
    mapping.to = *to;
    destination.mappings.push_back(std::move(mapping));
  }
}

}  // namespace

std::optional<Destination> read_destination(const config::Node& root, Diagnostics& diagnostics) {
  static const std::vector<std::string> keys =
      known_keys<Destination>({"kind", "name", "events", "exclude_properties", "mappings"});
  YamlFieldReader reader(root, "destination", keys, diagnostics);
  auto name = reader.ref("name", true);
  if (!name) return std::nullopt;
  Destination destination;
  destination.name = name->name;
  destination.span = name->span;
  read_fields(reader, destination, diagnostics);  // model_fields.h
  destination.all_events = reader.refs_or_all("events", destination.events);
  read_exclusions(reader, destination, diagnostics);
  read_mappings(reader, destination, diagnostics);
  return destination;
}

}  // namespace steward::model
