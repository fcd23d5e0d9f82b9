#include "policy/functions.h"

namespace steward::policy {

void FunctionRegistry::add(FunctionOverload overload) {
  overloads_.push_back(std::move(overload));
  by_name_[overloads_.back().name].push_back(&overloads_.back());
}

std::vector<const FunctionOverload*> FunctionRegistry::find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? std::vector<const FunctionOverload*>{} : it->second;
}

std::vector<std::string> FunctionRegistry::names() const {
  std::vector<std::string> names;
  for (const auto& [name, overloads] : by_name_)
    names.push_back(name);
  return names;
}

}  // namespace steward::policy
