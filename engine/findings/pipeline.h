#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/steward_config.h"
#include "findings/finding.h"
#include "source/source_file.h"

namespace steward::model {
struct Model;
}

namespace steward::findings {

struct ProcessOptions {
  const config::StewardConfig* config = nullptr;  // severity overrides and waivers; null: none
  std::vector<SourceRef> files;          // every head file read: scanned for # steward:ignore
  std::string today;                     // YYYY-MM-DD; empty: today_utc()
  std::vector<std::string> known_rules;  // every rule id that exists, for did-you-mean hints
  // The fingerprints of the same run at base (process_findings on the base findings); when set,
  // every finding gets `is_new`.
  std::optional<std::vector<std::string>> base_fingerprints;
  bool new_only = false;  // drop what base already had (needs base_fingerprints)
  // The head model when base is known too: findings about what exists only at base point at the
  // nearest place that head still has (findings/head_location.h). Null: a revision alone.
  const model::Model* head_model = nullptr;
};

// The findings stage in order: base-only findings located in head, inline suppressions, waivers,
// severity overrides (after the two, so that their own findings can be re-levelled or turned off
// too), grouping of one rule's findings at one place (findings/grouping.h), fingerprints,
// baseline, `--new-only`; returns the findings sorted. Then findings::summarize gives the verdict.
Findings process_findings(Findings findings, const ProcessOptions& options);

// The fingerprints process_findings gives the same findings, in no particular order, without
// what only reports read (line hashes, sorting): base's side of the gate, which only tells
// which of head's findings are new. `base_fingerprints` and `new_only` are not read.
std::vector<std::string> process_fingerprints(Findings findings, const ProcessOptions& options);

}  // namespace steward::findings
