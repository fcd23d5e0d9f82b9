#pragma once

#include <string>

namespace steward::report::testing {

// Compares `actual` with tests/unit/report/golden/<name>; with UPDATE_GOLDEN=1 in the environment,
// rewrites the file instead.
void check_golden(const std::string& name, const std::string& actual);

std::string read_file(const std::string& path);

}  // namespace steward::report::testing
