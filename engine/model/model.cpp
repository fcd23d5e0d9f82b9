#include "model/model.h"

#include <algorithm>

namespace steward::model {

std::string_view to_string(EventStatus status) {
  switch (status) {
    case EventStatus::draft:
      return "draft";
    case EventStatus::active:
      return "active";
    case EventStatus::deprecated:
      return "deprecated";
    case EventStatus::removed:
      return "removed";
  }
  return "active";
}

bool category_within(std::string_view category, std::string_view ancestor) {
  if (ancestor.empty()) return false;
  return category == ancestor ||
         (category.size() > ancestor.size() && category.starts_with(ancestor) &&
          category[ancestor.size()] == '.');
}

std::vector<std::string> Route::consent() const {
  std::vector<std::string> purposes;
  auto add = [&](const std::vector<Ref>& refs) {
    for (const auto& r : refs) {
      if (std::find(purposes.begin(), purposes.end(), r.name) == purposes.end()) {
        purposes.push_back(r.name);
      }
    }
  };
  if (destination) add(destination->consent);
  if (event) add(event->consent);
  return purposes;
}

bool Destination::allows(std::string_view category) const {
  for (const auto& allowed : allow_pii) {
    if (category_within(category, allowed.name)) return true;
  }
  return false;
}

bool Taxonomy::has_category(std::string_view category) const {
  // A listed category makes its ancestors valid too: `user.contact` exists if `user.contact.email`
  // is listed.
  for (const auto& listed : pii_categories) {
    if (category_within(listed.name, category)) return true;
  }
  return false;
}

bool Taxonomy::has_purpose(std::string_view purpose) const {
  for (const auto& listed : consent_purposes) {
    if (listed.name == purpose) return true;
  }
  return false;
}

namespace {

template <typename List>
void index_by_name(const List& items, std::unordered_map<std::string_view, size_t>& map) {
  map.clear();
  map.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i)
    map.emplace(items[i].name, i);  // first one wins
}

template <typename List>
const typename List::value_type* lookup(const List& items,
                                        const std::unordered_map<std::string_view, size_t>& map,
                                        std::string_view name) {
  auto it = map.find(name);
  return it == map.end() ? nullptr : &items[it->second];
}

const Property* find_in(const std::vector<Property>& properties, std::string_view path) {
  auto dot = path.find('.');
  std::string_view head = path.substr(0, dot);
  for (const auto& property : properties) {
    if (property.name != head) continue;
    if (dot == std::string_view::npos) return &property;
    std::string_view rest = path.substr(dot + 1);
    if (!property.items.empty()) {
      if (const Property* found = find_in(property.items.front().properties, rest)) return found;
    }
    return find_in(property.properties, rest);
  }
  return nullptr;
}

}  // namespace

size_t EventList::index_of(const Event& event) const {
  return static_cast<size_t>(std::find(pointers_.begin(), pointers_.end(), &event) -
                             pointers_.begin());
}

void Model::index() {
  index_by_name(events, events_by_name_);
  index_by_name(destinations, destinations_by_name_);
  index_by_name(sources, sources_by_name_);
  index_by_name(transformations, transformations_by_name_);
  index_by_name(teams, teams_by_name_);
  index_by_name(property_library, library_by_name_);
}

const Event* Model::find_event(std::string_view name) const {
  return lookup(events, events_by_name_, name);
}
const Destination* Model::find_destination(std::string_view name) const {
  return lookup(destinations, destinations_by_name_, name);
}
const Source* Model::find_source(std::string_view name) const {
  return lookup(sources, sources_by_name_, name);
}
const Transformation* Model::find_transformation(std::string_view name) const {
  return lookup(transformations, transformations_by_name_, name);
}
const Team* Model::find_team(std::string_view name) const {
  return lookup(teams, teams_by_name_, name);
}
const Property* Model::find_library_property(std::string_view name) const {
  return lookup(property_library, library_by_name_, name);
}
size_t Model::event_index(const Event& event) const {
  auto it = events_by_name_.find(event.name);
  if (it != events_by_name_.end() && &events[it->second] == &event) return it->second;
  return events.index_of(event);
}
const Property* Model::find_property(const Event& event, std::string_view path) {
  return find_in(event.properties, path);
}

}  // namespace steward::model
