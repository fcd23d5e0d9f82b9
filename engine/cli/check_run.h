#pragma once

#include <string>
#include <vector>

#include "cli/comparison.h"

namespace steward::cli {

struct CheckOptions {
  RevisionOptions revisions;
  std::vector<std::string> formats;
  std::string fail_on;  // empty: steward.yaml's fail_on
  bool new_only = false;
  std::string color = "auto";
  bool stats = false;
  bool quiet = false;    // nothing on standard output when the check passes
  bool offline = false;  // git packs only from steward's clones: never fetch
  // The `env` root of the policy language.
  std::string actor;  // default: GITHUB_ACTOR or GITLAB_USER_LOGIN
  std::vector<std::string> labels;
  std::string environment;  // timings and parse-cache counts on standard error
};

// `steward check`: loads head (and base), evaluates the packs, writes the reports; returns the
// exit code. Throws InputError for problems in steward's own inputs.
int run_check(const CheckOptions& options);

}  // namespace steward::cli
