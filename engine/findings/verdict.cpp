#include "findings/verdict.h"

#include <set>
#include <string>
#include <utility>

namespace steward::findings {

bool fails(Severity severity, config::FailOn fail_on) {
  switch (fail_on) {
    case config::FailOn::error:
      return severity >= Severity::error;
    case config::FailOn::warning:
      return severity >= Severity::warning;
    case config::FailOn::note:
      return true;
    case config::FailOn::never:
      return false;
  }
  return true;
}

size_t failing_count(const Summary& summary) {
  switch (summary.fail_on) {
    case config::FailOn::error:
      return summary.errors;
    case config::FailOn::warning:
      return summary.errors + summary.warnings;
    case config::FailOn::note:
      return summary.total();
    case config::FailOn::never:
      return 0;
  }
  return summary.errors;
}

std::vector<ReviewRequest> unique_reviews(const std::vector<ReviewRequest>& reviews) {
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<ReviewRequest> unique;
  for (const auto& review : reviews) {
    if (seen.emplace(review.team, review.reason).second) unique.push_back(review);
  }
  return unique;
}

Summary summarize(const Findings& findings, const std::vector<ReviewRequest>& reviews,
                  config::FailOn fail_on) {
  Summary summary;
  summary.fail_on = fail_on;
  for (const auto& finding : findings) {
    if (finding.suppressed()) {
      ++summary.suppressed;
      continue;
    }
    switch (finding.diagnostic.severity) {
      case Severity::error:
        ++summary.errors;
        break;
      case Severity::warning:
        ++summary.warnings;
        break;
      case Severity::note:
        ++summary.notes;
        break;
    }
    if (fails(finding.diagnostic.severity, fail_on)) summary.failed = true;
  }
  summary.reviews = unique_reviews(reviews).size();
  return summary;
}

}  // namespace steward::findings
