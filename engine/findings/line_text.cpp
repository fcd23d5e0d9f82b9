#include "findings/line_text.h"

namespace steward::findings {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  return text;
}

size_t comment_start(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote == '"') {
      if (c == '\\')
        ++i;  // an escaped character, possibly a quote
      else if (c == '"')
        quote = 0;
    } else if (quote == '\'') {
      if (c == '\'' && i + 1 < line.size() && line[i + 1] == '\'')
        ++i;  // '' is an escaped quote
      else if (c == '\'')
        quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes open a scalar only where a scalar can start; "it's" inside plain text does not.
      if (i == 0 || is_space(line[i - 1]) || line[i - 1] == ':' || line[i - 1] == '[' ||
          line[i - 1] == '{' || line[i - 1] == ',' || line[i - 1] == '-') {
        quote = c;
      }
    } else if (c == '#' && (i == 0 || is_space(line[i - 1]))) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string normalize_line(std::string_view line) {
  size_t comment = comment_start(line);
  if (comment != std::string_view::npos) line = line.substr(0, comment);
  line = trim(line);
  std::string out;
  out.reserve(line.size());
  for (char c : line) {
    if (is_space(c)) {
      if (out.empty() || out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string normalize_message(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (size_t i = 0; i < message.size(); ++i) {
    if (is_digit(message[i])) {
      out.push_back('0');
      while (i + 1 < message.size() && is_digit(message[i + 1]))
        ++i;
    } else {
      out.push_back(message[i]);
    }
  }
  return out;
}

}  // namespace steward::findings
