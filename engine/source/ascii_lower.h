#pragma once

#include <string>
#include <string_view>

namespace steward {

// `text` with A-Z turned to a-z and every other byte kept: names, header keys and enum values
// compare case-insensitively this way, whatever the machine's locale.
inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace steward
