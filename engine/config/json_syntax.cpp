#include "config/json_syntax.h"

#include <nlohmann/json.hpp>

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
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& ex) override {
    error_position = position;
    error_message = ex.what();
    last_token = token;
    return false;
  }

  std::optional<size_t> error_position;
  std::string error_message;
  std::string last_token;
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
  return message;
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
  return Span{source, line, column, line, column};
}

std::optional<Diagnostic> check_json_syntax(const SourceRef& source, int max_depth) {
  SyntaxOnly handler(max_depth);
  bool ok = nlohmann::json::sax_parse(source->text(), &handler);
  if (ok) return std::nullopt;
  Diagnostic d;
  if (handler.too_deep) {
    d.rule = "syntax.too-deep";
    d.message = "nesting deeper than " + std::to_string(max_depth) + " levels";
    d.help = "no tracking plan needs this depth; check that the file is not generated wrongly";
    d.span = Span{source, 1, 1, 1, 1};
    return d;
  }
  d.rule = "syntax.json";
  d.message = "invalid JSON: " + readable(handler.error_message);
  d.help = "fix the JSON syntax (a trailing comma, a missing quote or an unclosed bracket)";
  // The reported position is just past the offending token; point at the token itself.
  size_t position = handler.error_position.value_or(0);
  size_t token_length = handler.last_token.size();
  size_t start = position >= token_length && token_length > 0 ? position - token_length : position;
  d.span = span_at_offset(source, start);
  return d;
}

}  // namespace steward::config
