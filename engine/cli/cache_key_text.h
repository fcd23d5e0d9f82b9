#pragma once

#include <string>
#include <string_view>

namespace steward::cli {

// Appends one part of a cache key's description, length-prefixed, so that no two different
// inputs describe the same way (the description's digest is the key).
inline void add_key_part(std::string& description, std::string_view part) {
  description += std::to_string(part.size());
  description += ':';
  description += part;
}

}  // namespace steward::cli
