#include "report/github_escape.h"

namespace steward::report {

namespace {

// Workflow commands end at a newline, so % (the escape itself), CR and LF are always escaped;
// in properties, `:` and `,` separate fields and are escaped too.
std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string github_escape_data(std::string_view text) {
  return escape(text, false);
}

std::string github_escape_property(std::string_view text) {
  return escape(text, true);
}

}  // namespace steward::report
