#include "catalog/property_text.h"

#include <cstdio>
#include <optional>
#include <variant>

#include "model/model_fields.h"

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
  void add(const char* name, const std::optional<std::string>& value) {
    if (value) add(name, *value);
  }
  void add(const char* name, const std::vector<std::string>& values) {
    add(name, joined(values, ", "));
  }
  // The member types of the field tables that no constraint has (flags, references, a status).
  template <class T>
  void add(const char*, const T&) {}
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

std::string type_text(const model::TypeNames& types) {
  return types.empty() ? "any" : joined(types.to_vector(), " | ");
}

std::string constraints_text(const model::Constraints& c) {
  ConstraintList list;
  for (const auto& row : model::kConstraintFields)
    std::visit([&](auto member) { list.add(row.name, model::field_of(c, member)); }, row.member);
  // Not rows of the table (the YAML has no key for them): JSON Schema's minProperties and
  // maxProperties.
  list.add("min_properties", c.min_properties);
  list.add("max_properties", c.max_properties);
  return list.text();
}

}  // namespace steward::catalog
