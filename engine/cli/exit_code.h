#pragma once

namespace steward::cli {

// steward's exit codes: the contract CI relies on.
enum ExitCode : int {
  kPassed = 0,         // no finding at or above --fail-on
  kFindings = 1,       // findings at or above --fail-on
  kUsageOrConfig = 2,  // usage, configuration, policy or internal error
};

}  // namespace steward::cli
