#include "catalog/anchors.h"

#include <algorithm>

namespace steward::catalog {

std::string event_anchor(const model::Model& model, const model::Event& event) {
  return "e-" + std::to_string(model.event_index(event));
}

std::string property_anchor(const model::Model& model, const model::Property& property) {
  const model::Event& event = *property.event;
  const auto& all = event.all_properties;
  const auto at = std::find(all.begin(), all.end(), &property) - all.begin();
  return event_anchor(model, event) + "-p-" + std::to_string(at);
}

}  // namespace steward::catalog
