#pragma once

#include <filesystem>
#include <functional>
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
//
// An annotation after content applies to its own line; one alone on its line applies to the next
// line with content. Several ids are separated by commas. The comparison is strict: an expected
// finding that does not occur, or a finding of the pack that is not expected, fails the case
// (`# ok:` marks a deliberate negative; a finding there fails too). A finding with no location
// (a rule with no `at` and no loop) matches an `# expect:` of its rule anywhere in the case.
namespace steward::policy {

// What the runner needs from the stages it does not own; the CLI passes model::load_snapshot and
// diff::compute_changes.
struct FixtureServices {
  std::function<model::LoadedModel(const git::Snapshot&)> load_model;
  // Optional: without it, cases with a base/ folder run with no changes.
  std::function<diff::ChangeSet(const model::Model& base, const model::Model& head)>
      compute_changes;
  Env env;  // fixtures see this env (set `today` for date rules)
};

enum class CaseStatus { pass, fail, error };

struct CaseResult {
  std::string name;  // the case folder's name
  CaseStatus status = CaseStatus::pass;
  // "missing pii.x at head/events.yaml:12", "unexpected pii.x at head/events.yaml:20: message"
  std::vector<std::string> problems;
  Diagnostics errors;  // why a case could not run: data errors in the fixture, policy errors
};

struct PackTestResult {
  std::string pack;    // the pack's name
  std::string folder;  // as given
  Diagnostics errors;  // the pack does not load or check: no case ran
  std::vector<CaseResult> cases;
  std::vector<std::string> untested_rules;  // rules no case expects (reported, not failed)

  bool passed() const;
};

// Loads, checks and runs the pack at `folder` over each of its fixture cases. Throws InputError
// when the folder cannot be read (as load_pack_folder does).
PackTestResult run_pack_tests(const std::filesystem::path& folder,
                              const FunctionRegistry& functions, const FixtureServices& services);

// PASS/FAIL/ERROR lines per case, with the problems indented below failures.
std::string describe(const PackTestResult& result);

}  // namespace steward::policy
