#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "findings/finding.h"
#include "source/diagnostic.h"

namespace steward::gate {

// What one `steward check` decided, without the models it came from: everything the reports
// render apart from what the packs and the command line give each run (the rule table, fail_on,
// colours). Kept in the persistent cache, so that a run over the same inputs writes every report
// again without building a model.
struct CheckOutcome {
  findings::Findings findings;  // processed: suppressions, waivers, fingerprints, is_new
  std::vector<ReviewRequest> reviews;
  std::string change_summary_text;  // empty: no base, or nothing changed
  std::string change_summary_markdown;
};

// An outcome's parts where they are held: `steward check` saves its outcome from the findings its
// reports are being written from, on another thread, rather than waiting for the reports or
// copying.
struct OutcomeParts {
  const findings::Findings& findings;
  const std::vector<ReviewRequest>& reviews;
  const std::string& change_summary_text;
  const std::string& change_summary_markdown;
};

// A compact binary form of an outcome. The files its spans point into are kept as the lines the
// reports read (each span's first and last line, at their numbers), not whole: a report shows a
// finding's line and counts columns on its first and last line, nothing else.
std::string encode_outcome(const OutcomeParts& outcome);
inline std::string encode_outcome(const CheckOutcome& outcome) {
  return encode_outcome(OutcomeParts{outcome.findings, outcome.reviews, outcome.change_summary_text,
                                     outcome.change_summary_markdown});
}

// The outcome `bytes` encode. Trusts nothing: truncated, corrupt or foreign bytes (another magic or
// version, a count or line number beyond what the bytes or a file can hold) give nullopt; it never
// throws.
std::optional<CheckOutcome> decode_outcome(std::string_view bytes);

// Bumped whenever the encoding changes: older bytes are then refused, not misread.
inline constexpr unsigned kOutcomeCodecVersion = 2;

}  // namespace steward::gate
