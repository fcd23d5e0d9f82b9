#include "report/json_text.h"

#include <array>
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

// How append_json_string writes each byte: as it is, after a backslash, or through a dump.
enum class ByteKind : uint8_t { plain, backslashed, dumped };

constexpr std::array<ByteKind, 256> kByteKinds = [] {
  std::array<ByteKind, 256> kinds{};
  for (size_t c = 0; c < kinds.size(); ++c) {
    // Printable ASCII but for the two characters JSON escapes. Controls, UTF-8 and bytes that
    // are not UTF-8 go through a dump (rarely).
    kinds[c] = c < 0x20 || c >= 0x7F   ? ByteKind::dumped
               : c == '"' || c == '\\' ? ByteKind::backslashed
                                       : ByteKind::plain;
  }
  return kinds;
}();

// Appends `text` as a JSON string when it is printable ASCII; otherwise appends nothing and
// returns false.
bool append_plain_json_string(std::string& out, std::string_view text) {
  const size_t start = out.size();
  out.push_back('"');
  size_t run = 0;  // the start of the bytes not yet appended
  for (size_t i = 0; i < text.size(); ++i) {
    const ByteKind kind = kByteKinds[static_cast<unsigned char>(text[i])];
    if (kind == ByteKind::plain) continue;
    if (kind == ByteKind::dumped) {
      out.resize(start);
      return false;
    }
    out.append(text.substr(run, i - run)).push_back('\\');
    run = i;  // the character itself starts the next run
  }
  out.append(text.substr(run)).push_back('"');
  return true;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  if (!append_plain_json_string(out, text)) {
    out += json_text(nlohmann::ordered_json(std::string(text)));
  }
}

void append_visible_json_string(std::string& out, std::string_view text, bool keep_newlines) {
  // visible_text keeps printable ASCII as it is.
  if (!append_plain_json_string(out, text)) {
    append_json_string(out, visible_text(text, keep_newlines));
  }
}

}  // namespace steward::report
