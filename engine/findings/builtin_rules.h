#pragma once

#include <string_view>

#include "findings/rule_info.h"

namespace steward::findings {

// Rules the findings stage itself reports, about suppressions and waivers.
inline constexpr std::string_view kSuppressionMissingReason = "suppression.missing-reason";
inline constexpr std::string_view kSuppressionInvalid = "suppression.invalid";
inline constexpr std::string_view kSuppressionUnused = "suppression.unused";
inline constexpr std::string_view kWaiverExpired = "waiver.expired";
inline constexpr std::string_view kWaiverUnused = "waiver.unused";

// Their RuleInfo, for reports and `steward explain`.
const RuleTable& findings_rules();

}  // namespace steward::findings
