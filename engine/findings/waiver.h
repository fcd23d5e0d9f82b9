#pragma once

#include <set>
#include <string>
#include <vector>

#include "config/steward_config.h"
#include "findings/finding.h"

namespace steward::findings {

struct WaiverOptions {
  std::string today;                     // YYYY-MM-DD; tests inject it, the CLI uses today_utc()
  std::set<std::string> disabled_rules;  // `off` in steward.yaml: their waivers are not unused
  std::vector<std::string> known_rules;  // for a did-you-mean on an unused waiver's rule
};

// True when `waiver` covers `finding`: the same rule, and a target that is `*`, equal to the
// finding's subject, or a dotted prefix of it (`checkout_started` covers
// `checkout_started.coupon`, not `checkout_started_v2`). A finding with no subject is covered only
// by `*`.
bool waiver_covers(const config::Waiver& waiver, const Finding& finding);

// True when the waiver's `expires` date is before `today` (a waiver is valid through its date).
bool waiver_expired(const config::Waiver& waiver, const std::string& today);

// steward.yaml `waivers:`. Marks the findings each valid waiver covers (ones an inline comment
// already suppresses are left alone), and appends waiver.expired (an error at the waiver; an
// expired waiver waives nothing) and waiver.unused (a warning: a valid waiver that covered
// nothing).
void apply_waivers(Findings& findings, const std::vector<config::Waiver>& waivers,
                   const WaiverOptions& options);

// Today's date in UTC as YYYY-MM-DD.
std::string today_utc();

}  // namespace steward::findings
