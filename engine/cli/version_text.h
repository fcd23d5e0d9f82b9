#pragma once

#include <string>

namespace steward::cli {

// `steward --version`: "steward VERSION (COMMIT)", the commit being `git describe` of the source
// at configure time ("unknown" when it was not built from a git checkout).
std::string version_text();

}  // namespace steward::cli
