#include "source/visible_text.h"

#include <cstdint>

namespace steward {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_hex_byte(std::string& out, unsigned char byte) {
  out += "\\x";
  out.push_back(kHex[byte >> 4]);
  out.push_back(kHex[byte & 0xF]);
}

void append_code_point(std::string& out, uint32_t cp) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4)
    out.push_back(kHex[(cp >> shift) & 0xF]);
}

// The code point at `pos` and its length in bytes; length 0 when the bytes are not UTF-8
// (a stray continuation byte, a truncated or overlong sequence, a surrogate, past U+10FFFF).
std::pair<uint32_t, size_t> decode(std::string_view text, size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || pos + length > text.size()) return {0, 0};
  uint32_t cp = lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[pos + i]);
    if ((next & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (next & 0x3F);
  }
  static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, length};
}

// Code points that reorder or break the displayed text: C1 controls, the bidi embeddings,
// overrides and isolates, the directional marks, and the Unicode line/paragraph separators.
bool is_invisible_control(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

size_t append_visible_piece(std::string_view text, size_t pos, std::string& out, bool& escaped,
                            bool keep_newlines) {
  const auto [cp, length] = decode(text, pos);
  escaped = true;
  if (length == 0) {
    append_hex_byte(out, static_cast<unsigned char>(text[pos]));
    return 1;
  }
  if (cp < 0x20 || cp == 0x7F) {
    if (cp == '\t' || (cp == '\n' && keep_newlines)) {
      escaped = false;
      out.push_back(static_cast<char>(cp));
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else {
      append_hex_byte(out, static_cast<unsigned char>(cp));
    }
    return 1;
  }
  if (is_invisible_control(cp)) {
    append_code_point(out, cp);
    return length;
  }
  escaped = false;
  out.append(text.substr(pos, length));
  return length;
}

size_t plain_run(std::string_view text, size_t pos, bool keep_newlines) {
  size_t end = pos;
  while (end < text.size()) {
    const auto c = static_cast<unsigned char>(text[end]);
    if ((c < 0x20 || c >= 0x7F) && c != '\t' && !(c == '\n' && keep_newlines)) break;
    ++end;
  }
  return end - pos;
}

std::string visible_text(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  bool escaped = false;
  for (size_t pos = 0; pos < text.size();) {
    // Printable ASCII is copied as it is, a run at a time; only the rest goes piece by piece.
    const size_t plain = plain_run(text, pos, keep_newlines);
    out.append(text.substr(pos, plain));
    pos += plain;
    if (pos < text.size()) pos += append_visible_piece(text, pos, out, escaped, keep_newlines);
  }
  return out;
}

std::string markdown_literal(std::string_view text) {
  std::string out;
  for (char c : visible_text(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      // Inline syntax (emphasis, code, links, images, HTML, tables, strikethrough) and '#', which
      // could start a heading. The text never starts a line (no newline is left).
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
      case '|':
      case '~':
      case '!':
        out.push_back('\\');
        out.push_back(c);
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string markdown_code_span(std::string_view text) {
  const std::string visible = visible_text(text);
  size_t longest = 0;
  size_t run = 0;
  for (char c : visible) {
    run = c == '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !visible.empty() && (visible.front() == '`' || visible.back() == '`');
  const std::string space = pad ? " " : "";
  return fence + space + visible + space + fence;
}

std::string uri_reference(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (unsigned char c : path) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back("0123456789ABCDEF"[c >> 4]);
      out.push_back("0123456789ABCDEF"[c & 0xF]);
    }
  }
  return out;
}

}  // namespace steward
