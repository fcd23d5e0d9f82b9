#pragma once

#include <string>
#include <vector>

#include "source/diagnostic.h"

namespace steward::findings {

// What reports say about a rule (SARIF tool.driver.rules, JUnit test cases, `steward explain`).
struct RuleInfo {
  std::string id;           // "pii.destination-allowlist"
  std::string title;        // one sentence: what the rule wants
  std::string description;  // the full help: why, and how to fix (Markdown allowed)
  Severity default_severity = Severity::error;
  std::string help_uri;             // optional link to the rule's documentation
  std::vector<std::string> tags{};  // the rule's own tags (`tags [...]` of a pack rule)
};

using RuleTable = std::vector<RuleInfo>;

// The rule with `id`, or null.
const RuleInfo* find_rule(const RuleTable& rules, const std::string& id);

}  // namespace steward::findings
