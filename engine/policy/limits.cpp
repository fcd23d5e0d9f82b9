#include "policy/limits.h"

namespace steward::policy {

std::string string_limit_message(size_t wanted) {
  return "the result would be " + std::to_string(wanted) +
         " bytes long; a string may hold at most " + std::to_string(kMaxStringBytes) +
         " bytes (limit: string size)";
}

std::string shorten_for_message(std::string text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    // Count code points: a continuation byte (10xxxxxx) belongs to the character before it.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars == max_chars) {
      text.resize(i);
      text += "…";
      return text;
    }
    ++chars;
  }
  return text;
}

}  // namespace steward::policy
