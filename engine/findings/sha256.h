#pragma once

#include <string>
#include <string_view>

namespace steward::findings {

// SHA-256 of `data` as 64 lower-case hex digits, by OpenSSL's libcrypto. Fingerprints use a
// standard hash so that anyone can recompute them (docs/fingerprints.md); a large plan hashes
// tens of thousands of them on each side of a check, and the cache keys hash every file's id.
std::string sha256_hex(std::string_view data);

}  // namespace steward::findings
