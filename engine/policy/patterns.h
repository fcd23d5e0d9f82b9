#pragma once

#include <string_view>

namespace steward::policy {

// `glob` of the language: the whole text matches the pattern, where `*` stands for any run of
// characters (none included) and `?` for one character. Everything else matches itself.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace steward::policy
