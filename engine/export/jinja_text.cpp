#include "export/jinja_text.h"

namespace steward::exports {

std::string jinja_literal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (text[i] == '{' && (next == '{' || next == '%' || next == '#')) {
      out += "{{ '{";
      out += next;
      out += "' }}";
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace steward::exports
