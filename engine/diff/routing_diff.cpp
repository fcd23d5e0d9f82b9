#include "diff/routing_diff.h"

#include <algorithm>
#include <unordered_map>

#include "diff/entity_diffs.h"
#include "diff/field_diff.h"
#include "diff/keyed_diff.h"
#include "diff/table_diff.h"

namespace steward::diff {

namespace {

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
      compare_entities<model::Source>, out.sources);
  diff_keyed<model::Destination, DestinationChange>(
      pointers(base.destinations), pointers(head.destinations),
      [](const model::Destination& d) { return d.name; }, compare_entities<model::Destination>,
      out.destinations);
  diff_keyed<model::Transformation, TransformationChange>(
      pointers(base.transformations), pointers(head.transformations),
      [](const model::Transformation& t) { return t.name; },
      compare_entities<model::Transformation>, out.transformations);
  diff_routes(base, head, out.routes);
  add_widening(base, head, out.routes, out.destinations);
}

}  // namespace steward::diff
