#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "config/steward_config.h"
#include "findings/finding.h"
#include "source/diagnostic.h"

namespace steward::findings {

// The counts every report prints and the pass/fail decision of `steward check`.
struct Summary {
  size_t errors = 0;  // findings that count: suppressed and waived ones do not
  size_t warnings = 0;
  size_t notes = 0;
  size_t suppressed = 0;  // by an inline comment or a waiver
  size_t reviews = 0;     // distinct (team, reason) review requests
  config::FailOn fail_on = config::FailOn::error;
  bool failed = false;  // a counted finding is at or above fail_on: exit code 1

  size_t total() const { return errors + warnings + notes; }
};

// True when a finding of `severity` fails a check run with `fail_on`.
bool fails(Severity severity, config::FailOn fail_on);

Summary summarize(const Findings& findings, const std::vector<ReviewRequest>& reviews,
                  config::FailOn fail_on);

// How many counted findings are at or above fail_on (0 for `never`).
size_t failing_count(const Summary& summary);

// The reviews with duplicates (same team and reason) removed, in first-seen order.
std::vector<ReviewRequest> unique_reviews(const std::vector<ReviewRequest>& reviews);

}  // namespace steward::findings
