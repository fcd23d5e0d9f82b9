// Portable references: a team, PII category or consent purpose that one repository defines and
// another may not. A literal (`by team-security`, `p.pii within "user.financial"`) must exist in
// every repository the pack runs on (policy.unknown-*, exit 2); these give the name when the
// repository defines it and none when it does not, so a shared pack runs everywhere and a rule
// that names something the repository lacks is false, or its review skipped.

#include "model/model.h"
#include "rules/builtins.h"

namespace steward::rules {

using policy::CallContext;
using policy::Type;
using policy::Value;

namespace {

// The argument when `defined` says the head model has it, else none.
template <bool (*defined)(const model::Model&, std::string_view)>
Value if_defined(std::span<const Value> a, const CallContext& context) {
  if (!a[0].is_string() || context.head == nullptr) return {};
  std::string_view name = a[0].as_string();
  return defined(*context.head, name) ? Value::owned(std::string(name)) : Value();
}

bool has_team(const model::Model& m, std::string_view name) {
  return m.find_team(name) != nullptr;
}
bool has_category(const model::Model& m, std::string_view name) {
  return m.taxonomy.has_category(name);
}
bool has_purpose(const model::Model& m, std::string_view name) {
  return m.taxonomy.has_purpose(name);
}

// Outside an evaluation (no context) a reference is unknown: none.
Value none_without_context(std::span<const Value>) {
  return {};
}

}  // namespace

void register_references(policy::FunctionRegistry& r) {
  r.add({"defined_team",
         {Type::string()},
         Type::team(),
         nullptr,
         none_without_context,
         "the team of that name when the repository defines it (`kind: team`), else none: "
         "`require review by defined_team(\"team-privacy\")` asks for no review where there is "
         "no such team",
         if_defined<has_team>});
  r.add({"defined_category",
         {Type::string()},
         Type::category(),
         nullptr,
         none_without_context,
         "the PII category when the repository's taxonomy has it (or one below it), else none: "
         "`p.pii within defined_category(\"user.financial\")` is false where it has none",
         if_defined<has_category>});
  r.add({"defined_purpose",
         {Type::string()},
         Type::purpose(),
         nullptr,
         none_without_context,
         "the consent purpose when the repository's taxonomy has it, else none: "
         "`defined_purpose(\"marketing\") in e.consent` is false where it has none",
         if_defined<has_purpose>});
}

}  // namespace steward::rules
