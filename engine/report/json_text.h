#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace steward::report {

// A JSON report's text: two-space indent, invalid UTF-8 replaced by U+FFFD, and every control
// character JSON allows raw (DEL, C1 controls, bidi controls, U+2028/U+2029) written as a \uXXXX
// escape, so values stay exact when parsed and nothing in the file reorders or breaks its display.
std::string json_text(const nlohmann::ordered_json& json);

// Appends `text` as the JSON string that json_text writes for it (quoted and escaped the same),
// for reports that write part of their text without building a JSON tree.
void append_json_string(std::string& out, std::string_view text);

// append_json_string(out, visible_text(text, keep_newlines)), without a copy of printable ASCII.
void append_visible_json_string(std::string& out, std::string_view text, bool keep_newlines);

// Appends a JSON object as a dump with a two-space indent writes it, its braces at `indent` spaces
// and each member on a line of its own, indented by 2 more; close() writes the closing brace.
// Strings are written as json_text writes them, so the text is a JSON tree's, without the tree.
class ObjectText {
 public:
  ObjectText(std::string& out, size_t indent) : out_(out), indent_(indent) { out_.push_back('{'); }

  // Starts a member; its value is to be appended to the string returned (an ObjectText or
  // ArrayText of indent() + 2 for an object or an array). `name` is written as it is: the names
  // of the reports are plain ASCII, with nothing to escape.
  std::string& member(std::string_view name);
  void string(std::string_view name, std::string_view value) {
    append_json_string(member(name), value);
  }
  void string_or_null(std::string_view name, std::string_view value) {
    value.empty() ? null(name) : string(name, value);
  }
  // Prose for people (messages, help, reasons): controls escaped visibly (visible_text).
  void prose(std::string_view name, std::string_view value, bool keep_newlines = false) {
    append_visible_json_string(member(name), value, keep_newlines);
  }
  void prose_or_null(std::string_view name, std::string_view value, bool keep_newlines = false) {
    value.empty() ? null(name) : prose(name, value, keep_newlines);
  }
  void null(std::string_view name) { member(name).append("null"); }
  void number(std::string_view name, uint64_t n);
  void number_or_null(std::string_view name, uint32_t n) { n == 0 ? null(name) : number(name, n); }
  void boolean(std::string_view name, bool value) { member(name).append(value ? "true" : "false"); }
  void close();
  size_t indent() const { return indent_; }

 private:
  std::string& out_;
  size_t indent_;
  bool empty_ = true;
};

// An array as ObjectText writes an object: items on lines of their own, indented by 2 more.
class ArrayText {
 public:
  ArrayText(std::string& out, size_t indent) : out_(out), indent_(indent) { out_.push_back('['); }

  // Starts an item; it is to be appended to the string returned.
  std::string& item();
  void close();
  size_t indent() const { return indent_; }

 private:
  std::string& out_;
  size_t indent_;
  bool empty_ = true;
};

}  // namespace steward::report
