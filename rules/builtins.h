#pragma once

#include "policy/functions.h"

// The native built-ins of the policy language, for what is awkward to write in it.
namespace steward::rules {

// Every family, registered once; pass it to policy::check_pack.
const policy::FunctionRegistry& builtin_functions();

// One per family (one file each).
void register_categories(policy::FunctionRegistry& registry);
void register_collections(policy::FunctionRegistry& registry);
void register_coverage(policy::FunctionRegistry& registry);
void register_dates(policy::FunctionRegistry& registry);
void register_environments(policy::FunctionRegistry& registry);
void register_references(policy::FunctionRegistry& registry);
void register_schema_types(policy::FunctionRegistry& registry);
void register_strings(policy::FunctionRegistry& registry);
void register_tracing(policy::FunctionRegistry& registry);
void register_units(policy::FunctionRegistry& registry);

}  // namespace steward::rules
