// `steward test PACK... [--format text|json]`: runs the fixture cases of rule packs strictly.
// A PACK is a pack folder, or a folder of packs (stdlib-policies/).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "diff/change_set.h"
#include "findings/waiver.h"
#include "model/snapshot_loader.h"
#include "policy/fixture_tests.h"
#include "rules/builtins.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

namespace fs = std::filesystem;

struct TestOptions {
  std::vector<std::string> packs;
  std::string format = "text";
};

bool has_policy_files(const fs::path& folder) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".policy") return true;
  }
  return false;
}

// A folder with .policy files is a pack; a folder without is a collection of pack folders.
std::vector<fs::path> pack_folders(const std::string& argument) {
  fs::path folder(argument);
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    throw InputError("'" + argument + "' is not a folder",
                     "pass the folder of a rule pack (its .policy files and tests/)");
  }
  if (has_policy_files(folder)) return {folder};
  std::vector<fs::path> packs;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_directory() && has_policy_files(entry.path())) packs.push_back(entry.path());
  }
  std::sort(packs.begin(), packs.end());
  if (packs.empty()) {
    throw InputError("'" + argument + "' holds no rule pack",
                     "a pack is a folder of .policy files; see docs/language.md");
  }
  return packs;
}

policy::FixtureServices services() {
  policy::FixtureServices s;
  s.load_model = [](const git::Snapshot& snapshot) { return model::load_snapshot(snapshot); };
  s.compute_changes = [](const model::Model& base, const model::Model& head) {
    return diff::compute_changes(base, head);
  };
  const char* today = std::getenv("STEWARD_TODAY");
  s.env.today = today && *today ? today : findings::today_utc();
  return s;
}

const char* status_name(policy::CaseStatus status) {
  switch (status) {
    case policy::CaseStatus::pass:
      return "pass";
    case policy::CaseStatus::fail:
      return "fail";
    case policy::CaseStatus::error:
      return "error";
  }
  return "error";
}

nlohmann::json to_json(const policy::PackTestResult& result) {
  nlohmann::json cases = nlohmann::json::array();
  for (const auto& c : result.cases) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : c.errors) {
      errors.push_back({{"rule", e.rule},
                        {"message", e.message},
                        {"file", e.span.file()},
                        {"line", e.span.line},
                        {"column", e.span.column}});
    }
    cases.push_back({{"name", c.name},
                     {"status", status_name(c.status)},
                     {"problems", c.problems},
                     {"errors", errors}});
  }
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : result.errors) {
    errors.push_back({{"rule", e.rule},
                      {"message", e.message},
                      {"file", e.span.file()},
                      {"line", e.span.line},
                      {"column", e.span.column}});
  }
  return {{"pack", result.pack},       {"folder", result.folder},
          {"passed", result.passed()}, {"cases", cases},
          {"errors", errors},          {"untested_rules", result.untested_rules}};
}

int run_test(const TestOptions& options) {
  std::vector<policy::PackTestResult> results;
  const policy::FixtureServices fixture_services = services();
  for (const auto& argument : options.packs) {
    for (const auto& folder : pack_folders(argument)) {
      results.push_back(
          policy::run_pack_tests(folder, rules::builtin_functions(), fixture_services));
    }
  }
  size_t passed = 0, failed = 0;
  for (const auto& result : results) {
    for (const auto& c : result.cases)
      (c.status == policy::CaseStatus::pass ? passed : failed)++;
    if (!result.errors.empty()) ++failed;
  }
  if (options.format == "json") {
    nlohmann::json packs = nlohmann::json::array();
    for (const auto& result : results)
      packs.push_back(to_json(result));
    std::cout << nlohmann::json{{"version", 1},
                                {"packs", packs},
                                {"summary", {{"passed", passed}, {"failed", failed}}}}
                     .dump(2)
              << "\n";
  } else {
    for (const auto& result : results)
      std::cout << policy::describe(result);
    std::cout << "\n" << passed << " passed, " << failed << " failed\n";
  }
  return failed == 0 ? kPassed : kFindings;
}

}  // namespace

void register_test(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* command = app.add_subcommand("test", "Run the fixture tests of rule packs");
  command->add_option("packs", options->packs, "Pack folders, or folders of packs")->required();
  command->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  command->callback([options, &exit_code] { exit_code = run_test(*options); });
}

}  // namespace steward::cli
