#include "catalog/property_text.h"

#include <cstdio>
#include <optional>

namespace steward::catalog {

namespace {

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

class ConstraintList {
 public:
  void add(const char* name, const std::string& value) {
    if (!value.empty()) parts_.push_back(std::string(name) + ": " + value);
  }
  void add(const char* name, const std::optional<double>& value) {
    if (value) add(name, number(*value));
  }
  void add(const char* name, const std::optional<long long>& value) {
    if (value) add(name, std::to_string(*value));
  }
  std::string text() const { return joined(parts_, "; "); }

 private:
  std::vector<std::string> parts_;
};

}  // namespace

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& p : parts)
    out += (out.empty() ? "" : separator) + p;
  return out;
}

std::string names(const std::vector<model::Ref>& refs) {
  std::string out;
  for (const auto& r : refs)
    out += (out.empty() ? "" : ", ") + r.name;
  return out;
}

std::string type_text(const std::vector<std::string>& types) {
  return types.empty() ? "any" : joined(types, " | ");
}

std::string constraints_text(const model::Constraints& c) {
  ConstraintList list;
  list.add("enum", joined(c.enum_values, ", "));
  if (c.const_value) list.add("const", *c.const_value);
  list.add("pattern", c.pattern);
  list.add("format", c.format);
  list.add("minimum", c.minimum);
  list.add("maximum", c.maximum);
  list.add("exclusive_minimum", c.exclusive_minimum);
  list.add("exclusive_maximum", c.exclusive_maximum);
  list.add("min_length", c.min_length);
  list.add("max_length", c.max_length);
  list.add("min_items", c.min_items);
  list.add("max_items", c.max_items);
  list.add("min_properties", c.min_properties);
  list.add("max_properties", c.max_properties);
  return list.text();
}

}  // namespace steward::catalog
