#include "report/markdown_text.h"

namespace steward::report {
namespace {

bool needs_escape(char c) {
  switch (c) {
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
      return true;
    default:
      return false;
  }
}

void escape_plain(std::string_view text, std::string& out) {
  for (char c : text) {
    if (c == '\n')
      out += "<br>";
    else if (c == '\r')
      continue;
    else if (c == '&')
      out += "&amp;";
    else if (needs_escape(c))
      out += std::string{'\\', c};
    else
      out.push_back(c);
  }
}

}  // namespace

std::string markdown_escape(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('`', i);
    size_t close = open == std::string_view::npos ? open : text.find('`', open + 1);
    // A code span must close on the same line; otherwise the backtick is plain text.
    if (close == std::string_view::npos ||
        text.substr(open, close - open).find('\n') != std::string_view::npos) {
      escape_plain(text.substr(i), out);
      break;
    }
    escape_plain(text.substr(i, open - i), out);
    out += text.substr(open, close - open + 1);
    i = close + 1;
  }
  return out;
}

std::string url_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == '.' || c == '~' || c == '/';
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

}  // namespace steward::report
