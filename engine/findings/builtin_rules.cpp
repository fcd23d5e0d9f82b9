#include "findings/builtin_rules.h"

#include "source/rule_registry.h"

namespace steward::findings {

const RuleTable& findings_rules() {
  static const RuleTable rules = [] {
    RuleTable all;
    for (const BuiltinRule& rule : builtin_rules()) {
      if (rule.family != RuleFamily::findings) continue;
      all.push_back({std::string(rule.id),
                     std::string(rule.title),
                     std::string(rule.description),
                     rule.severity,
                     {}});
    }
    return all;
  }();
  return rules;
}

}  // namespace steward::findings
