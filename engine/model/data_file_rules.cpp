#include "model/data_file_rules.h"

#include "source/rule_registry.h"

namespace steward::model {

const std::vector<DataFileRule>& data_file_rules() {
  static const std::vector<DataFileRule> rules = [] {
    std::vector<DataFileRule> all;
    for (const BuiltinRule& rule : builtin_rules()) {
      if (rule.family != RuleFamily::data_file) continue;
      all.push_back({std::string(rule.id), std::string(rule.title), std::string(rule.description),
                     rule.severity});
    }
    return all;
  }();
  return rules;
}

}  // namespace steward::model
