#include "policy/fixture_tests.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "diff/change_set.h"
#include "model/snapshot_loader.h"
#include "rules/builtins.h"
#include "source/input_error.h"
#include "source/rule_ids.h"

using namespace steward;
using namespace steward::policy;

namespace {

FixtureServices services() {
  FixtureServices s;
  s.load_model = [](const git::Snapshot& snapshot) { return model::load_snapshot(snapshot); };
  s.compute_changes = [](const model::Model& base, const model::Model& head) {
    return diff::compute_changes(base, head);
  };
  return s;
}

const std::string kPacks = std::string(STEWARD_SOURCE_DIR) + "/tests/unit/policy/packs/";

}  // namespace

TEST_CASE("a pack whose fixtures all hold passes") {
  PackTestResult result = run_pack_tests(kPacks + "sample", rules::builtin_functions(), services());
  CHECK(describe(result) == "PASS sample/allowlist\nPASS sample/removed\n");
  CHECK(result.passed());
}

TEST_CASE("missing and unexpected findings fail a case") {
  PackTestResult result =
      run_pack_tests(kPacks + "failing", rules::builtin_functions(), services());
  CHECK(!result.passed());
  CHECK(describe(result) ==
        "FAIL failing/wrong\n"
        "  unexpected failing.no-description at head/plan.yaml:11: undescribed has no "
        "description\n"
        "  missing failing.no-description at head/plan.yaml:6\n"
        "note: failing.untested has no fixture that expects it\n");
}

TEST_CASE("a folder that is not a pack is an input error") {
  CHECK_THROWS_AS(run_pack_tests(kPacks + "nope", rules::builtin_functions(), services()),
                  InputError);
}

TEST_CASE("a case folder without head/ is an error of that case (policy.fixture)") {
  namespace fs = std::filesystem;
  fs::path pack = fs::temp_directory_path() / ("steward-fixture-" + std::to_string(::getpid()));
  fs::remove_all(pack);
  fs::create_directories(pack / "tests");
  fs::copy(kPacks + "sample", pack, fs::copy_options::recursive);
  fs::create_directories(pack / "tests" / "headless" / "base");
  PackTestResult result = run_pack_tests(pack, rules::builtin_functions(), services());
  fs::remove_all(pack);
  CHECK_FALSE(result.passed());
  bool found = false;
  for (const CaseResult& c : result.cases) {
    if (c.name != "headless") continue;
    found = true;
    REQUIRE(c.errors.size() == 1);
    CHECK(c.errors[0].rule == rule_id::kPolicyFixture);
  }
  CHECK(found);
}

TEST_CASE("expectations pin severity, message, count and review requests, over shared data") {
  FixtureServices s = services();
  s.env.today = "2026-11-21";
  PackTestResult result = run_pack_tests(kPacks + "precise", rules::builtin_functions(), s);
  CHECK(describe(result) == "PASS precise/counts\nPASS precise/env\nPASS precise/reviews\n");
  CHECK(result.passed());
  CHECK(!result.broken());
}

TEST_CASE("--verbose lists what each case produced") {
  FixtureServices s = services();
  s.env.today = "2026-11-21";
  s.select = [](const std::string& name) { return name == "precise/env"; };
  PackTestResult result = run_pack_tests(kPacks + "precise", rules::builtin_functions(), s);
  std::string verbose = describe(result, true);
  CHECK(
      verbose.starts_with("PASS precise/env\n"
                          "  found precise.late (error): late_event is tracked after 2030 "
                          "(alice) at head/plan.yaml:2\n"
                          "  trace "));
  // What the rule's trace("actor", env.actor) showed, at the call in the pack.
  CHECK(verbose.find("rules.policy:") != std::string::npos);
  CHECK(verbose.ends_with(": actor: alice\n"));
}

TEST_CASE("coverage names the outcomes no case exercised") {
  FixtureServices s = services();
  s.env.today = "2026-11-21";
  s.select = [](const std::string& name) { return name != "precise/env"; };
  PackTestResult result = run_pack_tests(kPacks + "precise", rules::builtin_functions(), s);
  CHECK(describe_coverage(result) ==
        "coverage precise: 5 of 7 outcomes exercised\n"
        "  precise.late: no case exercises deny, pass\n");
}

TEST_CASE("imprecise expectations fail with what was found instead") {
  PackTestResult result =
      run_pack_tests(kPacks + "imprecise", rules::builtin_functions(), services());
  CHECK(!result.passed());
  CHECK(result.broken());
  CHECK(
      describe(result) ==
      "ERROR imprecise/bad-env\n"
      "  " +
          kPacks +
          "imprecise/tests/bad-env/case.yaml:2:3: policy.fixture: unknown "
          "key `env.todya` (did you mean `today`?)\n"
          "ERROR imprecise/misspelt\n"
          "  policy.fixture: head/plan.yaml:10: unknown `sevrity=` in `# expect:`; did you mean "
          "`severity`?\n"
          "  policy.fixture: head/plan.yaml:6: `# expect:` names `imprecise.unclasified`, which is "
          "no rule of the pack (did you mean `imprecise.unclassified`?)\n"
          "  policy.fixture: head/plan.yaml:8: `# ok:` names `imprecise.unclassifed`, which is no "
          "rule of the pack (did you mean `imprecise.unclassified`?)\n"
          "FAIL imprecise/wrong\n"
          "  unexpected imprecise.unclassified at head/plan.yaml:13: refund.amount is not "
          "classified\n"
          "  expected imprecise.unclassified count=3 at head/plan.yaml:6, found 2\n"
          "  missing imprecise.unclassified severity=error message~\"reaches braze\" at "
          "head/plan.yaml:13\n"
          "    found there: imprecise.unclassified (warning): refund.amount is not classified\n");
}

TEST_CASE("a pack error met in every case is reported once, and the cases refer to it") {
  PackTestResult result =
      run_pack_tests(kPacks + "misnamed", rules::builtin_functions(), services());
  CHECK(result.broken());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].rule == "policy.unknown-team");
  CHECK(result.errors[0].suggestion == "did you mean `team-security`?");
  REQUIRE(result.cases.size() == 2);
  for (const auto& c : result.cases) {
    CHECK(c.status == CaseStatus::error);
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].find("policy.unknown-team at") != std::string::npos);
  }
}
