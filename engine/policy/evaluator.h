#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "policy/checker.h"
#include "policy/policy_input.h"
#include "source/diagnostic.h"

namespace steward::policy {

// How long one rule took to run, for `check --stats` (a pack author's first question when a
// check is slow is which rule it spends its time in).
struct RuleTime {
  std::string rule;  // its id
  double ms = 0;
};

struct EvaluationResult {
  Diagnostics findings;                // one per outcome, with rule id, severity, message, spans
  std::vector<ReviewRequest> reviews;  // `require review by`
  // Problems of the packs, not of the data: unknown teams or categories for this model
  // (policy.unknown-*), failures at run time (policy.runtime). The CLI exits 2 on any.
  Diagnostics errors;
  std::vector<RuleTime> rule_times;  // every rule that ran, in pack order

  bool ok() const { return errors.empty(); }
};

struct EvaluateOptions {
  // `EvaluateOptions{1}`: one thread, no trace.
  EvaluateOptions(unsigned thread_count = 0) : threads(thread_count) {}  // NOLINT: implicit

  // Rules run in parallel; 0 uses every core. Results are ordered as if run one by one.
  unsigned threads = 0;
  // Receives what `trace(x)` shows, with where the call is (`steward eval`, `steward test
  // --verbose`); called from the threads rules run on. Empty: `trace` only returns its value.
  std::function<void(const Span& where, const std::string& text)> trace;
  // Only what a finding's fingerprint is made of (docs/fingerprints.md): no suggestion, help or
  // review is built. For base's side of the gate, which only tells which of head's findings are
  // new: a large plan has tens of thousands of findings at base, each with a suggestion of its
  // own. A failure while building a suggestion or a review's team is then not seen here; head's
  // side, which builds them, reports it.
  bool fingerprints_only = false;
  // When set, only the rules whose ids it holds run (the others report nothing, not even their
  // failures): base's side of the gate runs only the rules that can mark one of head's findings
  // as old (gate.cpp). Null: every rule.
  const std::set<std::string>* only_rules = nullptr;
  // Called as each rule finishes, on the thread it ran on, with its id and whether it found
  // anything (a failed rule found nothing): the gate starts base's run of a rule as soon as
  // head's run of it has findings (gate/base_alongside.h). Empty: nothing is called.
  std::function<void(const std::string& rule, bool found)> rule_done;
};

// Runs every rule of `packs` over `input` (`input.head` is required). A pack whose names do not
// check against `input.head` (check_names) does not run; its errors are returned instead. A rule
// that fails while running reports its failure (policy.runtime) and no findings.
EvaluationResult evaluate(const std::vector<std::shared_ptr<const CheckedPack>>& packs,
                          const PolicyInput& input, const EvaluateOptions& options = {});
EvaluationResult evaluate(const CheckedPack& pack, const PolicyInput& input,
                          const EvaluateOptions& options = {});

// Evaluates the pack's function `name`, which takes no parameters, over `input` and passes its
// value to `use` (the value points into models and views that live only during the call); for
// `steward eval`. A failure while running throws EvaluationError; names the model does not
// define (check_names) too.
void evaluate_function(const CheckedPack& pack, std::string_view name, const PolicyInput& input,
                       const EvaluateOptions& options,
                       const std::function<void(const Value&)>& use);

}  // namespace steward::policy
