#include "policy/model_view.h"

namespace steward::policy {

namespace {

const std::vector<const model::Route*> kNoRoutes;

}  // namespace

void build_view(const model::Model& model, bool is_base, ModelView& view) {
  view.model = &model;
  view.is_base = is_base;
}

const std::vector<const model::Property*>& ModelView::all_properties() const {
  std::call_once(properties_built_, [this] {
    // Reserved once: a large plan has hundreds of thousands of properties, and a vector grown by
    // doubling holds up to twice their size.
    size_t properties = 0;
    for (const auto& event : model->events)
      properties += event.all_properties.size();
    all_properties_.reserve(properties);
    for (const auto& event : model->events) {
      all_properties_.insert(all_properties_.end(), event.all_properties.begin(),
                             event.all_properties.end());
    }
  });
  return all_properties_;
}

const std::vector<const model::MatchKey*>& ModelView::all_match_keys() const {
  std::call_once(match_keys_built_, [this] {
    for (const auto& identity : model->identities) {
      for (const auto& key : identity.match_keys)
        all_match_keys_.push_back(&key);
    }
  });
  return all_match_keys_;
}

const ModelView::Routes& ModelView::routes() const {
  std::call_once(routes_built_, [this] {
    routes_.by_event.reserve(model->events.size());
    for (const auto& route : model->routes) {
      routes_.by_event[route.event].push_back(&route);
      routes_.by_destination[route.destination].push_back(&route);
    }
  });
  return routes_;
}

const std::vector<const model::Route*>& ModelView::routes_of(const model::Event& event) const {
  const auto& by_event = routes().by_event;
  auto it = by_event.find(&event);
  return it == by_event.end() ? kNoRoutes : it->second;
}

const std::vector<const model::Route*>& ModelView::routes_of(
    const model::Destination& destination) const {
  const auto& by_destination = routes().by_destination;
  auto it = by_destination.find(&destination);
  return it == by_destination.end() ? kNoRoutes : it->second;
}

}  // namespace steward::policy
