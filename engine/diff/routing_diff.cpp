#include "diff/routing_diff.h"

#include <algorithm>
#include <cstdint>
#include <future>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "diff/entity_diffs.h"
#include "diff/field_diff.h"
#include "diff/keyed_diff.h"
#include "diff/path_set.h"
#include "diff/table_diff.h"

namespace steward::diff {

namespace {

// A route's key: "destination\nevent", compared and hashed as that text without building it.
struct RouteKey {
  std::string_view destination;
  std::string_view event;

  explicit RouteKey(const model::Route& r)
      : destination(r.destination->name), event(r.event->name) {}

  std::string text() const { return std::string(destination) + "\n" + std::string(event); }
  bool operator==(const RouteKey& o) const {
    if (destination.size() == o.destination.size()) {
      return destination == o.destination && event == o.event;
    }
    return text() == o.text();  // another split of one text (a name holding a newline)
  }
};

struct RouteKeyHash {
  size_t operator()(const RouteKey& k) const {
    uint64_t h = 14695981039346656037ULL;  // FNV-1a over the key's text
    auto add = [&](std::string_view part) {
      for (char c : part)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    };
    add(k.destination);
    add("\n");
    add(k.event);
    return static_cast<size_t>(h);
  }
};

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
  change.added_environments = missing_from(*h.environments, *b.environments);
  change.removed_environments = missing_from(*b.environments, *h.environments);
  std::unordered_map<std::string_view, const model::DeliveredProperty*> before;
  for (const auto& p : b.delivered_properties)
    before.emplace(p.property->path, &p);
  std::unordered_map<std::string_view, bool> now;
  for (const auto& p : h.delivered_properties) {
    now.emplace(p.property->path, true);
    auto it = before.find(p.property->path);
    if (it == before.end())
      change.added_properties.push_back(&p);
    else if (it->second->pii() != p.pii())
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
  (added ? change.added_environments : change.removed_environments) = *route.environments;
  auto& properties = added ? change.added_properties : change.removed_properties;
  for (const auto& p : route.delivered_properties)
    properties.push_back(&p);
  return change;
}

// Whether a route delivers what `b` did: the same environments, and the same properties (by
// path, in one order) with the same PII classes. Then compare_routes finds nothing, when no path
// is delivered twice (each head property is compared with base's first of its path).
bool same_delivery(const model::Route& b, const model::Route& h, PathSet& paths) {
  if (*b.environments != *h.environments) return false;
  const auto& before = b.delivered_properties;
  const auto& now = h.delivered_properties;
  if (before.size() != now.size()) return false;
  for (size_t i = 0; i < now.size(); ++i) {
    if (before[i].property != now[i].property && before[i].property->path != now[i].property->path)
      return false;
    if (before[i].category() != now[i].category() && before[i].pii() != now[i].pii()) return false;
  }
  return paths.unique(now);
}

// Head's routes at [begin, end) compared with base's: what changed, and which of base's routes
// (by their place in `before`) head also has.
struct RoutesCompared {
  std::vector<RouteChange> changes;
  std::vector<char> seen;  // [place in base.routes of the first route of a key] -> head has it
};

using BaseRoutes = std::unordered_map<RouteKey, size_t, RouteKeyHash>;

RoutesCompared compare_head_routes(const model::Model& base, const model::Model& head,
                                   const BaseRoutes& before, size_t begin, size_t end) {
  RoutesCompared compared;
  compared.seen.assign(base.routes.size(), 0);
  PathSet paths;
  for (size_t i = begin; i < end; ++i) {
    const model::Route& r = head.routes[i];
    auto it = before.find(RouteKey(r));
    if (it == before.end()) {
      compared.changes.push_back(one_sided(ChangeKind::added, r));
      continue;
    }
    compared.seen[it->second] = 1;
    const model::Route& b = base.routes[it->second];
    if (same_delivery(b, r, paths)) continue;
    RouteChange change = compare_routes(b, r);
    if (!change.added_environments.empty() || !change.removed_environments.empty() ||
        !change.added_properties.empty() || !change.removed_properties.empty() ||
        !change.reclassified_properties.empty()) {
      compared.changes.push_back(std::move(change));
    }
  }
  return compared;
}

// Below this many of head's routes, comparing them on one thread costs less than starting another.
constexpr size_t kRoutesForTwoThreads = 4096;

void diff_routes(const model::Model& base, const model::Model& head,
                 std::vector<RouteChange>& out) {
  BaseRoutes before;
  before.reserve(base.routes.size());
  for (size_t i = 0; i < base.routes.size(); ++i)
    before.emplace(RouteKey(base.routes[i]), i);
  // Head's routes in two halves, the second on a thread of its own: on a large plan the routes'
  // comparison was most of the change set's time, on one core while the tracking plan's diff
  // (compute_changes) had finished on the other.
  const size_t count = head.routes.size();
  const size_t half = count >= kRoutesForTwoThreads ? count / 2 : count;
  std::future<RoutesCompared> second;
  if (half < count) {
    second = std::async(std::launch::async,
                        [&] { return compare_head_routes(base, head, before, half, count); });
  }
  RoutesCompared compared = compare_head_routes(base, head, before, 0, half);
  std::move(compared.changes.begin(), compared.changes.end(), std::back_inserter(out));
  if (second.valid()) {
    RoutesCompared rest = second.get();
    std::move(rest.changes.begin(), rest.changes.end(), std::back_inserter(out));
    for (size_t i = 0; i < rest.seen.size(); ++i)
      compared.seen[i] |= rest.seen[i];
  }
  for (const auto& r : base.routes) {
    if (!compared.seen[before.find(RouteKey(r))->second])
      out.push_back(one_sided(ChangeKind::removed, r));
  }
}

}  // namespace

void diff_routing(const model::Model& base, const model::Model& head, ChangeSet& out) {
  diff_keyed<model::Source, SourceChange>(
      pointers(base.sources), pointers(head.sources),
      [](const model::Source& s) -> const std::string& { return s.name; },
      compare_entities<model::Source>, out.sources);
  diff_keyed<model::Destination, DestinationChange>(
      pointers(base.destinations), pointers(head.destinations),
      [](const model::Destination& d) -> const std::string& { return d.name; },
      compare_entities<model::Destination>, out.destinations);
  diff_keyed<model::Transformation, TransformationChange>(
      pointers(base.transformations), pointers(head.transformations),
      [](const model::Transformation& t) -> const std::string& { return t.name; },
      compare_entities<model::Transformation>, out.transformations);
  diff_routes(base, head, out.routes);
  add_widening(base, head, out.routes, out.destinations);
}

}  // namespace steward::diff
