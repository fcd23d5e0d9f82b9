#include "diff/routing_diff.h"

#include <algorithm>
#include <unordered_map>

#include "diff/entity_diffs.h"
#include "diff/field_diff.h"
#include "diff/keyed_diff.h"

namespace steward::diff {

namespace {

void compare_sources(const model::Source& b, const model::Source& h,
                     std::vector<FieldChange>& out) {
  FieldDiff d(out);
  d.text("platform", b.platform, h.platform);
  d.refs("environments", b.environments, h.environments);
  d.text("description", b.description, h.description);
}

std::vector<std::string> exclusions_text(const model::Destination& d) {
  std::vector<std::string> out;
  for (const auto& x : d.exclude_properties)
    out.push_back(x.event.name + ": " + join(names(x.properties)));
  return out;
}

std::vector<std::string> mappings_text(const model::Destination& d) {
  std::vector<std::string> out;
  for (const auto& m : d.mappings) {
    out.push_back((m.event.name.empty() ? "" : m.event.name + " ") + m.from.name + " -> " + m.to);
  }
  return out;
}

std::vector<std::string> events_text(const model::Destination& d) {
  return d.all_events ? std::vector<std::string>{"*"} : names(d.events);
}

void compare_destinations(const model::Destination& b, const model::Destination& h,
                          std::vector<FieldChange>& out) {
  FieldDiff d(out);
  d.text("category", b.category, h.category);
  d.refs("environments", b.environments, h.environments);
  d.text("region", b.region, h.region);
  d.refs("consent", b.consent, h.consent);
  d.refs("allow_pii", b.allow_pii, h.allow_pii);
  d.list("events", events_text(b), events_text(h));
  d.list("exclude_properties", exclusions_text(b), exclusions_text(h));
  d.list("mappings", mappings_text(b), mappings_text(h));
  d.refs("transformations", b.transformations, h.transformations);
  d.text("description", b.description, h.description);
  d.flag("enabled", b.enabled, h.enabled);
  d.text("owner", b.owner.name, h.owner.name);
  d.text("receives", receives_text(b), receives_text(h));
  d.list("connection_mode", connection_modes_text(b), connection_modes_text(h));
  d.list("consent_management", consent_providers_text(b), consent_providers_text(h));
}

std::vector<std::string> writes_text(const model::Transformation& t) {
  std::vector<std::string> out;
  for (const auto& w : t.writes)
    out.push_back(w.property.name + ": " + w.category.name);
  return out;
}

void compare_transformations(const model::Transformation& b, const model::Transformation& h,
                             std::vector<FieldChange>& out) {
  FieldDiff d(out);
  d.list("events", b.all_events ? std::vector<std::string>{"*"} : names(b.events),
         h.all_events ? std::vector<std::string>{"*"} : names(h.events));
  d.refs("reads", b.reads, h.reads);
  d.list("writes", writes_text(b), writes_text(h));
  d.text("description", b.description, h.description);
}

std::string route_key(const model::Route& r) {
  return r.destination->name + "\n" + r.event->name;
}

std::vector<std::string> missing_from(const std::vector<std::string>& items,
                                      const std::vector<std::string>& other) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    if (std::find(other.begin(), other.end(), item) == other.end()) out.push_back(item);
  }
  return out;
}

RouteChange compare_routes(const model::Route& b, const model::Route& h) {
  RouteChange change;
  change.kind = ChangeKind::modified;
  change.destination = h.destination->name;
  change.event = h.event->name;
  change.base = &b;
  change.head = &h;
  change.added_environments = missing_from(h.environments, b.environments);
  change.removed_environments = missing_from(b.environments, h.environments);
  std::unordered_map<std::string_view, const model::DeliveredProperty*> before;
  for (const auto& p : b.delivered_properties)
    before.emplace(p.property->path, &p);
  std::unordered_map<std::string_view, bool> now;
  for (const auto& p : h.delivered_properties) {
    now.emplace(p.property->path, true);
    auto it = before.find(p.property->path);
    if (it == before.end())
      change.added_properties.push_back(&p);
    else if (it->second->pii != p.pii)
      change.reclassified_properties.push_back(&p);
  }
  for (const auto& p : b.delivered_properties) {
    if (!now.count(p.property->path)) change.removed_properties.push_back(&p);
  }
  return change;
}

// A route that exists on one side only: everything it delivers is added or removed.
RouteChange one_sided(ChangeKind kind, const model::Route& route) {
  RouteChange change;
  change.kind = kind;
  change.destination = route.destination->name;
  change.event = route.event->name;
  const bool added = kind == ChangeKind::added;
  (added ? change.head : change.base) = &route;
  (added ? change.added_environments : change.removed_environments) = route.environments;
  auto& properties = added ? change.added_properties : change.removed_properties;
  for (const auto& p : route.delivered_properties)
    properties.push_back(&p);
  return change;
}

void diff_routes(const model::Model& base, const model::Model& head,
                 std::vector<RouteChange>& out) {
  std::unordered_map<std::string, const model::Route*> before;
  for (const auto& r : base.routes)
    before.emplace(route_key(r), &r);
  std::unordered_map<std::string, bool> now;
  for (const auto& r : head.routes) {
    std::string key = route_key(r);
    now.emplace(key, true);
    auto it = before.find(key);
    if (it == before.end()) {
      out.push_back(one_sided(ChangeKind::added, r));
      continue;
    }
    RouteChange change = compare_routes(*it->second, r);
    if (!change.added_environments.empty() || !change.removed_environments.empty() ||
        !change.added_properties.empty() || !change.removed_properties.empty() ||
        !change.reclassified_properties.empty()) {
      out.push_back(std::move(change));
    }
  }
  for (const auto& r : base.routes) {
    if (!now.count(route_key(r))) out.push_back(one_sided(ChangeKind::removed, r));
  }
}

}  // namespace

void diff_routing(const model::Model& base, const model::Model& head, ChangeSet& out) {
  diff_keyed<model::Source, SourceChange>(
      pointers(base.sources), pointers(head.sources), [](const model::Source& s) { return s.name; },
      compare_sources, out.sources);
  diff_keyed<model::Destination, DestinationChange>(
      pointers(base.destinations), pointers(head.destinations),
      [](const model::Destination& d) { return d.name; }, compare_destinations, out.destinations);
  diff_keyed<model::Transformation, TransformationChange>(
      pointers(base.transformations), pointers(head.transformations),
      [](const model::Transformation& t) { return t.name; }, compare_transformations,
      out.transformations);
  diff_routes(base, head, out.routes);
  add_widening(base, head, out.routes, out.destinations);
}

}  // namespace steward::diff
