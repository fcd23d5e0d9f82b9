#include "source/markup_escape.h"

namespace steward {

namespace {

// A tab, LF or CR: kept in HTML and in XML content, a character reference in an XML attribute
// (an attribute's value is normalised: a literal newline would read back as a space).
void append_white_space(char c, Markup markup, std::string& out) {
  if (markup != Markup::xml_attribute) {
    out += c;
    return;
  }
  out += c == '\t' ? "&#9;" : c == '\n' ? "&#10;" : "&#13;";
}

}  // namespace

std::string markup_escape(std::string_view text, Markup markup) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += markup == Markup::html ? "&#39;" : "&apos;";
        break;
      case '\t':
      case '\n':
      case '\r':
        append_white_space(c, markup, out);
        break;
      default:
        // XML 1.0 has no way to write the other C0 controls: they are dropped.
        if (markup == Markup::html || static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out;
}

}  // namespace steward
