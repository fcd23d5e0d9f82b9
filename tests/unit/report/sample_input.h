#pragma once

#include "report/report.h"

namespace steward::report::testing {

// A fixed evaluation for the golden tests: findings with and without spans, one only at base,
// UTF-8 and characters every format must escape, a suppressed and a waived finding, duplicate
// reviews, a rule with no findings and a finding whose rule has no RuleInfo.
ReportInput sample_input();

// The same with no findings and no reviews: the passing run.
ReportInput clean_input();

}  // namespace steward::report::testing
