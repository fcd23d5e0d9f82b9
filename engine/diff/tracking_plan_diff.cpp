#include <limits>
#include <type_traits>

#include "diff/entity_diffs.h"
#include "diff/field_diff.h"
#include "diff/keyed_diff.h"
#include "diff/table_diff.h"
#include "source/spelling.h"

namespace steward::diff {

namespace {

void compare_events(const model::Event& b, const model::Event& h, std::vector<FieldChange>& out) {
  FieldDiff d(out);
  compare_fields(d, b, h);
  model::Deprecation none;
  const model::Deprecation& bd = b.deprecated ? *b.deprecated : none;
  const model::Deprecation& hd = h.deprecated ? *h.deprecated : none;
  compare_fields(d, bd, hd, "deprecated");
}

void compare_properties(const model::Property& b, const model::Property& h,
                        std::vector<FieldChange>& out) {
  FieldDiff d(out);
  d.list("type", b.types, h.types);
  compare_fields(d, b, h);
  compare_fields(d, *b.constraints, *h.constraints);
  // The item type of an array is part of the property's type for compatibility.
  std::vector<std::string> bi = b.items.empty() ? std::vector<std::string>{} : b.items[0].types;
  std::vector<std::string> hi = h.items.empty() ? std::vector<std::string>{} : h.items[0].types;
  d.list("items.type", bi, hi);
}

std::string parent_of(const std::string& path) {
  auto dot = path.rfind('.');
  return dot == std::string::npos ? "" : path.substr(0, dot);
}

// Pairs removed and added properties of one event that are probably one property renamed: the
// same parent object and the same type; among several, the closest name.
void detect_renames(std::vector<PropertyChange>& changes, size_t first) {
  for (size_t r = first; r < changes.size(); ++r) {
    PropertyChange& removed = changes[r];
    if (!removed.removed()) continue;
    PropertyChange* best = nullptr;
    size_t best_distance = std::numeric_limits<size_t>::max();
    for (size_t a = first; a < changes.size(); ++a) {
      PropertyChange& added = changes[a];
      if (!added.added() || !added.renamed_from.empty()) continue;
      if (parent_of(added.head->path) != parent_of(removed.base->path)) continue;
      if (added.head->types != removed.base->types) continue;
      size_t distance = edit_distance(added.head->name, removed.base->name);
      if (distance < best_distance) {
        best_distance = distance;
        best = &added;
      }
    }
    if (best) {
      removed.renamed_to = best->head->path;
      best->renamed_from = removed.base->path;
    }
  }
}

void diff_properties(const model::Event& base, const model::Event& head,
                     std::vector<PropertyChange>& out) {
  size_t first = out.size();
  diff_keyed<model::Property, PropertyChange>(
      base.all_properties, head.all_properties, [](const model::Property& p) { return p.path; },
      compare_properties, out);
  for (size_t i = first; i < out.size(); ++i) {
    PropertyChange& change = out[i];
    change.event = head.name;
    change.base_event = &base;
    change.head_event = &head;
    change.name = head.name + "." + change.name;
  }
  detect_renames(out, first);
}

}  // namespace

void diff_event_pair(const model::Event& base, const model::Event& head, ChangeSet& out) {
  EventChange change;
  change.kind = ChangeKind::modified;
  change.name = head.name;
  change.base = &base;
  change.head = &head;
  compare_events(base, head, change.fields);
  if (!change.fields.empty()) out.events.push_back(std::move(change));
  diff_properties(base, head, out.properties);
}

void diff_tracking_plan(const model::Model& base, const model::Model& head, ChangeSet& out) {
  diff_keyed<model::Event, EventChange>(
      pointers(base.events), pointers(head.events), [](const model::Event& e) { return e.name; },
      compare_events, out.events);
  for (const auto& event : head.events) {
    if (const model::Event* before = base.find_event(event.name)) {
      diff_properties(*before, event, out.properties);
    }
  }
}

}  // namespace steward::diff
