#include "model/formats/schema_merge.h"

#include <algorithm>

namespace steward::model::formats {

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

template <typename T>
void keep_larger(std::optional<T>& into, const std::optional<T>& from) {
  if (from && (!into || *from > *into)) into = from;
}

template <typename T>
void keep_smaller(std::optional<T>& into, const std::optional<T>& from) {
  if (from && (!into || *from < *into)) into = from;
}

// Keywords that hold one value: both sides must agree.
void merge_text(std::string& into, const std::string& from, const char* keyword,
                std::vector<std::string>& conflicts) {
  if (from.empty() || into == from) return;
  if (into.empty()) {
    into = from;
    return;
  }
  conflicts.emplace_back(keyword);
}

TypeNames intersect_types(const TypeNames& a, const TypeNames& b) {
  TypeNames out;
  for (const auto& t : a) {
    if (accepts_type(b, t)) {
      out.push_back(t);
    } else if (t == "number" && b.contains("integer")) {
      out.push_back("integer");  // number and integer: the integers
    }
  }
  return out;
}

void merge_constraints(Constraints& into, const Constraints& from,
                       std::vector<std::string>& conflicts) {
  if (!from.enum_values.empty()) {
    if (into.enum_values.empty()) {
      into.enum_values = from.enum_values;
    } else {
      std::vector<std::string> both;
      for (const auto& v : into.enum_values) {
        if (contains(from.enum_values, v)) both.push_back(v);
      }
      if (both.empty())
        conflicts.emplace_back("enum");
      else
        into.enum_values = both;
    }
  }
  if (from.const_value && into.const_value != from.const_value) {
    if (!into.const_value)
      into.const_value = from.const_value;
    else
      conflicts.emplace_back("const");
  }
  merge_text(into.pattern, from.pattern, "pattern", conflicts);
  merge_text(into.format, from.format, "format", conflicts);
  keep_larger(into.minimum, from.minimum);
  keep_smaller(into.maximum, from.maximum);
  keep_larger(into.exclusive_minimum, from.exclusive_minimum);
  keep_smaller(into.exclusive_maximum, from.exclusive_maximum);
  keep_larger(into.min_length, from.min_length);
  keep_smaller(into.max_length, from.max_length);
  keep_larger(into.min_items, from.min_items);
  keep_smaller(into.max_items, from.max_items);
  keep_larger(into.min_properties, from.min_properties);
  keep_smaller(into.max_properties, from.max_properties);
  // A superset of the values' types: a judgment that relies on it errs towards "may break".
  for (const auto& type : from.value_types) {
    if (!contains(into.value_types, type)) into.value_types.push_back(type);
  }
}

bool constraints_empty(const Constraints& c) {
  return c.enum_values.empty() && !c.const_value && c.pattern.empty() && c.format.empty() &&
         !c.minimum && !c.maximum && !c.exclusive_minimum && !c.exclusive_maximum &&
         !c.min_length && !c.max_length && !c.min_items && !c.max_items && !c.min_properties &&
         !c.max_properties;
}

}  // namespace

bool accepts_type(const TypeNames& types, const std::string& type) {
  return types.empty() || types.contains(type) || (type == "integer" && types.contains("number"));
}

Property blank_like(const Property& like) {
  Property out;
  out.name = like.name;
  out.path = like.path;
  out.span = like.span;
  out.type_span = like.span;
  out.pii_span = like.span;
  return out;
}

void merge_schema(Property& into, Property from, std::vector<std::string>& conflicts) {
  if (!from.types.empty()) {
    if (into.types.empty()) {
      into.types = from.types;
      into.type_span = from.type_span;
    } else {
      auto both = intersect_types(into.types, from.types);
      if (both.empty())
        conflicts.emplace_back("type");
      else
        into.types = std::move(both);
    }
  }
  into.required = into.required || from.required;
  into.additional_properties = into.additional_properties && from.additional_properties;
  if (!from.pii->empty()) {
    if (into.pii->empty()) {
      into.pii = from.pii;
      into.pii_span = from.pii_span;
    } else if (*into.pii != *from.pii) {
      conflicts.emplace_back("x-pii");
    }
  }
  for (const auto& purpose : from.consent) {
    bool known = std::any_of(into.consent.begin(), into.consent.end(),
                             [&](const Ref& r) { return r.name == purpose.name; });
    if (!known) into.consent.push_back(purpose);
  }
  if (into.description->empty()) into.description = std::move(from.description);
  if (from.constraints.has_value())
    merge_constraints(into.constraints.edit(), *from.constraints, conflicts);
  for (auto& child : from.properties) {
    auto same = std::find_if(into.properties.begin(), into.properties.end(),
                             [&](const Property& p) { return p.name == child.name; });
    if (same == into.properties.end()) {
      into.properties.push_back(std::move(child));
      continue;
    }
    std::string name = child.name;
    std::vector<std::string> inner;
    merge_schema(*same, std::move(child), inner);
    for (const auto& keyword : inner)
      conflicts.push_back(name + "." + keyword);
  }
  if (!from.items.empty()) {
    if (into.items.empty()) {
      into.items = std::move(from.items);
    } else {
      merge_schema(into.items.front(), std::move(from.items.front()), conflicts);
    }
  }
}

bool is_type_only(const Property& property) {
  return constraints_empty(*property.constraints) && property.properties.empty() &&
         property.items.empty() && property.additional_properties && property.pii->empty() &&
         property.consent.empty();
}

}  // namespace steward::model::formats
