#pragma once

#include <string>
#include <string_view>

namespace steward::catalog {

// JSON text made safe inside an inline <script>: '<', '>' and '&' as \u escapes (no "</script>"
// or "<!--" can close or change the script element), U+2028/U+2029 as escapes too.
std::string script_safe_json(std::string_view json);

}  // namespace steward::catalog
