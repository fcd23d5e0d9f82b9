#pragma once

#include <map>
#include <set>
#include <string>

#include "config/steward_config.h"
#include "findings/finding.h"

namespace steward::findings {

using SeverityOverrides = std::map<std::string, config::SeverityOverride>;

// steward.yaml `severity:`: gives each listed rule's findings the configured severity, and drops
// the findings of rules set to `off`.
void apply_severity_overrides(Findings& findings, const SeverityOverrides& overrides);

// The rules steward.yaml turns off.
std::set<std::string> disabled_rules(const SeverityOverrides& overrides);

}  // namespace steward::findings
