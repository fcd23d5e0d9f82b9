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

namespace {

// The part of `line` that normalize_line keeps, before whitespace is collapsed: no comment,
// trimmed.
std::string_view line_body(std::string_view line) {
  const size_t comment = comment_start(line);
  if (comment != std::string_view::npos) line = line.substr(0, comment);
  return trim(line);
}

}  // namespace

void append_normalized_line(std::string& out, std::string_view line) {
  std::string_view body = line_body(line);
  out.reserve(out.size() + body.size());
  // The body starts and ends with no whitespace: words, each run of whitespace between them one
  // space. Each word is appended at once.
  while (!body.empty()) {
    size_t word = 0;
    while (word < body.size() && !is_space(body[word]))
      ++word;
    out.append(body.substr(0, word));
    body.remove_prefix(word);
    if (body.empty()) break;
    out.push_back(' ');
    while (is_space(body.front()))
      body.remove_prefix(1);
  }
}

std::string normalize_line(std::string_view line) {
  std::string out;
  append_normalized_line(out, line);
  return out;
}

bool normalizes_to(std::string_view line, std::string_view normalized) {
  // A quick no for most lines: a non-empty normalized line starts with the line's first character
  // that is not whitespace (a '#' there would start a comment and leave nothing).
  if (!normalized.empty()) {
    size_t first = 0;
    while (first < line.size() && is_space(line[first]))
      ++first;
    if (first == line.size() || line[first] != normalized.front()) return false;
  }
  const std::string_view body = line_body(line);
  size_t matched = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (is_space(c)) {
      if (is_space(body[i - 1])) continue;  // collapsed into the space already matched
      c = ' ';
    }
    if (matched == normalized.size() || normalized[matched] != c) return false;
    ++matched;
  }
  return matched == normalized.size();
}

void append_normalized_message(std::string& out, std::string_view message) {
  out.reserve(out.size() + message.size());
  size_t i = 0;
  while (i < message.size()) {
    size_t text = i;  // the run of non-digits, appended at once
    while (text < message.size() && !is_digit(message[text]))
      ++text;
    out.append(message.substr(i, text - i));
    if (text == message.size()) break;
    out.push_back('0');
    i = text;
    while (i < message.size() && is_digit(message[i]))
      ++i;
  }
}

std::string normalize_message(std::string_view message) {
  std::string out;
  append_normalized_message(out, message);
  return out;
}

}  // namespace steward::findings
