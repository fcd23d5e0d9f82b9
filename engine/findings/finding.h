#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/compact_vector.h"
#include "source/diagnostic.h"
#include "source/shared_value.h"
#include "source/span.h"

namespace steward::findings {

// Why a finding does not count: an inline `# steward:ignore` comment or a waiver in steward.yaml.
struct Suppression {
  enum class Kind { none, inline_comment, waiver };
  Kind kind = Kind::none;
  std::string reason;
  std::string approved_by;  // waivers only
  Span span;                // the comment, or the waiver's entry in steward.yaml

  friend bool operator==(const Suppression& a, const Suppression& b) {
    return a.kind == b.kind && a.reason == b.reason && a.approved_by == b.approved_by &&
           a.span.source == b.span.source && a.span.line == b.span.line &&
           a.span.column == b.span.column && a.span.end_line == b.span.end_line &&
           a.span.end_column == b.span.end_column;
  }
};

// A concrete text replacement that fixes the finding (rendered by formats that can apply edits).
struct TextEdit {
  Span range;  // end inclusive, like every Span; an empty replacement deletes
  std::string replacement;
};

// A Diagnostic as the findings stage and the reports see it.
struct Finding {
  Diagnostic diagnostic;
  // What the finding is about, independent of the message wording, e.g. "checkout_started.coupon"
  // or a destination name. The policy stage fills it; waiver targets match it. make_findings moves
  // the diagnostic's here, leaving `diagnostic.subject` empty.
  std::string subject;
  // A finding that groups several at one place (findings/grouping.h): every member's subject.
  // Empty for most findings, so 8 bytes while empty (compact_vector.h), as `fixes`: a large plan
  // has tens of thousands of findings on each side of a check.
  model::CompactVector<std::string> subjects;
  std::string fingerprint;     // stable identity, see docs/fingerprints.md
  std::string line_hash;       // SARIF partialFingerprints.primaryLocationLineHash ("<hex16>:<n>")
  std::optional<bool> is_new;  // true: not present at base; nullopt: base findings not known
  // Held only for a suppressed finding (shared_value.h): 8 bytes, not 96, in each of a large
  // plan's tens of thousands. Read with `->`, set whole or through `edit()`.
  SharedValue<Suppression> suppression;
  model::CompactVector<TextEdit> fixes;

  bool suppressed() const { return suppression->kind != Suppression::Kind::none; }
};

using Findings = std::vector<Finding>;

inline Finding make_finding(Diagnostic diagnostic, std::string subject = {}) {
  Finding finding;
  finding.diagnostic = std::move(diagnostic);
  finding.subject = std::move(subject);
  return finding;
}

Findings make_findings(Diagnostics diagnostics);
// A model's diagnostics (copied) followed by the packs' findings (moved), without a vector of
// both in between: a large plan has tens of thousands of findings.
Findings make_findings(const Diagnostics& first, Diagnostics then);
// The same, for rule findings that come in blocks, in order (base's rules, each run on its own:
// gate/base_alongside.h), each block freed once taken: never all of them twice.
Findings make_findings(const Diagnostics& first, std::vector<Diagnostics> blocks);

// The span a finding is located at: the head span, or the base span for what exists only at base.
const Span& primary_span(const Finding& finding);

// Sorts by file, line, column, rule, then message: the order every report prints.
void sort_findings(Findings& findings);
// Each finding's file (of its primary span) as a number that sorts as the file's path does, equal
// paths equal numbers: sorting tens of thousands of findings by paths that share long prefixes
// compared them again and again.
std::vector<uint32_t> file_ranks(const Findings& findings);
bool comes_before(const Finding& a, const Finding& b);

}  // namespace steward::findings
