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
