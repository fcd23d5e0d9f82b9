#pragma once

#include <deque>
#include <functional>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "policy/types.h"
#include "policy/value.h"

namespace steward::model {
struct Model;
}

namespace steward::policy {

// A native function may throw this for a value it cannot work with (an invalid regular
// expression built at run time); the evaluator reports it at the call, as a policy error.
class EvaluationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a built-in that looks past its arguments sees while a rule runs: the head model (for
// `defined_team` and friends), and where `trace` writes (nothing under `steward check`).
struct CallContext {
  const model::Model* head = nullptr;
  // Receives the text of a `trace` call and where it was; empty when tracing is off.
  const std::function<void(const Span& where, const std::string& text)>* trace = nullptr;
  Span where;  // the call
};

// One signature of a native built-in. The checker picks the first overload whose parameters fit
// the arguments; `any` parameters accept everything.
struct FunctionOverload {
  std::string name;
  std::vector<Type> params;
  Type result;
  // For generic functions (first(list<T>) -> T): the result computed from the argument types.
  Type (*result_of)(std::span<const Type> args) = nullptr;
  Value (*call)(std::span<const Value> args) = nullptr;
  std::string summary;  // one line, for docs/language.md
  // Instead of `call`, for a built-in that needs the CallContext.
  Value (*call_in_context)(std::span<const Value> args, const CallContext& context) = nullptr;
};

// The native built-ins a pack may call. rules/ fills one (steward::rules::builtin_functions());
// tests can build their own. Overloads keep their addresses once added (checked trees point at
// them), so add everything before checking.
class FunctionRegistry {
 public:
  void add(FunctionOverload overload);
  // The overloads of `name`, in the order added; empty when unknown.
  std::vector<const FunctionOverload*> find(std::string_view name) const;
  std::vector<std::string> names() const;

 private:
  std::deque<FunctionOverload> overloads_;
  std::map<std::string, std::vector<const FunctionOverload*>, std::less<>> by_name_;
};

}  // namespace steward::policy
