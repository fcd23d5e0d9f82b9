#include "export/promql_text.h"

#include <cstdio>

namespace steward::exports {

std::string promql_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned char>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string go_template_literal(std::string_view text) {
  std::string out;
  size_t start = 0;
  for (size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", start)) {
    out += text.substr(start, at - start);
    out += "{{ \"{{\" }}";
    start = at + 2;
  }
  return out + std::string(text.substr(start));
}

}  // namespace steward::exports
