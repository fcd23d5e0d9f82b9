#include "policy/model_view.h"

namespace steward::policy {

const std::vector<const model::Route*> ModelView::kNoRoutes;

void build_view(const model::Model& model, bool is_base, ModelView& view) {
  view.model = &model;
  view.is_base = is_base;
  view.all_properties.clear();
  // Reserved once: a large plan has hundreds of thousands of properties, and a vector grown by
  // doubling holds up to twice their size (three views are alive during a check).
  size_t properties = 0;
  for (const auto& event : model.events)
    properties += event.all_properties.size();
  view.all_properties.reserve(properties);
  for (const auto& event : model.events) {
    view.all_properties.insert(view.all_properties.end(), event.all_properties.begin(),
                               event.all_properties.end());
  }
  view.all_match_keys.clear();
  for (const auto& identity : model.identities) {
    for (const auto& key : identity.match_keys)
      view.all_match_keys.push_back(&key);
  }
  view.routes_by_event.clear();
  view.routes_by_event.reserve(model.events.size());
  view.routes_by_destination.clear();
  for (const auto& route : model.routes) {
    view.routes_by_event[route.event].push_back(&route);
    view.routes_by_destination[route.destination].push_back(&route);
  }
}

}  // namespace steward::policy
