#pragma once

#include <optional>
#include <string>
#include <vector>

#include "findings/finding.h"
#include "findings/rule_info.h"
#include "report/report.h"

namespace steward::report {

// What every format renders, computed once from a ReportInput: the findings that count, sorted;
// the suppressed ones; the reviews without duplicates; a rule table that covers every finding.
struct ReportView {
  std::vector<const findings::Finding*> shown;       // not suppressed; sorted by file, line, rule
  std::vector<const findings::Finding*> suppressed;  // sorted the same way
  std::vector<ReviewRequest> reviews;                // one per (team, reason)
  // input.rules, then a minimal entry for each rule that has findings but no RuleInfo.
  findings::RuleTable rules;

  size_t rule_index(
      const std::string& id) const;  // index in `rules`; every finding's rule is there
};

ReportView make_view(const ReportInput& input);

// Reports for people (text, markdown) show at most this many findings of one rule, so that one
// rule over a large model cannot bury the others or make the log unreadable; the machine formats
// (json, sarif, gitlab, rdjson, junit, github annotations) keep every finding.
inline constexpr size_t kShownPerRule = 50;

struct OmittedFindings {
  std::string rule;
  size_t count = 0;
};

// The first `limit` findings of each rule in `findings` (their order kept), and per rule, sorted
// by id, how many were left out.
struct CappedFindings {
  std::vector<const findings::Finding*> shown;
  std::vector<OmittedFindings> omitted;
};
CappedFindings cap_per_rule(const std::vector<const findings::Finding*>& findings, size_t limit);

// The 1-based character (code point) column of the byte column `byte_column` on `line`: spans
// count bytes; SARIF and GitHub annotations count characters. Past the end, one per byte.
uint32_t character_column(const SourceFile& file, uint32_t line, uint32_t byte_column);

// The environment lookup of the input, or the process environment.
std::optional<std::string> lookup_env(const ReportInput& input, const std::string& name);

// "1 error", "2 warnings".
std::string count_of(size_t n, std::string_view singular, std::string_view plural);

// "2 errors, 1 warning, 0 notes".
std::string severity_counts(const findings::Summary& summary);

}  // namespace steward::report
