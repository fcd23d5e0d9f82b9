#include "report/json_text.h"

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

}  // namespace steward::report
