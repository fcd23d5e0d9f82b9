#include <limits>
#include <type_traits>
#include <utility>

#include "diff/entity_diffs.h"
#include "diff/field_diff.h"
#include "diff/keyed_diff.h"
#include "diff/path_set.h"
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

const model::TypeNames& item_types(const model::Property& p) {
  static const model::TypeNames kNone;
  return p.items.empty() ? kNone : p.items[0].types;
}

constexpr size_t diffed_rows(const auto& table) {
  size_t n = 0;
  for (const auto& row : table)
    n += row.diffed ? 1 : 0;
  return n;
}

// Whether compare_properties would find nothing, judged member by member without its texts: the
// common case, an unchanged property, at the cost of a few comparisons. The constraints are
// compared whole (value_types too, which the diff does not list: a difference there only sends
// the pair to compare_properties).
bool alike(const model::Property& b, const model::Property& h) {
  static_assert(diffed_rows(model::kPropertyFields) == 5,
                "a property field the diff compares is missing here");
  return b.types == h.types && b.required == h.required && b.pii == h.pii &&
         same_value(b.consent, h.consent) && b.description == h.description &&
         b.additional_properties == h.additional_properties &&
         (b.constraints.shares_with(h.constraints) || *b.constraints == *h.constraints) &&
         item_types(b) == item_types(h);
}

void compare_properties(const model::Property& b, const model::Property& h,
                        std::vector<FieldChange>& out) {
  if (&b == &h || alike(b, h)) return;  // one object, or nothing differs
  FieldDiff d(out);
  d.list("type", b.types.to_vector(), h.types.to_vector());
  compare_fields(d, b, h);
  // Constraints are shared between properties that hold alike ones (model/shared_value.h).
  if (!b.constraints.shares_with(h.constraints)) compare_fields(d, *b.constraints, *h.constraints);
  // The item type of an array is part of the property's type for compatibility.
  d.list("items.type", item_types(b).to_vector(), item_types(h).to_vector());
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

// Whether both lists hold properties of the same paths in the same order.
bool same_paths(const std::vector<const model::Property*>& base,
                const std::vector<const model::Property*>& head) {
  if (base.size() != head.size()) return false;
  for (size_t i = 0; i < base.size(); ++i) {
    if (base[i] != head[i] && base[i]->path != head[i]->path) return false;
  }
  return true;
}

// Pairs the properties of two versions of an event by path, as diff_keyed does. When both list
// the same paths in the same order and no path is listed twice (PathSet), pairing by position is
// that pairing, and nothing is added or removed: the pairs are compared in place, without
// indexing them. (A path listed twice pairs every head property of it with base's first one.)
void diff_properties(const model::Event& base, const model::Event& head,
                     std::vector<PropertyChange>& out, PathSet& paths) {
  size_t first = out.size();
  const auto& before = base.all_properties;
  const auto& now = head.all_properties;
  if (same_paths(before, now) && paths.unique(now)) {
    if (&base == &head) return;  // one object: every pair is one property
    std::vector<FieldChange> fields;
    for (size_t i = 0; i < now.size(); ++i) {
      compare_properties(*before[i], *now[i], fields);
      if (fields.empty()) continue;
      PropertyChange change;
      change.fields = std::exchange(fields, {});
      change.kind = ChangeKind::modified;
      change.name = now[i]->path;
      change.base = before[i];
      change.head = now[i];
      out.push_back(std::move(change));
    }
  } else {
    diff_keyed<model::Property, PropertyChange>(
        before, now, [](const model::Property& p) -> const std::string& { return p.path; },
        compare_properties, out);
  }
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
  if (&base != &head) compare_events(base, head, change.fields);
  if (!change.fields.empty()) out.events.push_back(std::move(change));
  PathSet paths;
  diff_properties(base, head, out.properties, paths);
}

void diff_tracking_plan(const model::Model& base, const model::Model& head, ChangeSet& out) {
  diff_keyed<model::Event, EventChange>(
      pointers(base.events), pointers(head.events),
      [](const model::Event& e) -> const std::string& { return e.name; }, compare_events,
      out.events);
  PathSet paths;
  for (const auto& event : head.events) {
    if (const model::Event* before = base.find_event(event.name)) {
      diff_properties(*before, event, out.properties, paths);
    }
  }
}

}  // namespace steward::diff
