#pragma once

#include <string>
#include <vector>

#include "findings/finding.h"

namespace steward::findings {

// Sets `is_new` on every finding: true unless its fingerprint is among those of the same check run
// at base. Call after assign_fingerprints.
void mark_new(Findings& findings, const std::vector<std::string>& base_fingerprints);

// `--new-only`: drops the findings base already had. Findings whose newness is unknown stay, so a
// run without base information never hides anything.
void keep_new_only(Findings& findings);

}  // namespace steward::findings
