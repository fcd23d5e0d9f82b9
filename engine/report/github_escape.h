#pragma once

#include <string>
#include <string_view>

namespace steward::report {

// Escaping of GitHub Actions workflow commands (`::error file=F,line=L::message`).
// The message: % -> %25, CR -> %0D, LF -> %0A.
std::string github_escape_data(std::string_view text);
// A property value: the same, plus : -> %3A and , -> %2C.
std::string github_escape_property(std::string_view text);

}  // namespace steward::report
