#pragma once

#include "findings/finding.h"

namespace steward::findings {

// One property that reaches four destinations is one problem at one place, not four findings on
// the same line. Findings of one rule and severity at the same head and base spans that are not
// suppressed become one finding:
//   - its message names what differs ("email reaches google_ads, meta_ads, which ...": the common
//     beginning and end of the messages around the parts that differ, at most kNamedParts of
//     them, then "and N more"), so it stays as long as one message plus the names;
//   - `subject` is the first subject and `subjects` keeps every subject, in message order.
// Waivers and inline suppressions match each finding before grouping, so a waived destination
// stays a finding of its own. Findings without a span are not grouped. The order is kept (the
// group sits where its first finding was).
void group_findings_at_one_place(Findings& findings);

inline constexpr size_t kNamedParts = 10;

// The message of a group, from the members' messages (exposed for tests).
std::string group_message(std::vector<std::string> messages);

}  // namespace steward::findings
