#pragma once

// Calls a built-in directly, as the evaluator does after the checker picked the overload.

#include <string>
#include <vector>

#include "rules/builtins.h"

namespace steward::rules::testing {

using policy::Value;

inline Value str(const char* s) {
  return Value::borrowed(s);
}
inline Value num(double n) {
  return Value::number(n);
}
inline Value list(std::vector<Value> items) {
  return Value::owned_list(std::move(items));
}

// The first overload of `name` taking that many arguments.
inline Value call(const char* name, std::vector<Value> args) {
  for (const policy::FunctionOverload* f : builtin_functions().find(name)) {
    if (f->params.size() == args.size()) return f->call(args);
  }
  throw std::runtime_error(std::string("no built-in ") + name);
}

inline std::string show(const Value& v) {
  return v.is_none() ? "none" : v.display();
}

}  // namespace steward::rules::testing
