#include "findings/sha256.h"

#include <openssl/sha.h>

#include <array>

namespace steward::findings {

std::string sha256_hex(std::string_view data) {
  // OpenSSL's one-shot SHA256 (not its deprecated Init/Update/Final) uses the processor's SHA
  // instructions where there are any.
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * digest.size(), '\0');
  for (size_t i = 0; i < digest.size(); ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0x0F];
  }
  return hex;
}

}  // namespace steward::findings
