#include "kpi/coverage.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace steward::kpi {

using model::Destination;
using model::EventStatus;
using model::Model;
using model::Property;
using model::Route;

bool is_production_environment(std::string_view environment) {
  return environment == "production" || environment == "prod";
}

bool is_production_property(const Model& model, const Property& property) {
  // The property library is not collected by itself.
  return property.event != nullptr && is_production_event(model, *property.event);
}

bool is_production_event(const Model& model, const model::Event& event) {
  if (event.status == EventStatus::draft || event.status == EventStatus::removed) return false;
  if (event.sources.empty()) return true;
  for (const auto& ref : event.sources) {
    const model::Source* source = model.find_source(ref.name);
    if (source == nullptr || source->environments.empty()) return true;
    for (const auto& environment : source->environments) {
      if (is_production_environment(environment.name)) return true;
    }
  }
  return false;
}

CoverageIndex::CoverageIndex(const Model& model) : model_(model) {
  std::vector<std::pair<const model::Event*, const Route*>> pairs;
  pairs.reserve(model.routes.size());
  for (const auto& route : model.routes)
    pairs.emplace_back(route.event, &route);
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return std::less<const model::Event*>()(a.first, b.first);
  });
  events_.reserve(pairs.size());
  routes_.reserve(pairs.size());
  for (const auto& [event, route] : pairs) {
    events_.push_back(event);
    routes_.push_back(route);
  }
}

bool CoverageIndex::production(const Property& property) const {
  return is_production_property(model_, property);
}

std::span<const Route* const> CoverageIndex::routes_of(const model::Event& event) const {
  auto [first, last] =
      std::equal_range(events_.begin(), events_.end(), &event, std::less<const model::Event*>());
  return {routes_.data() + (first - events_.begin()), static_cast<size_t>(last - first)};
}

namespace {

// Calls `visit` with each destination that receives `property` (after exclusions), in model
// order, until it returns false.
template <typename Visit>
void visit_receivers(std::span<const Route* const> routes, const Property& property, Visit visit) {
  for (const Route* route : routes) {
    for (const auto& delivered : route->delivered_properties) {
      if (delivered.property == &property && !visit(route->destination)) return;
    }
  }
}

std::span<const Route* const> routes_carrying(const CoverageIndex& index,
                                              const Property& property) {
  if (property.event == nullptr) return {};  // the property library reaches no destination
  return index.routes_of(*property.event);
}

// has_metadata, given how to visit the property's receivers: `for_each_receiver(visit)` calls
// `visit` with each destination that receives it until `visit` returns false. measure_coverage
// has them at hand, sorted, and need not scan the event's routes again.
template <typename ForEachReceiver>
bool metadata_given(const Property& property, ForEachReceiver for_each_receiver) {
  if (property.pii->empty()) return false;
  if (model::is_no_pii(*property.pii) || !property.consent.empty()) return true;
  bool any = false, all_require_consent = true;
  for_each_receiver([&](const Destination* destination) {
    any = true;
    all_require_consent = !destination->consent.empty();
    return all_require_consent;
  });
  return any && all_require_consent;
}

}  // namespace

std::vector<const Destination*> CoverageIndex::receivers(const Property& property) const {
  std::vector<const Destination*> out;
  visit_receivers(routes_carrying(*this, property), property, [&](const Destination* destination) {
    out.push_back(destination);
    return true;
  });
  return out;
}

// missing_metadata(property).empty() without building the message: coverage asks this of every
// property in production, twice on a check (base and head).
bool CoverageIndex::has_metadata(const Property& property) const {
  return metadata_given(property, [&](auto visit) {
    visit_receivers(routes_carrying(*this, property), property, visit);
  });
}

std::string CoverageIndex::missing_metadata(const Property& property) const {
  if (property.pii->empty()) return "no `pii:`";
  if (model::is_no_pii(*property.pii) || !property.consent.empty()) return "";
  const auto destinations = receivers(property);
  if (destinations.empty()) {
    return "personal (" + *property.pii + ") with no `consent:`, and no destination receives it";
  }
  for (const Destination* destination : destinations) {
    if (destination->consent.empty()) {
      return "personal (" + *property.pii + ") with no `consent:`, and destination " +
             destination->name + " requires none";
    }
  }
  return "";
}

double CoverageCount::percent() const {
  return total == 0 ? 100.0 : 100.0 * static_cast<double>(covered) / static_cast<double>(total);
}

namespace {

void count(CoverageCount& counter, bool covered) {
  ++counter.total;
  if (covered) ++counter.covered;
}

// Whether `a` is lower than `b`, compared exactly (a.covered/a.total < b.covered/b.total).
bool lower(const CoverageCount& a, const CoverageCount& b) {
  size_t a_total = a.total == 0 ? 1 : a.total, a_covered = a.total == 0 ? 1 : a.covered;
  size_t b_total = b.total == 0 ? 1 : b.total, b_covered = b.total == 0 ? 1 : b.covered;
  return a_covered * b_total < b_covered * a_total;
}

}  // namespace

Coverage measure_coverage(const Model& model) {
  return measure_coverage(model, CoverageIndex(model));
}

namespace {

// One event's deliveries, sorted by property (stable: a property's destinations stay in model
// order), so each property finds its receivers without a scan of every route of its event.
class EventDeliveries {
 public:
  using Delivery = std::pair<const Property*, const Destination*>;
  using Range =
      std::pair<std::vector<Delivery>::const_iterator, std::vector<Delivery>::const_iterator>;

  void sort(const CoverageIndex& index, const model::Event& event) {
    delivered_.clear();
    for (const Route* route : index.routes_of(event)) {
      for (const auto& d : route->delivered_properties)
        delivered_.emplace_back(d.property, route->destination);
    }
    std::stable_sort(delivered_.begin(), delivered_.end(), [](const auto& a, const auto& b) {
      return std::less<const Property*>()(a.first, b.first);
    });
  }

  // The deliveries of `property`, one of the sorted event's.
  Range of(const Property* property) const {
    auto first = std::lower_bound(delivered_.begin(), delivered_.end(), property,
                                  [](const Delivery& pair, const Property* p) {
                                    return std::less<const Property*>()(pair.first, p);
                                  });
    auto last = first;
    while (last != delivered_.end() && last->first == property)
      ++last;
    return {first, last};
  }

 private:
  std::vector<Delivery> delivered_;
};

bool covered_by(const Property& property, EventDeliveries::Range receivers) {
  return metadata_given(property, [&](auto visit) {
    for (auto it = receivers.first; it != receivers.second; ++it) {
      if (!visit(it->second)) return;
    }
  });
}

// Whether a property's metadata depends on who receives it: personal, with no consent of its own.
bool needs_receivers(const Property& property) {
  return !property.pii->empty() && !model::is_no_pii(*property.pii) && property.consent.empty();
}

}  // namespace

Coverage measure_coverage(const Model& model, const CoverageIndex& index) {
  Coverage coverage;
  // A large plan has hundreds of thousands of properties and a few hundred events and
  // destinations: each counter is looked up by name once per event or destination, not once per
  // property (std::map keeps the references stable).
  std::unordered_map<const Destination*, CoverageCount*> by_destination;
  EventDeliveries deliveries;
  for (const auto& event : model.events) {
    if (event.all_properties.empty() || !is_production_event(model, event)) continue;
    CoverageCount& domain = coverage.by_domain[event.domain];
    CoverageCount& owner = coverage.by_owner[event.owner.name];
    deliveries.sort(index, event);
    for (const Property* property : event.all_properties) {
      const EventDeliveries::Range receivers = deliveries.of(property);
      const bool covered = covered_by(*property, receivers);
      count(coverage.overall, covered);
      count(domain, covered);
      count(owner, covered);
      const model::Destination* previous = nullptr;
      for (auto it = receivers.first; it != receivers.second; ++it) {
        const Destination* destination = it->second;
        if (destination == previous) continue;  // one route per destination and event
        auto [counter, added] = by_destination.try_emplace(destination, nullptr);
        if (added) counter->second = &coverage.by_destination[destination->name];
        count(*counter->second, covered);
        previous = destination;
      }
      if (!covered) coverage.uncovered.push_back(property);
    }
  }
  return coverage;
}

Coverage measure_overall_coverage(const Model& model) {
  return measure_overall_coverage(model, CoverageIndex(model));
}

Coverage measure_overall_coverage(const Model& model, const CoverageIndex& index) {
  // An event with a few such properties scans its routes for each (has_metadata); one with many
  // sorts its deliveries once, as measure_coverage does.
  constexpr size_t kScannedAtMost = 8;
  Coverage coverage;
  EventDeliveries deliveries;
  for (const auto& event : model.events) {
    if (event.all_properties.empty() || !is_production_event(model, event)) continue;
    const size_t needy = static_cast<size_t>(
        std::count_if(event.all_properties.begin(), event.all_properties.end(),
                      [](const Property* property) { return needs_receivers(*property); }));
    const bool sorted = needy > kScannedAtMost;
    if (sorted) deliveries.sort(index, event);
    for (const Property* property : event.all_properties) {
      bool covered;
      if (!needs_receivers(*property)) {
        covered = covered_by(*property, {});
      } else {
        covered =
            sorted ? covered_by(*property, deliveries.of(property)) : index.has_metadata(*property);
      }
      count(coverage.overall, covered);
      if (!covered) coverage.uncovered.push_back(property);
    }
  }
  return coverage;
}

std::vector<const Property*> coverage_lowered_at(const Model& base, const Model& head) {
  // Base's index serves both its measure and the look-ups below: an index sorts every delivery
  // of a model (a million in a large plan), and this runs on every check.
  CoverageIndex base_index(base);
  Coverage before = measure_overall_coverage(base, base_index);
  Coverage after = measure_overall_coverage(head);
  if (!lower(after.overall, before.overall)) return {};
  std::vector<const Property*> introduced;
  for (const Property* property : after.uncovered) {
    const model::Event* base_event = base.find_event(property->event->name);
    const Property* was =
        base_event == nullptr ? nullptr : Model::find_property(*base_event, property->path);
    bool was_uncovered =
        was != nullptr && base_index.production(*was) && !base_index.has_metadata(*was);
    if (!was_uncovered) introduced.push_back(property);
  }
  return introduced.empty() ? after.uncovered : introduced;
}

}  // namespace steward::kpi
