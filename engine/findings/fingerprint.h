#pragma once

#include <string>

#include "findings/finding.h"

namespace steward::findings {

// Fills `fingerprint` and `line_hash` of every finding (suppressed ones too). Both stay the same
// when unrelated lines are inserted, removed or moved; docs/fingerprints.md gives the exact scheme.
// The whole list is needed at once: identical findings in one file are told apart by their order.
void assign_fingerprints(Findings& findings);

// The hashed identity of a finding before its occurrence number is added.
std::string fingerprint_key(const Finding& finding);

}  // namespace steward::findings
