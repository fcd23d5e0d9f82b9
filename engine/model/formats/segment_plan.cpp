#include "model/formats/segment_plan.h"

#include <algorithm>
#include <memory>

#include "config/node_arena.h"
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

// A schema keyword added to the event's `rules` (their entries, copied), written where the event
// entry wrote it.
void annotate(std::vector<config::MapEntry>& schema, const char* key, const config::Node& value) {
  for (const config::MapEntry& entry : schema) {
    if (entry.key.text == key) return;
  }
  config::MapEntry entry;
  entry.key.kind = config::Node::Kind::scalar;
  entry.key.text = key;
  entry.key.span = value.span;
  entry.value = value;
  schema.push_back(entry);
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
    std::vector<config::MapEntry> entries(rules->entries.begin(), rules->entries.end());
    annotate(entries, "title", *item.find("name"));
    if (const config::Node* description = item.find("description"))
      annotate(entries, "description", *description);
    // The event's schema is its rules with these entries added, in an arena of its own that
    // keeps the file's, whose nodes it shares.
    auto arena = std::make_shared<config::NodeArena>();
    arena->keep(document.arena);
    config::MapEntry* copied = arena->entries(entries.size());
    std::copy(entries.begin(), entries.end(), copied);
    config::Node root = *rules;
    root.entries = config::NodeList<config::MapEntry>(copied, entries.size());
    events_.emplace_back(root, document.source, document.index, std::move(arena));
    out.push_back(&events_.back());
  }
  return out;
}

}  // namespace steward::model::formats
