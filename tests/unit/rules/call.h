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

// The overload of `name` taking that many arguments, called with `context` (the built-ins that
// need the head model or the trace sink).
inline Value call_in(const char* name, std::vector<Value> args,
                     const policy::CallContext& context) {
  for (const policy::FunctionOverload* f : builtin_functions().find(name)) {
    if (f->params.size() == args.size() && f->call_in_context) {
      return f->call_in_context(args, context);
    }
  }
  throw std::runtime_error(std::string("no built-in ") + name + " that takes a context");
}

inline std::string show(const Value& v) {
  return v.is_none() ? "none" : v.display();
}

}  // namespace steward::rules::testing
