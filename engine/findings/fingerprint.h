#pragma once

#include <string>
#include <vector>

#include "findings/finding.h"

namespace steward::findings {

// Fills `fingerprint` and `line_hash` of every finding (suppressed ones too). Both stay the same
// when unrelated lines are inserted, removed or moved; docs/fingerprints.md gives the exact scheme.
// The whole list is needed at once: identical findings in one file are told apart by their order.
void assign_fingerprints(Findings& findings);

// The fingerprints assign_fingerprints gives, in the findings' order, and no line hashes: what
// base's side of the gate needs to tell which of head's findings are new. Line hashes (read only
// by reports) cost a pass over every line of every file with a finding, which base never reports.
std::vector<std::string> fingerprints_of(const Findings& findings);

// The hashed identity of a finding before its occurrence number is added.
std::string fingerprint_key(const Finding& finding);

}  // namespace steward::findings
