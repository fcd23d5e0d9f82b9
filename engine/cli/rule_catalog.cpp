#include "cli/rule_catalog.h"

#include "findings/builtin_rules.h"
#include "model/data_file_rules.h"

namespace steward::cli {

findings::RuleTable rule_catalog(const findings::RuleTable& pack_rules) {
  findings::RuleTable table;
  for (const auto& rule : model::data_file_rules()) {
    table.push_back(
        {rule.id, rule.title, rule.description, rule.severity, "docs/data-file-rules.md"});
  }
  const auto& own = findings::findings_rules();
  table.insert(table.end(), own.begin(), own.end());
  table.insert(table.end(), pack_rules.begin(), pack_rules.end());
  return table;
}

}  // namespace steward::cli
