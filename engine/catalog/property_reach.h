#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/model.h"

namespace steward::catalog {

// Where one property goes: a route that delivers it, and its PII class there.
struct Reach {
  const model::Route* route = nullptr;
  const model::DeliveredProperty* delivered = nullptr;
};

// The routes of the model read the other way round: per property, per event, per destination.
class PropertyReach {
 public:
  explicit PropertyReach(const model::Model& model);

  // The destinations a property reaches (after exclusions), with its class after transformations.
  const std::vector<Reach>& of(const model::Property& property) const;
  // The routes of an event, in destination order.
  const std::vector<const model::Route*>& routes_of(const model::Event& event) const;
  const std::vector<const model::Route*>& routes_to(const model::Destination& destination) const;

  // PII category -> what brings it to `destination`: each delivered property with that class.
  std::map<std::string, std::vector<Reach>> pii_reaching(
      const model::Destination& destination) const;

 private:
  std::unordered_map<const model::Property*, std::vector<Reach>> by_property_;
  std::unordered_map<const model::Event*, std::vector<const model::Route*>> by_event_;
  std::unordered_map<const model::Destination*, std::vector<const model::Route*>> by_destination_;
};

// Whether a PII class names personal data (not empty, not "none").
bool is_personal(const std::string& pii);

}  // namespace steward::catalog
