#include "findings/severity_override.h"

namespace steward::findings {

void apply_severity_overrides(Findings& findings, const SeverityOverrides& overrides) {
  if (overrides.empty()) return;
  std::erase_if(findings, [&](Finding& finding) {
    auto it = overrides.find(finding.diagnostic.rule);
    if (it == overrides.end()) return false;
    if (!it->second.severity) return true;
    finding.diagnostic.severity = *it->second.severity;
    return false;
  });
}

std::set<std::string> disabled_rules(const SeverityOverrides& overrides) {
  std::set<std::string> off;
  for (const auto& [rule, override] : overrides) {
    if (!override.severity) off.insert(rule);
  }
  return off;
}

}  // namespace steward::findings
