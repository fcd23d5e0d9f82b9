#include "catalog/property_reach.h"

namespace steward::catalog {

namespace {

template <typename Key, typename Value>
const std::vector<Value>& find_or_empty(const std::unordered_map<Key, std::vector<Value>>& map,
                                        Key key) {
  static const std::vector<Value> none;
  auto found = map.find(key);
  return found == map.end() ? none : found->second;
}

}  // namespace

bool is_personal(const std::string& pii) {
  return !pii.empty() && !model::is_no_pii(pii);
}

PropertyReach::PropertyReach(const model::Model& model) {
  for (const auto& route : model.routes) {
    by_event_[route.event].push_back(&route);
    by_destination_[route.destination].push_back(&route);
    for (const auto& delivered : route.delivered_properties)
      by_property_[delivered.property].push_back({&route, &delivered});
  }
}

const std::vector<Reach>& PropertyReach::of(const model::Property& property) const {
  return find_or_empty(by_property_, &property);
}

const std::vector<const model::Route*>& PropertyReach::routes_of(const model::Event& event) const {
  return find_or_empty(by_event_, &event);
}

const std::vector<const model::Route*>& PropertyReach::routes_to(
    const model::Destination& destination) const {
  return find_or_empty(by_destination_, &destination);
}

std::map<std::string, std::vector<Reach>> PropertyReach::pii_reaching(
    const model::Destination& destination) const {
  std::map<std::string, std::vector<Reach>> out;
  for (const model::Route* route : routes_to(destination)) {
    for (const auto& delivered : route->delivered_properties) {
      if (is_personal(delivered.pii())) out[delivered.pii()].push_back({route, &delivered});
    }
  }
  return out;
}

}  // namespace steward::catalog
