#pragma once

#include <array>
#include <string>
#include <string_view>

namespace steward::findings {

// SHA-256 of `data` as 64 lower-case hex digits, by OpenSSL's libcrypto. Fingerprints use a
// standard hash so that anyone can recompute them (docs/fingerprints.md); a large plan hashes
// tens of thousands of them on each side of a check, and the cache keys hash every file's id.
std::string sha256_hex(std::string_view data);

// The same digest as its 32 bytes.
using Sha256Digest = std::array<unsigned char, 32>;
Sha256Digest sha256_digest(std::string_view data);

}  // namespace steward::findings
