#include "model/formats/segment_plan.h"

#include "model/yaml_field_reader.h"
#include "source/rule_ids.h"

namespace steward::model::formats {

namespace {

const config::Node* events_of(const config::Node& root) {
  if (const config::Node* events = root.find("events"); events && events->is_sequence())
    return events;
  if (const config::Node* rules = root.find("rules"); rules && rules->is_mapping()) {
    if (const config::Node* events = rules->find("events"); events && events->is_sequence())
      return events;
  }
  return nullptr;
}

// A schema keyword added to the event's `rules` (a copy), written where the event entry wrote it.
void annotate(config::Node& schema, const char* key, const config::Node& value) {
  if (schema.find(key)) return;
  config::MapEntry entry;
  entry.key.kind = config::Node::Kind::scalar;
  entry.key.text = key;
  entry.key.span = value.span;
  entry.value = value;
  schema.entries.push_back(std::move(entry));
}

}  // namespace

bool SegmentTrackingPlans::recognises(const config::Node& root) {
  if (!root.is_mapping() || root.find("kind") || root.find("$schema")) return false;
  const config::Node* events = events_of(root);
  if (!events) return false;
  for (const auto& item : events->items) {
    if (item.is_mapping() && item.find("name") && item.find("rules")) return true;
  }
  return false;
}

std::vector<const config::Document*> SegmentTrackingPlans::take(const config::Document& document,
                                                                Diagnostics& diagnostics) {
  std::vector<const config::Document*> out;
  for (const auto& item : events_of(document.root)->items) {
    YamlFieldReader reader(item, "tracking plan event",
                           {"name", "description", "version", "rules", "labels"}, diagnostics);
    if (!reader.is_mapping()) continue;
    auto name = reader.ref("name", true);
    const config::Node* rules = reader.mapping("rules");
    reader.integer("version");
    reader.text("description");
    reader.mapping("labels");
    if (!name || !rules) {
      if (name && !reader.get("rules")) reader.missing("rules");
      continue;
    }
    config::Document event{*rules, document.source, document.index};
    annotate(event.root, "title", *item.find("name"));
    if (const config::Node* description = item.find("description"))
      annotate(event.root, "description", *description);
    events_.push_back(std::move(event));
    out.push_back(&events_.back());
  }
  return out;
}

}  // namespace steward::model::formats
