#include "report/json_text.h"

#include <array>
#include <charconv>
#include <cstdint>

#include "source/visible_text.h"

namespace steward::report {

std::string json_text(const nlohmann::ordered_json& json) {
  const std::string dumped =
      json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  // Outside strings a JSON text is ASCII, so every control met here is inside a string, where a
  // \uXXXX escape means the same character. visible_text writes exactly those escapes for them
  // (the dump has no raw C0 control left and is valid UTF-8).
  std::string out;
  out.reserve(dumped.size());
  std::string piece;
  bool escaped = false;
  for (size_t pos = 0; pos < dumped.size();) {
    const size_t plain = plain_run(dumped, pos, true);
    out.append(dumped, pos, plain);
    pos += plain;
    if (pos == dumped.size()) break;
    piece.clear();
    pos += append_visible_piece(dumped, pos, piece, escaped, true);
    if (escaped && piece.size() == 4 && piece[1] == 'x') piece = "\\u00" + piece.substr(2);
    out += piece;
  }
  return out;
}

namespace {

// How append_json_string writes each byte: as it is, after a backslash, as a short escape (\n), or
// through a dump.
enum class ByteKind : uint8_t { plain, backslashed, escaped, dumped };

// The escapes a dump writes for controls that have a short one; the rest are \u00XX.
constexpr char short_escape(unsigned char c) {
  switch (c) {
    case '\b':
      return 'b';
    case '\t':
      return 't';
    case '\n':
      return 'n';
    case '\f':
      return 'f';
    case '\r':
      return 'r';
    default:
      return 0;
  }
}

constexpr std::array<ByteKind, 256> kByteKinds = [] {
  std::array<ByteKind, 256> kinds{};
  for (size_t c = 0; c < kinds.size(); ++c) {
    // Printable ASCII but for the two characters JSON escapes, and the controls with a short
    // escape. Other controls, UTF-8 and bytes that are not UTF-8 go through a dump (rarely).
    kinds[c] = short_escape(static_cast<unsigned char>(c)) != 0 ? ByteKind::escaped
               : c < 0x20 || c >= 0x7F                          ? ByteKind::dumped
               : c == '"' || c == '\\'                          ? ByteKind::backslashed
                                                                : ByteKind::plain;
  }
  return kinds;
}();

// Appends `text` as a JSON string when it is printable ASCII and controls with a short escape
// (only those that visible_text keeps, tabs and with `keep_newlines` newlines, for text that is
// `visible`); otherwise appends nothing and returns false.
bool append_plain_json_string(std::string& out, std::string_view text, bool visible,
                              bool keep_newlines) {
  const size_t start = out.size();
  out.push_back('"');
  size_t run = 0;  // the start of the bytes not yet appended
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const ByteKind kind = kByteKinds[static_cast<unsigned char>(c)];
    if (kind == ByteKind::plain) continue;
    if (kind == ByteKind::dumped ||
        (kind == ByteKind::escaped && visible && c != '\t' && !(c == '\n' && keep_newlines))) {
      out.resize(start);
      return false;
    }
    out.append(text.substr(run, i - run)).push_back('\\');
    if (kind == ByteKind::escaped) {
      out.push_back(short_escape(static_cast<unsigned char>(c)));
      run = i + 1;
    } else {
      run = i;  // the character itself starts the next run
    }
  }
  out.append(text.substr(run)).push_back('"');
  return true;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  if (!append_plain_json_string(out, text, false, false)) {
    out += json_text(nlohmann::ordered_json(std::string(text)));
  }
}

void append_visible_json_string(std::string& out, std::string_view text, bool keep_newlines) {
  // visible_text keeps printable ASCII, tabs and (with keep_newlines) newlines as they are.
  if (!append_plain_json_string(out, text, true, keep_newlines)) {
    append_json_string(out, visible_text(text, keep_newlines));
  }
}

std::string& ObjectText::member(std::string_view name) {
  out_.append(empty_ ? "\n" : ",\n");
  empty_ = false;
  out_.append(indent_ + 2, ' ').append(1, '"').append(name);
  return out_.append("\": ");
}

void ObjectText::number(std::string_view name, uint64_t n) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  member(name).append(digits, end);
}

void ObjectText::close() {
  if (!empty_) out_.append("\n").append(indent_, ' ');
  out_.push_back('}');
}

std::string& ArrayText::item() {
  out_.append(empty_ ? "\n" : ",\n").append(indent_ + 2, ' ');
  empty_ = false;
  return out_;
}

void ArrayText::close() {
  if (!empty_) out_.append("\n").append(indent_, ' ');
  out_.push_back(']');
}

}  // namespace steward::report
