#include "policy/model_view.h"

#include <doctest/doctest.h>

#include <thread>
#include <type_traits>
#include <vector>

#include "test_model.h"

using namespace steward;
using namespace steward::policy;

namespace {

// What a view's collections must hold, found the slow way from the model.
std::vector<const model::Property*> every_property(const model::Model& model) {
  std::vector<const model::Property*> out;
  for (const auto& event : model.events)
    out.insert(out.end(), event.all_properties.begin(), event.all_properties.end());
  return out;
}

template <class Entity>
std::vector<const model::Route*> routes_by_scan(const model::Model& model, const Entity& entity) {
  std::vector<const model::Route*> out;
  for (const auto& route : model.routes) {
    if constexpr (std::is_same_v<Entity, model::Event>) {
      if (route.event == &entity) out.push_back(&route);
    } else {
      if (route.destination == &entity) out.push_back(&route);
    }
  }
  return out;
}

}  // namespace

TEST_CASE(
    "a model view's collections: every property, match key and route, as the model has them") {
  auto model = testing::make_model();
  ModelView view;
  build_view(*model, false, view);
  CHECK(view.model == model.get());
  CHECK(view.all_properties() == every_property(*model));
  CHECK(view.all_properties().size() > model->events.size());  // nested ones too
  size_t match_keys = 0;
  for (const auto& identity : model->identities)
    match_keys += identity.match_keys.size();
  CHECK(view.all_match_keys().size() == match_keys);
  for (const auto& event : model->events)
    CHECK(view.routes_of(event) == routes_by_scan(*model, event));
  const model::Event elsewhere;  // not in the model: no routes
  CHECK(view.routes_of(elsewhere).empty());
  for (const auto& destination : model->destinations) {
    CHECK_FALSE(view.routes_of(destination).empty());
    CHECK(view.routes_of(destination) == routes_by_scan(*model, destination));
  }
}

TEST_CASE("a model view builds each collection once, whichever threads ask first") {
  auto model = testing::make_model();
  ModelView view;
  build_view(*model, false, view);
  constexpr int kThreads = 8;
  std::vector<const void*> properties(kThreads), routes(kThreads);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        properties[t] = &view.all_properties();
        routes[t] = &view.routes_of(model->events.front());
      });
    }
  }
  for (int t = 0; t < kThreads; ++t) {
    CHECK(properties[t] == properties[0]);
    CHECK(routes[t] == routes[0]);
  }
  CHECK(view.all_properties() == every_property(*model));
}
