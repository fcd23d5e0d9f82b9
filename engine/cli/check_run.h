#pragma once

#include <optional>
#include <string>
#include <vector>

namespace steward::cli {

struct CheckOptions {
  std::string dir = ".";
  std::string base;  // empty: the default base (CI target branch or main), when in git
  bool no_base = false;
  std::string head;  // empty: the work tree
  bool staged = false;
  std::vector<std::string> formats;
  std::string fail_on;  // empty: steward.yaml's fail_on
  bool new_only = false;
  std::string color = "auto";
};

// `steward check`: loads head (and base), evaluates the packs, writes the reports; returns the
// exit code. Throws InputError for problems in steward's own inputs.
int run_check(const CheckOptions& options);

}  // namespace steward::cli
