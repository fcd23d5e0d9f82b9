#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace steward::report {

// A JSON report's text: two-space indent, invalid UTF-8 replaced by U+FFFD, and every control
// character JSON allows raw (DEL, C1 controls, bidi controls, U+2028/U+2029) written as a \uXXXX
// escape, so values stay exact when parsed and nothing in the file reorders or breaks its display.
std::string json_text(const nlohmann::ordered_json& json);

}  // namespace steward::report
