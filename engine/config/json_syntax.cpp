#include "config/json_syntax.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

namespace steward::config {

namespace {

// A SAX handler that builds nothing: it only tracks depth and remembers the first error.
class SyntaxOnly : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit SyntaxOnly(int max_depth) : max_depth_(max_depth) {}

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool key(string_t&) override { return true; }
  bool parse_error(std::size_t position, const std::string& /*token*/,
                   const nlohmann::detail::exception& ex) override {
    error_position = position;
    error_message = ex.what();
    return false;
  }

  std::optional<size_t> error_position;
  std::string error_message;
  bool too_deep = false;

 private:
  bool enter() {
    if (++depth_ > max_depth_) {
      too_deep = true;
      return false;
    }
    return true;
  }
  bool leave() {
    --depth_;
    return true;
  }
  int depth_ = 0;
  int max_depth_;
};

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 3, column 5:
// syntax error while parsing object - unexpected '}'; expected string literal": keep what follows
// the location, which is the part a person needs.
std::string readable(const std::string& what) {
  auto colon = what.find(": ", what.find("parse error"));
  std::string message = colon == std::string::npos ? what : what.substr(colon + 2);
  if (message.starts_with("syntax error while parsing ")) message.erase(0, 27);
  // "...; last read: '{<U+000A>  a'; expected ...": what nlohmann read since its last token, which
  // the caret shows better.
  if (auto last_read = message.find("; last read: "); last_read != std::string::npos) {
    auto next = message.find("'; ", last_read);
    message.erase(last_read, next == std::string::npos ? std::string::npos : next + 1 - last_read);
  }
  return message;
}

bool in_word(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '+' || c == '-';
}

// nlohmann reports how many characters it read, so the last one read is where it stopped. Its
// "last read" token text is no help: it runs on across brackets and escapes control characters.
// The place to show is the start of the token that holds that character: the opening quote of an
// unexpected string, the first character of a bad word or number, or a bracket or comma itself.
size_t token_start(const std::string& text, size_t characters_read) {
  size_t at = characters_read == 0 ? 0 : characters_read - 1;
  if (at >= text.size()) return text.size();
  if (text[at] == '"') {
    // The closing quote of a whole string (an error inside a string stops before any quote).
    for (size_t i = at; i-- > 0;) {
      size_t backslashes = 0;
      while (backslashes < i && text[i - 1 - backslashes] == '\\')
        ++backslashes;
      if (text[i] == '"' && backslashes % 2 == 0) return i;
    }
    return at;
  }
  while (at > 0 && in_word(text[at]) && in_word(text[at - 1]))
    --at;
  return at;
}

// The bracket that opens level `max_depth + 1`. The parser accepted everything before it, so the
// text up to there is JSON and only strings can hold brackets that do not count.
size_t first_too_deep(const std::string& text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if ((c == '[' || c == '{') && ++depth > max_depth) {
      return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return 0;
}

}  // namespace

Span span_at_offset(const SourceRef& source, size_t offset) {
  const std::string& text = source->text();
  offset = std::min(offset, text.size());
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  // Columns on line 1 start after a byte-order mark (SourceFile::line leaves it out).
  if (line == 1 && text.starts_with("\xEF\xBB\xBF") && column > 3) column -= 3;
  return Span{source, line, column, line, column};
}

std::optional<Diagnostic> check_json_syntax(const SourceRef& source, int max_depth) {
  SyntaxOnly handler(max_depth);
  bool ok = nlohmann::json::sax_parse(source->text(), &handler);
  if (ok) return std::nullopt;
  if (handler.too_deep) {
    return make_diagnostic(
        rule_id::kSyntaxTooDeep, Severity::error,
        span_at_offset(source, first_too_deep(source->text(), max_depth)),
        "nesting deeper than " + std::to_string(max_depth) + " levels",
        "no tracking plan needs this depth; check that the file is not generated wrongly");
  }
  return make_diagnostic(
      rule_id::kSyntaxJson, Severity::error,
      span_at_offset(source, token_start(source->text(), handler.error_position.value_or(0))),
      "invalid JSON: " + readable(handler.error_message),
      "fix the JSON syntax (a trailing comma, a missing quote or an unclosed bracket)");
}

}  // namespace steward::config
