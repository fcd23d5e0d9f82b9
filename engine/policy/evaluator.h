#pragma once

#include <memory>
#include <vector>

#include "policy/checker.h"
#include "policy/policy_input.h"
#include "source/diagnostic.h"

namespace steward::policy {

struct EvaluationResult {
  Diagnostics findings;                // one per outcome, with rule id, severity, message, spans
  std::vector<ReviewRequest> reviews;  // `require review by`
  // Problems of the packs, not of the data: unknown teams or categories for this model
  // (policy.unknown-*), failures at run time (policy.runtime). The CLI exits 2 on any.
  Diagnostics errors;

  bool ok() const { return errors.empty(); }
};

struct EvaluateOptions {
  // Rules run in parallel; 0 uses every core. Results are ordered as if run one by one.
  unsigned threads = 0;
};

// Runs every rule of `packs` over `input` (`input.head` is required). A pack whose names do not
// check against `input.head` (check_names) does not run; its errors are returned instead. A rule
// that fails while running reports its failure (policy.runtime) and no findings.
EvaluationResult evaluate(const std::vector<std::shared_ptr<const CheckedPack>>& packs,
                          const PolicyInput& input, const EvaluateOptions& options = {});
EvaluationResult evaluate(const CheckedPack& pack, const PolicyInput& input,
                          const EvaluateOptions& options = {});

}  // namespace steward::policy
