#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/steward_config.h"
#include "diff/change_set.h"
#include "findings/finding.h"
#include "model/snapshot_loader.h"
#include "policy/checker.h"
#include "policy/evaluator.h"
#include "policy/policy_input.h"

namespace steward::gate {

// The ids of the rules base's side runs (run_gate says which).
using RuleIds = std::set<std::string>;

// Where base's fingerprints are kept between runs (the CLI's persistent cache): a pull request's
// base rarely moves, so later runs skip evaluating it. The store knows its own key; the rules
// base ran are part of it, since base's fingerprints are those of these rules' findings only.
class BaseFingerprintStore {
 public:
  virtual ~BaseFingerprintStore() = default;
  virtual std::optional<std::vector<std::string>> load(const RuleIds& rules) = 0;
  virtual void save(const RuleIds& rules, const std::vector<std::string>& fingerprints) = 0;
  // Whether it holds fingerprints of this base for some rules, which may be the ones asked for:
  // base then waits for head's rules and asks, rather than running alongside them.
  virtual bool kept() = 0;
};

// What one run of the gate looks at. Everything pointed to must outlive run_gate.
struct GateInput {
  const model::LoadedModel* head = nullptr;
  const model::LoadedModel* base = nullptr;       // null: head alone (no changes, nothing is new)
  const config::StewardConfig* config = nullptr;  // severity overrides, waivers
  std::vector<std::shared_ptr<const policy::CheckedPack>> packs;
  policy::Env env;                             // env.today also dates waivers
  std::vector<std::string> known_rules;        // every rule id that exists, for did-you-mean hints
  bool new_only = false;                       // keep only what base did not have
  BaseFingerprintStore* base_store = nullptr;  // null: evaluate base every time
};

// Where the gate's time went, for `check --stats`.
struct GateTimes {
  double diff_ms = 0;      // the change set
  double evaluate_ms = 0;  // head's rules (on every core)
  double findings_ms = 0;  // head's findings stage
  double base_ms = 0;  // base's fingerprints, on their own thread (from the store, or evaluated)
  double base_wait_ms = 0;  // how long head's side then waited for them
  bool base_from_store = false;
  size_t base_rules = 0;                     // how many rules base ran, when it was evaluated
  std::vector<policy::RuleTime> rule_times;  // head's rules, each on its own
};

struct GateResult {
  std::optional<diff::ChangeSet> changes;  // set when there is a base
  findings::Findings findings;  // head's, processed (suppressions, waivers, fingerprints, is_new)
  std::vector<ReviewRequest> reviews;  // `require review by`, as the packs asked (not deduplicated)
  // Problems of the packs on this repository (policy.unknown-*, policy.runtime): when set, the
  // run stopped there and nothing else is.
  Diagnostics pack_errors;
  GateTimes times;

  bool ok() const { return pack_errors.empty(); }
};

// The gate of `steward check`: the change set is computed, head is evaluated over head, base and
// the changes, and head's data and rule findings go through the findings stage, while base is
// evaluated alone on a thread of its own (each rule as soon as head's run of it has findings,
// base_alongside.h); then head's findings are marked new or not. Base's
// findings only tell which of head's are new, so only their fingerprints are computed (from
// `base_store` when it has them), and only for the rules that can give one of head's: a
// fingerprint begins with its rule, so base runs the rules of head's findings (and those that
// head's unused suppressions and the waivers name), not every rule. When head's packs fail,
// base runs every rule, and base's pack errors win over head's, as if base ran first. The
// verdict (findings::summarize) and the reports are the caller's.
GateResult run_gate(const GateInput& input);

// Every file a revision read, for inline suppressions.
std::vector<SourceRef> files_of(const model::LoadedModel& loaded);

}  // namespace steward::gate
