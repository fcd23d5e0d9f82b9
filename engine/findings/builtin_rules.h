#pragma once

#include "findings/rule_info.h"

namespace steward::findings {

// The rules the findings stage itself reports, about suppressions and waivers (rule_id::
// kSuppression*, kWaiver*), as RuleInfo for reports and `steward explain`: the findings family of
// the registry in source/rule_registry.h.
const RuleTable& findings_rules();

}  // namespace steward::findings
