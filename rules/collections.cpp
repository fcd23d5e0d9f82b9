// Lists: counting, emptiness, duplicates.

#include <unordered_set>

#include "rules/builtins.h"

namespace steward::rules {

using policy::Type;
using policy::Value;

namespace {

const Type kAnyList = Type::list(Type::any());

Type same_as_argument(std::span<const Type> args) {
  return args[0];
}
Type element_of_argument(std::span<const Type> args) {
  return args[0].element_type();
}

}  // namespace

void register_collections(policy::FunctionRegistry& r) {
  r.add({"count",
         {kAnyList},
         Type::number(),
         nullptr,
         [](std::span<const Value> a) { return Value::number(static_cast<double>(a[0].size())); },
         "the number of elements of a list (0 for none)"});

  r.add({"empty",
         {Type::any()},
         Type::boolean(),
         nullptr,
         [](std::span<const Value> a) {
           const Value& v = a[0];
           return Value::boolean(v.is_none() || (v.is_list() && v.size() == 0) ||
                                 (v.is_string() && v.as_string().empty()));
         },
         "whether a list or a string has nothing in it, or a value is none"});

  r.add({"first",
         {kAnyList},
         Type::any(),
         element_of_argument,
         [](std::span<const Value> a) { return a[0].at(0); },
         "the first element of a list, or none"});

  r.add({"distinct",
         {kAnyList},
         Type::any(),
         same_as_argument,
         [](std::span<const Value> a) {
           std::unordered_set<Value, policy::ValueHash, policy::ValueEqual> seen;
           std::vector<Value> out;
           for (size_t i = 0; i < a[0].size(); ++i) {
             Value v = a[0].at(i);
             if (seen.insert(v).second) out.push_back(v);
           }
           return Value::owned_list(std::move(out));
         },
         "the elements of a list without repeats, in first-seen order"});

  r.add({"duplicates",
         {kAnyList},
         Type::any(),
         same_as_argument,
         [](std::span<const Value> a) {
           std::unordered_set<Value, policy::ValueHash, policy::ValueEqual> seen, reported;
           std::vector<Value> out;
           for (size_t i = 0; i < a[0].size(); ++i) {
             Value v = a[0].at(i);
             if (!seen.insert(v).second && reported.insert(v).second) out.push_back(v);
           }
           return Value::owned_list(std::move(out));
         },
         "the elements that occur more than once, each once, in the order of their repeat"});

  r.add({"sum",
         {Type::list(Type::number())},
         Type::number(),
         nullptr,
         [](std::span<const Value> a) {
           double total = 0;
           for (size_t i = 0; i < a[0].size(); ++i)
             total += a[0].at(i).as_number();
           return Value::number(total);
         },
         "the sum of a list of numbers (none counts as 0)"});
}

}  // namespace steward::rules
