#include "model/property_value_pool.h"

#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace steward::model {

namespace {

template <typename T>
void mix(size_t& seed, const T& value) {
  seed ^= std::hash<T>{}(value) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

template <typename T>
void mix(size_t& seed, const std::optional<T>& value) {
  mix(seed, value.has_value());
  if (value) mix(seed, *value);
}

void mix(size_t& seed, const std::vector<std::string>& values) {
  mix(seed, values.size());
  for (const auto& value : values)
    mix(seed, value);
}

// Equal numbers can still be written differently: -0 and 0 compare equal but are not the same
// constraint to print, so interning keeps them apart.
bool same_sign(const std::optional<double>& a, const std::optional<double>& b) {
  return !a || !b || std::signbit(*a) == std::signbit(*b);
}

}  // namespace

size_t PropertyValuePool::Hash::operator()(const SharedValue<Constraints>& value) const {
  const Constraints& c = *value;
  size_t seed = 0;
  mix(seed, c.enum_values);
  mix(seed, c.pattern);
  mix(seed, c.format);
  for (const auto* number : {&c.minimum, &c.maximum, &c.exclusive_minimum, &c.exclusive_maximum})
    mix(seed, *number);
  for (const auto* count : {&c.min_length, &c.max_length, &c.min_items, &c.max_items,
                            &c.min_properties, &c.max_properties})
    mix(seed, *count);
  mix(seed, c.const_value);
  mix(seed, c.value_types);
  return seed;
}

bool PropertyValuePool::Identical::operator()(const SharedValue<Constraints>& a,
                                              const SharedValue<Constraints>& b) const {
  const Constraints& x = *a;
  const Constraints& y = *b;
  return x == y && same_sign(x.minimum, y.minimum) && same_sign(x.maximum, y.maximum) &&
         same_sign(x.exclusive_minimum, y.exclusive_minimum) &&
         same_sign(x.exclusive_maximum, y.exclusive_maximum);
}

void PropertyValuePool::intern(SharedValue<Constraints>& constraints) {
  if (!constraints.has_value()) return;
  if (*constraints == Constraints{}) {  // edited, but to nothing
    constraints = Constraints{};
    return;
  }
  auto [kept, added] = values_.insert(constraints);
  if (!added) constraints = *kept;
}

size_t PropertyValuePool::TextHash::operator()(const SharedValue<std::string>& text) const {
  return std::hash<std::string>{}(*text);
}

void PropertyValuePool::intern_category(SharedValue<std::string>& category) {
  if (!category.has_value()) return;
  auto [kept, added] = categories_.insert(category);
  if (!added) category = *kept;
}

void PropertyValuePool::intern(Property& property) {
  intern(property.constraints);
  intern_category(property.pii);
  for (auto& child : property.properties)
    intern(child);
  for (auto& item : property.items)
    intern(item);
}

void PropertyValuePool::intern(Event& event) {
  for (auto& property : event.properties)
    intern(property);
}

}  // namespace steward::model
