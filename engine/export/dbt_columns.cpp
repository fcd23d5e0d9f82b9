#include "export/dbt_columns.h"

#include <algorithm>
#include <unordered_map>

namespace steward::exports {

namespace {

// The types other than null: a nullable string is a string column that may be empty.
std::vector<std::string> non_null(const model::TypeNames& types) {
  std::vector<std::string> out;
  std::copy_if(types.begin(), types.end(), std::back_inserter(out),
               [](const std::string& t) { return t != "null"; });
  return out;
}

class ColumnCollector {
 public:
  explicit ColumnCollector(const model::Route& route) {
    for (const auto& delivered : route.delivered_properties)
      delivered_[delivered.property] = &delivered;
  }

  void visit(const model::Property& property, const std::string& prefix, bool parent_required) {
    auto found = delivered_.find(&property);
    if (found == delivered_.end()) return;  // excluded for this destination
    const std::string name = prefix.empty() ? property.name : prefix + "_" + property.name;
    const bool required = parent_required && property.required;
    const auto types = non_null(property.types);
    const bool object = types.size() == 1 && types.front() == "object";
    if (object && !property.properties.empty()) {
      for (const auto& child : property.properties)
        visit(child, name, required);
      return;
    }
    DbtColumn column;
    column.name = name;
    column.data_type = dbt_data_type(property.types);
    column.not_null = required;
    column.numeric = column.data_type == "bigint" || column.data_type == "double";
    column.pii = found->second->pii();
    column.property = &property;
    columns_.push_back(std::move(column));
  }

  std::vector<DbtColumn> take() { return std::move(columns_); }

 private:
  std::unordered_map<const model::Property*, const model::DeliveredProperty*> delivered_;
  std::vector<DbtColumn> columns_;
};

}  // namespace

std::string dbt_data_type(const model::TypeNames& types) {
  const auto kinds = non_null(types);
  if (kinds.size() != 1) return "json";  // a union, or any type
  static const std::unordered_map<std::string, std::string> by_type = {
      {"string", "string"},   {"integer", "bigint"}, {"number", "double"},
      {"boolean", "boolean"}, {"object", "json"},    {"array", "json"}};
  auto found = by_type.find(kinds.front());
  return found == by_type.end() ? "json" : found->second;
}

std::vector<DbtColumn> dbt_columns(const model::Route& route) {
  ColumnCollector collector(route);
  for (const auto& property : route.event->properties)
    collector.visit(property, "", true);
  return collector.take();
}

}  // namespace steward::exports
