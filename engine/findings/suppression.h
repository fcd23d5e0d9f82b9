#pragma once

#include <set>
#include <string>
#include <vector>

#include "findings/finding.h"
#include "source/source_file.h"

namespace steward::findings {

struct SuppressionOptions {
  // Files to scan besides those the findings point into, so that a suppression in a file with
  // no finding is still reported as unused: pass every head file that was read.
  std::vector<SourceRef> files;
  std::set<std::string> disabled_rules;  // `off` in steward.yaml: their suppressions are not unused
  std::vector<std::string> known_rules;  // for a did-you-mean on an unused suppression's rule id
};

// The one place inline suppressions are handled; rules never see them. Marks each finding that a
// valid `# steward:ignore RULE -- reason` comment covers (on the finding's line, or alone on the
// line above), and appends findings about the comments themselves: suppression.invalid and
// suppression.missing-reason (errors; such a comment suppresses nothing) and suppression.unused
// (a warning, per rule id that silenced nothing). Those are never suppressed themselves.
void apply_inline_suppressions(Findings& findings, const SuppressionOptions& options);

}  // namespace steward::findings
