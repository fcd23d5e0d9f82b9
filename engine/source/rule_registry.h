#pragma once

#include <string_view>
#include <vector>

#include "source/diagnostic.h"

namespace steward {

// Which part of steward raises a built-in rule, and so which page documents it.
enum class RuleFamily {
  data_file,  // the loader, about the data files themselves (exit 1)
  findings,   // the findings stage, about suppressions and waivers (exit 1)
  policy,     // the policy language, about a rule pack (exit 2)
  exports,    // the exports (dbt, Prometheus rules), about what cannot be exported (exit 1)
};

// One built-in rule: its id (a rule_id:: constant), what it wants in one sentence, why and how to
// fix it, and its default severity.
struct BuiltinRule {
  std::string_view id;
  RuleFamily family;
  std::string_view title;
  std::string_view description;
  Severity severity = Severity::error;
};

// Every rule steward raises itself, in the order the docs list them. Adding one is one constant in
// rule_ids.h, one row here and one row on its doc page; rule_registry_test checks all three.
const std::vector<BuiltinRule>& builtin_rules();
// The rule with `id`, or null (a pack's rule, or a misspelt id).
const BuiltinRule* find_builtin_rule(std::string_view id);
// The docs/ page that lists a family's rules: "data-file-rules.md", "suppressions.md" or
// "language.md".
std::string_view doc_page(RuleFamily family);

}  // namespace steward
