#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diff/change_set.h"
#include "git/snapshot.h"
#include "model/snapshot_loader.h"
#include "policy/functions.h"
#include "policy/policy_input.h"
#include "source/diagnostic.h"

// `steward test PACK`: each rule pack carries fixture trees, `<pack>/tests/<case>/head/` and
// optionally `base/`, whose YAML lines are annotated with the findings they must produce:
//
//   email: {type: string, pii: user.contact.email}   # expect: pii.destination-allowlist
//   # ok: pii.destination-allowlist
//   cart_id: {type: string, pii: none}
//   # expect: pii.x severity=error count=2 message~"reaches braze"
//
// The comparison is strict: an expected finding that does not occur, or a finding of the pack
// that is not expected, fails the case (`# ok:` marks a deliberate negative; a finding there fails
// too). A finding with no location matches an `# expect:` of its rule anywhere in the case.
// `tests/_shared/` holds data every case sees; `tests/<case>/case.yaml` may set `env`.
// docs/testing-rules.md is the reference.
namespace steward::policy {

// What the runner needs from the stages it does not own; the CLI passes model::load_snapshot and
// diff::compute_changes.
struct FixtureServices {
  std::function<model::LoadedModel(const git::Snapshot&)> load_model;
  // Optional: without it, cases with a base/ folder run with no changes.
  std::function<diff::ChangeSet(const model::Model& base, const model::Model& head)>
      compute_changes;
  Env env;  // fixtures see this env (set `today` for date rules); a case.yaml may change it
  // Optional: runs only the cases for which it returns true; it sees "PACK/CASE".
  std::function<bool(const std::string&)> select;
};

enum class CaseStatus { pass, fail, error };

// A finding or review request a case produced, for `--verbose` and the comparison.
struct ObservedOutcome {
  std::string rule;
  std::string side;  // "head" or "base"; empty when it has no location
  std::string file;
  uint32_t line = 0;
  std::optional<Severity> severity;  // unset for a review request
  std::string team;                  // review requests: the team asked
  std::string message;

  std::string where() const;  // "head/plan.yaml:12", or "(no location)"
};

struct CaseResult {
  std::string name;  // the case folder's name
  CaseStatus status = CaseStatus::pass;
  // "missing pii.x at head/events.yaml:12", "unexpected pii.x at head/events.yaml:20: message"
  std::vector<std::string> problems;
  // Why a case could not run: data errors in the fixture, a malformed case.yaml or annotation.
  // Errors of the pack on this case's data (policy.unknown-team, policy.runtime) are the pack's:
  // they are in PackTestResult::errors, once, and the case only refers to them.
  Diagnostics errors;
  std::vector<ObservedOutcome> observed;  // what the pack produced
  // What the pack's `trace(x)` calls showed, "head/plan.yaml:3: label: value", for --verbose.
  std::vector<std::string> traces;
};

// Which outcomes of a rule the fixtures exercised: a `deny`/`warn`/`note`/`review` outcome when an
// `# expect:` matched a finding (or review request) it can produce, `pass` when a case held an
// `# ok:` of the rule.
struct RuleCoverage {
  std::string rule;
  std::vector<std::string> outcomes;     // the rule's outcomes, and "pass"
  std::vector<std::string> unexercised;  // those no case exercised
};

struct PackTestResult {
  std::string pack;    // the pack's name
  std::string folder;  // as given
  // The pack does not load or check (no case ran), or it failed on a case's data; each error once.
  Diagnostics errors;
  std::vector<CaseResult> cases;
  std::vector<std::string> untested_rules;  // rules no case expects (reported, not failed)
  std::vector<RuleCoverage> coverage;

  bool passed() const;
  // Whether anything could not run (a broken pack or fixture): `steward test` exits 2.
  bool broken() const;
};

// Loads, checks and runs the pack at `folder` over each of its fixture cases. Throws InputError
// when the folder cannot be read (as load_pack_folder does).
PackTestResult run_pack_tests(const std::filesystem::path& folder,
                              const FunctionRegistry& functions, const FixtureServices& services);

// PASS/FAIL/ERROR lines per case, with the problems indented below failures; with `verbose`,
// each case's actual findings too. Pack errors are one line each (the CLI prints them in full).
std::string describe(const PackTestResult& result, bool verbose = false);

// The rules and outcomes no case exercised, per rule.
std::string describe_coverage(const PackTestResult& result);

}  // namespace steward::policy
