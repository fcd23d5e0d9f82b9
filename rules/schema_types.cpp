// JSON Schema types of properties: whether a type change breaks consumers.

#include <set>
#include <string>

#include "rules/builtins.h"

namespace steward::rules {

using policy::Type;
using policy::Value;

namespace {

// "string|null" or ["string", "null"]; an empty set means any type.
std::set<std::string> type_set(const Value& v) {
  std::set<std::string> out;
  if (v.is_string()) {
    std::string_view text = v.as_string();
    size_t start = 0;
    while (start <= text.size()) {
      size_t bar = text.find('|', start);
      std::string_view part = text.substr(start, bar == std::string_view::npos ? bar : bar - start);
      if (!part.empty()) out.emplace(part);
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
  } else {
    for (size_t i = 0; i < v.size(); ++i) {
      if (v.at(i).is_string()) out.emplace(v.at(i).as_string());
    }
  }
  return out;
}

// Every value valid under `from` is valid under `to`.
bool widens(const Value& from, const Value& to) {
  std::set<std::string> a = type_set(from), b = type_set(to);
  if (b.empty()) return true;   // to any
  if (a.empty()) return false;  // from any to something narrower
  for (const auto& t : a) {
    bool kept = b.count(t) || (t == "integer" && b.count("number"));
    if (!kept) return false;
  }
  return true;
}

}  // namespace

void register_schema_types(policy::FunctionRegistry& r) {
  const Type types = Type::any();  // a type string ("string|null") or a list of type names
  r.add({"widens",
         {types, types},
         Type::boolean(),
         nullptr,
         [](std::span<const Value> a) { return Value::boolean(widens(a[0], a[1])); },
         "whether changing a property's type from the first to the second keeps every old "
         "value valid (integer -> number, string -> string|null, anything -> any)"});
  r.add({"narrows",
         {types, types},
         Type::boolean(),
         nullptr,
         [](std::span<const Value> a) {
           return Value::boolean(widens(a[1], a[0]) && type_set(a[0]) != type_set(a[1]));
         },
         "whether the second type accepts strictly less than the first"});
}

}  // namespace steward::rules
