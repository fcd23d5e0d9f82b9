#pragma once

#include <string>
#include <string_view>

namespace steward::findings {

// SHA-256 of `data` as 64 lower-case hex digits. Fingerprints use a standard hash so that anyone
// can recompute them (docs/fingerprints.md); speed is not a concern at the scale of findings.
std::string sha256_hex(std::string_view data);

}  // namespace steward::findings
