#pragma once

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

}  // namespace steward::report
