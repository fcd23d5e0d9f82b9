// Debugging a rule: `trace(x)` returns x and shows it under `steward eval` and `steward test
// --verbose`; `steward check` shows nothing, so a forgotten trace changes no result.

#include "rules/builtins.h"

namespace steward::rules {

using policy::CallContext;
using policy::Type;
using policy::Value;

namespace {

Type same_as_last_argument(std::span<const Type> args) {
  return args.back();
}

Value last_argument(std::span<const Value> a) {
  return a.back();
}

Value show(std::span<const Value> a, const CallContext& context) {
  if (context.trace != nullptr) {
    std::string text = a.back().is_none() ? "none" : a.back().display();
    if (a.size() == 2) text = std::string(a[0].is_string() ? a[0].as_string() : "") + ": " + text;
    (*context.trace)(context.where, text);
  }
  return a.back();
}

}  // namespace

void register_tracing(policy::FunctionRegistry& r) {
  r.add({"trace",
         {Type::any()},
         Type::any(),
         same_as_last_argument,
         last_argument,
         "its argument, unchanged; `steward eval` and `steward test --verbose` print it with "
         "where the call is, `steward check` prints nothing",
         show});
  r.add({"trace",
         {Type::string(), Type::any()},
         Type::any(),
         same_as_last_argument,
         last_argument,
         "the second argument, unchanged; printed after the label (the first) like `trace(x)`",
         show});
}

}  // namespace steward::rules
