#include "cli/version_text.h"

#ifndef STEWARD_COMMIT
#define STEWARD_COMMIT "unknown"
#endif

namespace steward::cli {

std::string version_text() {
  return std::string("steward ") + STEWARD_VERSION + " (" + STEWARD_COMMIT + ")";
}

}  // namespace steward::cli
