#include "rules/builtins.h"

namespace steward::rules {

const policy::FunctionRegistry& builtin_functions() {
  static const policy::FunctionRegistry registry = [] {
    policy::FunctionRegistry r;
    register_categories(r);
    register_collections(r);
    register_coverage(r);
    register_dates(r);
    register_environments(r);
    register_references(r);
    register_schema_types(r);
    register_strings(r);
    register_tracing(r);
    register_units(r);
    return r;
  }();
  return registry;
}

}  // namespace steward::rules
