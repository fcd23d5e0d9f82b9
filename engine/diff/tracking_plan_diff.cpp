#include <limits>
#include <type_traits>

#include "diff/entity_diffs.h"
#include "diff/field_diff.h"
#include "diff/keyed_diff.h"
#include "model/model_fields.h"
#include "source/spelling.h"

namespace steward::diff {

namespace {

template <class T>
void compare_value(FieldDiff& d, const char* name, const T& base, const T& head) {
  if constexpr (std::is_same_v<T, std::string>) {
    d.text(name, base, head);
  } else if constexpr (std::is_same_v<T, bool>) {
    d.flag(name, base, head);
  } else if constexpr (std::is_same_v<T, model::Ref>) {
    d.text(name, base.name, head.name);
  } else if constexpr (std::is_same_v<T, std::vector<model::Ref>>) {
    d.refs(name, base, head);
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    d.list(name, base, head);
  } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
    d.text(name, base.value_or(""), head.value_or(""));
  } else if constexpr (std::is_same_v<T, std::optional<double>>) {
    d.number(name, base, head);
  } else if constexpr (std::is_same_v<T, std::optional<long long>>) {
    d.integer(name, base, head);
  } else {
    static_assert(std::is_same_v<T, model::EventStatus>, "a member type the diff does not know");
    d.text(name, std::string(model::to_string(base)), std::string(model::to_string(head)));
  }
}

// The diffed rows of a field table (model/model_fields.h), in its order.
template <class Owner, size_t N>
void compare_fields(FieldDiff& d, const model::ModelField<Owner> (&rows)[N], const Owner& b,
                    const Owner& h) {
  for (const model::ModelField<Owner>& row : rows) {
    if (!row.diffed) continue;
    std::visit([&](auto member) { compare_value(d, row.name, b.*member, h.*member); }, row.member);
  }
}

void compare_events(const model::Event& b, const model::Event& h, std::vector<FieldChange>& out) {
  FieldDiff d(out);
  compare_fields(d, model::kEventFields, b, h);
  model::Deprecation none;
  const model::Deprecation& bd = b.deprecated ? *b.deprecated : none;
  const model::Deprecation& hd = h.deprecated ? *h.deprecated : none;
  d.text("deprecated.since", bd.since, hd.since);
  d.text("deprecated.sunset", bd.sunset, hd.sunset);
  d.text("deprecated.replaced_by", bd.replaced_by.name, hd.replaced_by.name);
}

void compare_properties(const model::Property& b, const model::Property& h,
                        std::vector<FieldChange>& out) {
  FieldDiff d(out);
  d.list("type", b.types, h.types);
  compare_fields(d, model::kPropertyFields, b, h);
  compare_fields(d, model::kConstraintFields, *b.constraints, *h.constraints);
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
