#include "findings/rule_info.h"

namespace steward::findings {

const RuleInfo* find_rule(const RuleTable& rules, const std::string& id) {
  for (const auto& rule : rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

}  // namespace steward::findings
