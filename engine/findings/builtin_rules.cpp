#include "findings/builtin_rules.h"

namespace steward::findings {

const RuleTable& findings_rules() {
  static const RuleTable rules = {
      {std::string(kSuppressionInvalid),
       "A `# steward:ignore` comment must name the rules it silences",
       "Write `# steward:ignore RULE-ID[, RULE-ID...] -- reason` on the line of the finding or on "
       "the line above it. `*` is not allowed: name each rule, so that a new rule is never "
       "silenced by an old comment.",
       Severity::error,
       {}},
      {std::string(kSuppressionMissingReason),
       "An inline suppression must say why",
       "Add the reason after ` -- `, e.g. `# steward:ignore pii.destination-allowlist -- hashed "
       "upstream (DATA-123)`. A suppression without a reason does not suppress anything.",
       Severity::error,
       {}},
      {std::string(kSuppressionUnused),
       "An inline suppression silences nothing",
       "No finding of the named rule is on the line of the comment or on the next line. Remove the "
       "comment, or fix the rule id.",
       Severity::warning,
       {}},
      {std::string(kWaiverExpired),
       "A waiver in steward.yaml has expired",
       "Its `expires` date is in the past, so it no longer waives anything. Fix the findings it "
       "covered, or renew the waiver with a new date and approval.",
       Severity::error,
       {}},
      {std::string(kWaiverUnused),
       "A waiver in steward.yaml matches no finding",
       "No finding has the waiver's rule and target. Remove the waiver, or fix its `rule` or "
       "`target`.",
       Severity::warning,
       {}},
  };
  return rules;
}

}  // namespace steward::findings
