#include "model/route_builder.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace steward::model {

namespace {

bool listed(const std::vector<Ref>& refs, std::string_view name) {
  return std::any_of(refs.begin(), refs.end(), [&](const Ref& r) { return r.name == name; });
}

// The environments where the event reaches the destination: those the destination is connected
// in, less those where none of the event's sources runs. A destination that names no environments
// is taken as connected everywhere, so a missing list never hides a route from the rules.
std::vector<std::string> event_environments(const Model& model, const Event& event,
                                            const Destination& destination) {
  std::vector<const Source*> sources;
  for (const auto& ref : event.sources) {
    if (const Source* source = model.find_source(ref.name)) sources.push_back(source);
  }
  if (event.sources.empty()) {
    for (const auto& source : model.sources)
      sources.push_back(&source);
  }
  std::vector<std::string> candidates;
  for (const auto& environment : destination.environments)
    candidates.push_back(environment.name);
  if (candidates.empty()) {
    for (const Source* source : sources) {
      for (const auto& environment : source->environments) {
        if (std::find(candidates.begin(), candidates.end(), environment.name) == candidates.end()) {
          candidates.push_back(environment.name);
        }
      }
    }
    if (candidates.empty()) return {"any"};
  }
  std::vector<std::string> out;
  for (const auto& environment : candidates) {
    bool sent = sources.empty();
    for (const Source* source : sources) {
      if (source->environments.empty() || listed(source->environments, environment)) {
        sent = true;
        break;
      }
    }
    if (sent) out.push_back(environment);
  }
  return out;
}

// The paths the destination excludes from `event`.
std::vector<std::string_view> excluded_paths(const Destination& destination, const Event& event) {
  std::vector<std::string_view> out;
  for (const auto& exclusion : destination.exclude_properties) {
    if (exclusion.event.name != event.name) continue;
    for (const auto& path : exclusion.properties)
      out.push_back(path.name);
  }
  return out;
}

bool excluded(const std::vector<std::string_view>& paths, const Property& property) {
  for (std::string_view path : paths) {
    // Excluding an object or array excludes everything inside it.
    if (property.path == path ||
        (property.path.starts_with(path) && property.path[path.size()] == '.')) {
      return true;
    }
  }
  return false;
}

bool runs_on(const Transformation& transformation, const Event& event) {
  return transformation.all_events || listed(transformation.events, event.name);
}

// The connection-mode platforms an SDK's events arrive from: a rudder-cli source `type` or a
// native source `platform` ("javascript" or "web" -> web). Server SDKs have none: their events
// always go through the cloud.
std::vector<std::string_view> connection_platforms(std::string_view platform) {
  if (platform == "javascript" || platform == "web") return {"web"};
  if (platform == "android" || platform == "kotlin") return {"android", "android_kotlin"};
  if (platform == "ios" || platform == "swift") return {"ios", "ios_swift"};
  if (platform == "react_native" || platform == "flutter" || platform == "cordova" ||
      platform == "unity") {
    return {platform};
  }
  return {};
}

bool in_device_mode(const Destination& destination, std::string_view platform) {
  for (const auto& mode : destination.connection_modes) {
    if (mode.platform == platform || mode.platform == "*") return mode.mode != "cloud";
  }
  return false;
}

// The platforms of the event's sources on which the destination receives it in device (or
// hybrid) mode.
std::vector<std::string> device_platforms(const Model& model, const Event& event,
                                          const Destination& destination) {
  std::vector<std::string> out;
  if (destination.connection_modes.empty()) return out;
  auto consider = [&](const Source& source) {
    for (std::string_view platform : connection_platforms(source.platform)) {
      if (!in_device_mode(destination, platform)) continue;
      if (std::find(out.begin(), out.end(), platform) == out.end()) out.emplace_back(platform);
    }
  };
  for (const auto& ref : event.sources) {
    if (const Source* source = model.find_source(ref.name)) consider(*source);
  }
  if (event.sources.empty()) {
    for (const auto& source : model.sources)
      consider(source);
  }
  return out;
}

// A destination's allow list or deny list (rudder-cli event filtering) narrows what it receives.
bool passes_filter(const Destination& destination, const Event& event) {
  if (destination.event_filter.empty()) return true;
  bool listed_here = listed(destination.filtered_events, event.name);
  return destination.event_filter == "allow" ? listed_here : !listed_here;
}

// The model's one copy of the class of a delivery with `category`, written by `transformation`
// (or the property's own). Neighbouring properties mostly share a class: the last one found is
// tried first.
const DeliveryClass* delivery_class(Model& model, const std::string& category,
                                    const Transformation* transformation,
                                    const DeliveryClass*& last) {
  if (last && last->transformed_by == transformation && *last->category == category) return last;
  auto category_at = model.delivered_categories.find(category);
  if (category_at == model.delivered_categories.end())
    category_at = model.delivered_categories.insert(category).first;
  last = &*model.delivery_classes.insert(DeliveryClass{&*category_at, transformation}).first;
  return last;
}

// The model's one copy of each list of environments its routes reach (Route::environments).
class EnvironmentLists {
 public:
  SharedValue<std::vector<std::string>> copy_of(std::vector<std::string> environments) {
    // A model has a handful of distinct lists: a look through them is all it takes.
    for (const auto& list : lists_) {
      if (*list == environments) return list;
    }
    return lists_.emplace_back(std::move(environments));
  }

 private:
  std::vector<SharedValue<std::vector<std::string>>> lists_;
};

Route route_for(Model& model, const Destination& destination, const Event& event,
                const std::vector<const Transformation*>& transformations,
                EnvironmentLists& environment_lists) {
  Route route;
  route.destination = &destination;
  route.event = &event;
  route.environments = environment_lists.copy_of(event_environments(model, event, destination));
  route.device_platforms = device_platforms(model, event, destination);
  route.delivered_properties.reserve(event.all_properties.size());
  // What of the destination's exclusions and transformations applies to this event, found once
  // per route rather than once for each of its properties. The writes keep their order: the last
  // that names a property wins, as when the transformations run one after another.
  const std::vector<std::string_view> excluded_here = excluded_paths(destination, event);
  std::vector<std::pair<const Transformation*, const Write*>> writes;
  for (const Transformation* t : transformations) {
    if (!runs_on(*t, event)) continue;
    for (const auto& write : t->writes)
      writes.emplace_back(t, &write);
  }
  const DeliveryClass* last_class = nullptr;
  for (const Property* property : event.all_properties) {
    if (!excluded_here.empty() && excluded(excluded_here, *property)) continue;
    const std::string* category = &*property->pii;
    const Transformation* transformed_by = nullptr;
    for (const auto& [t, write] : writes) {
      if (write->property.name == property->path) {
        category = &write->category.name;
        transformed_by = t;
      }
    }
    route.delivered_properties.push_back(
        {property, delivery_class(model, *category, transformed_by, last_class)});
  }
  return route;
}

}  // namespace

void build_routes(Model& model) {
  model.routes.clear();
  // Room for every route there may be, reserved once: a large plan has tens of thousands, and a
  // vector grown by doubling held up to twice them (three times while moving them).
  size_t most = 0;
  for (const auto& destination : model.destinations) {
    if (destination.enabled)
      most += destination.all_events ? model.events.size() : destination.events.size();
  }
  model.routes.reserve(most);
  EnvironmentLists environment_lists;
  for (const auto& destination : model.destinations) {
    std::vector<const Transformation*> transformations;
    for (const auto& t : destination.transformations) {
      if (const Transformation* found = model.find_transformation(t.name)) {
        transformations.push_back(found);
      }
    }
    if (!destination.enabled) continue;  // a disabled destination receives nothing
    auto add = [&](const Event& event) {
      if (event.status == EventStatus::removed || !passes_filter(destination, event)) return;
      Route route = route_for(model, destination, event, transformations, environment_lists);
      if (!route.environments->empty()) model.routes.push_back(std::move(route));
    };
    if (destination.all_events) {
      for (const auto& event : model.events)
        add(event);
    } else {
      for (const auto& ref : destination.events) {
        if (const Event* event = model.find_event(ref.name)) add(*event);
      }
    }
  }
}

}  // namespace steward::model
