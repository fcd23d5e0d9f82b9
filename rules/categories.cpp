// Dotted PII categories ("user.contact.email"): ancestry tests without string slicing.

#include <algorithm>

#include "model/model.h"
#include "rules/builtins.h"

namespace steward::rules {

using policy::Type;
using policy::Value;

void register_categories(policy::FunctionRegistry& r) {
  const Type category = Type::category();
  r.add({"category_under",
         {category, category},
         Type::boolean(),
         nullptr,
         [](std::span<const Value> a) {
           return Value::boolean(a[0].is_string() && a[1].is_string() &&
                                 model::category_within(a[0].as_string(), a[1].as_string()));
         },
         "whether the first category equals the second or lies below it (like `within`)"});
  r.add({"parent",
         {category},
         category,
         nullptr,
         [](std::span<const Value> a) {
           std::string_view c = a[0].as_string();
           size_t dot = c.rfind('.');
           return dot == std::string_view::npos ? Value()
                                                : Value::owned(std::string(c.substr(0, dot)));
         },
         "the category one level up (\"user.contact\" for \"user.contact.email\"), or none"});
  r.add({"category_root",
         {category},
         category,
         nullptr,
         [](std::span<const Value> a) {
           if (!a[0].is_string()) return Value();
           std::string_view c = a[0].as_string();
           return Value::owned(std::string(c.substr(0, c.find('.'))));
         },
         "the top-level category (\"user\" for \"user.contact.email\")"});
  r.add({"category_depth",
         {category},
         Type::number(),
         nullptr,
         [](std::span<const Value> a) {
           if (!a[0].is_string() || a[0].as_string().empty()) return Value::number(0);
           std::string_view c = a[0].as_string();
           return Value::number(static_cast<double>(std::count(c.begin(), c.end(), '.') + 1));
         },
         "the number of levels (3 for \"user.contact.email\"; 0 for none)"});
}

}  // namespace steward::rules
