// `steward test PACK... [--format text|json|junit] [--run PATTERN] [--verbose] [--coverage]`:
// runs the fixture cases of rule packs strictly. A PACK is a pack folder, or a folder of packs
// (stdlib-policies/). Exit 0 when every case passed, 1 when a case failed, 2 when a pack or a
// fixture could not run (its errors are printed on standard error as `steward check` prints
// them). docs/testing-rules.md is the reference.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/diagnostics_error.h"
#include "cli/exit_code.h"
#include "diff/change_set.h"
#include "findings/waiver.h"
#include "model/pattern.h"
#include "model/snapshot_loader.h"
#include "policy/fixture_tests.h"
#include "rules/builtins.h"
#include "source/input_error.h"
#include "source/markup_escape.h"
#include "source/rule_ids.h"

namespace steward::cli {

namespace {

namespace fs = std::filesystem;

struct TestOptions {
  std::vector<std::string> packs;
  std::string format = "text";
  std::string run;  // RE2 pattern searched in "PACK/CASE"
  bool verbose = false;
  bool coverage = false;
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

policy::FixtureServices services(const TestOptions& options) {
  policy::FixtureServices s;
  s.load_model = [](const git::Snapshot& snapshot) { return model::load_snapshot(snapshot); };
  s.compute_changes = [](const model::Model& base, const model::Model& head) {
    return diff::compute_changes(base, head);
  };
  const char* today = std::getenv("STEWARD_TODAY");
  s.env.today = today && *today ? today : findings::today_utc();
  if (!options.run.empty()) {
    model::CompiledPattern pattern = model::compile_pattern(options.run);
    if (!pattern.regex) {
      throw InputError(
          "--run '" + options.run + "' is not a pattern steward can use: " + pattern.problem,
          "--run takes an RE2 regular expression searched in PACK/CASE, such as "
          "'pii/' or 'allowlist$'");
    }
    s.select = [regex = pattern.regex](const std::string& name) {
      return model::pattern_search(*regex, name);
    };
  }
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

nlohmann::json to_json(const Diagnostics& diagnostics) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : diagnostics) {
    out.push_back({{"rule", e.rule},
                   {"message", e.message},
                   {"file", e.span.file()},
                   {"line", e.span.line},
                   {"column", e.span.column},
                   {"help", *e.help},
                   {"suggestion", e.suggestion}});
  }
  return out;
}

nlohmann::json to_json(const policy::PackTestResult& result, bool verbose) {
  nlohmann::json cases = nlohmann::json::array();
  for (const auto& c : result.cases) {
    nlohmann::json item = {{"name", c.name},
                           {"status", status_name(c.status)},
                           {"problems", c.problems},
                           {"errors", to_json(c.errors)}};
    if (verbose) {
      nlohmann::json found = nlohmann::json::array();
      for (const auto& o : c.observed) {
        found.push_back({{"rule", o.rule},
                         {"severity", o.severity ? to_string(*o.severity) : "review"},
                         {"team", o.team},
                         {"message", o.message},
                         {"location", o.side.empty() ? "" : o.where()}});
      }
      item["found"] = found;
      item["traces"] = c.traces;
    }
    cases.push_back(item);
  }
  nlohmann::json coverage = nlohmann::json::array();
  for (const auto& c : result.coverage) {
    coverage.push_back(
        {{"rule", c.rule}, {"outcomes", c.outcomes}, {"unexercised", c.unexercised}});
  }
  return {{"pack", result.pack},
          {"folder", result.folder},
          {"passed", result.passed()},
          {"cases", cases},
          {"errors", to_json(result.errors)},
          {"untested_rules", result.untested_rules},
          {"coverage", coverage}};
}

// "file:line:col: rule: message (did you mean ...)", for JUnit's plain text.
std::string diagnostic_line(const Diagnostic& e) {
  std::string place = e.span.valid() ? e.span.file() + ":" + std::to_string(e.span.line) + ":" +
                                           std::to_string(e.span.column) + ": "
                                     : "";
  return place + e.rule + ": " + e.message +
         (e.suggestion.empty() ? "" : " (" + e.suggestion + ")") + "\n";
}

// JUnit XML for CI: a test suite per pack, a test case per fixture case; a pack that cannot run
// is one test case with an <error>.
std::string to_junit(const std::vector<policy::PackTestResult>& results) {
  std::string suites;
  size_t tests = 0, failures = 0, errors = 0;
  for (const auto& result : results) {
    std::string pack = result.pack.empty() ? result.folder : result.pack;
    std::string body;
    size_t suite_failures = 0, suite_errors = 0;
    if (!result.errors.empty()) {
      std::string text;
      for (const auto& e : result.errors)
        text += diagnostic_line(e);
      body += "    <testcase classname=\"" + xml_escape(pack, true) +
              "\" name=\"(pack)\">\n      <error message=\"the pack cannot run its fixtures\">" +
              xml_escape(text) + "</error>\n    </testcase>\n";
      ++suite_errors;
    }
    for (const auto& c : result.cases) {
      body += "    <testcase classname=\"" + xml_escape(pack, true) + "\" name=\"" +
              xml_escape(c.name, true) + "\"";
      if (c.status == policy::CaseStatus::pass) {
        body += "/>\n";
        continue;
      }
      std::string text;
      for (const auto& p : c.problems)
        text += p + "\n";
      for (const auto& e : c.errors)
        text += diagnostic_line(e);
      bool failed = c.status == policy::CaseStatus::fail;
      (failed ? suite_failures : suite_errors)++;
      const char* element = failed ? "failure" : "error";
      body += ">\n      <" + std::string(element) + " message=\"" +
              std::to_string(c.problems.size() + c.errors.size()) + " problem(s)\">" +
              xml_escape(text) + "</" + element + ">\n    </testcase>\n";
    }
    size_t suite_tests = result.cases.size() + (result.errors.empty() ? 0 : 1);
    suites += "  <testsuite name=\"" + xml_escape(pack, true) + "\" tests=\"" +
              std::to_string(suite_tests) + "\" failures=\"" + std::to_string(suite_failures) +
              "\" errors=\"" + std::to_string(suite_errors) + "\">\n" + body + "  </testsuite>\n";
    tests += suite_tests;
    failures += suite_failures;
    errors += suite_errors;
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"steward test\" tests=\"" +
         std::to_string(tests) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"" +
         std::to_string(errors) + "\">\n" + suites + "</testsuites>\n";
}

// A pack's own errors, in full, once: as `steward check` prints a pack that does not check.
void print_pack_errors(const policy::PackTestResult& result) {
  if (result.errors.empty()) return;
  print_diagnostics(std::cerr, result.errors, false);
  const std::string& rule = result.errors.front().rule;
  std::string what = rule == rule_id::kPolicySyntax || rule == rule_id::kPolicyPack
                         ? "does not parse"
                     : result.cases.empty() ? "does not check"
                                            : "fails on the data of its fixture cases";
  std::cerr << "error: the pack '" << result.folder << "' " << what << "\n"
            << "  fix: fix the places shown; no case of the pack can pass until it checks\n";
}

int run_test(const TestOptions& options) {
  std::vector<policy::PackTestResult> results;
  const policy::FixtureServices fixture_services = services(options);
  for (const auto& argument : options.packs) {
    for (const auto& folder : pack_folders(argument)) {
      results.push_back(
          policy::run_pack_tests(folder, rules::builtin_functions(), fixture_services));
    }
  }
  size_t passed = 0, failed = 0, errors = 0;
  bool broken = false;
  bool any_case = std::any_of(results.begin(), results.end(),
                              [](const auto& r) { return !r.cases.empty() || !r.errors.empty(); });
  if (!options.run.empty() && !any_case) {
    throw InputError("--run '" + options.run + "' matches no fixture case",
                     "cases are named PACK/CASE after their folders, such as pii/allowlist");
  }
  for (const auto& result : results) {
    for (const auto& c : result.cases) {
      if (c.status == policy::CaseStatus::pass) ++passed;
      if (c.status == policy::CaseStatus::fail) ++failed;
      if (c.status == policy::CaseStatus::error) ++errors;
    }
    if (!result.errors.empty() && result.cases.empty()) ++errors;
    broken = broken || result.broken();
    print_pack_errors(result);
  }
  if (options.format == "json") {
    nlohmann::json packs = nlohmann::json::array();
    for (const auto& result : results)
      packs.push_back(to_json(result, options.verbose));
    std::cout << nlohmann::json{{"version", 1},
                                {"packs", packs},
                                {"summary",
                                 {{"passed", passed}, {"failed", failed}, {"errors", errors}}}}
                     .dump(2)
              << "\n";
  } else if (options.format == "junit") {
    std::cout << to_junit(results);
  } else {
    for (const auto& result : results) {
      std::cout << policy::describe(result, options.verbose);
      if (options.coverage) std::cout << policy::describe_coverage(result);
    }
    std::cout << "\n"
              << passed << " passed, " << failed << " failed"
              << (errors ? ", " + std::to_string(errors) + " could not run" : "") << "\n";
  }
  if (broken) return kUsageOrConfig;
  return failed == 0 ? kPassed : kFindings;
}

}  // namespace

void register_test(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* command = app.add_subcommand("test", "Run the fixture tests of rule packs");
  command->add_option("packs", options->packs, "Pack folders, or folders of packs")->required();
  command->add_option("--format", options->format, "text, json or junit")
      ->check(CLI::IsMember({"text", "json", "junit"}));
  command->add_option("--run", options->run,
                      "Run only the cases whose PACK/CASE name matches this RE2 pattern");
  command->add_flag("-v,--verbose", options->verbose, "Show the findings each case produced");
  command->add_flag("--coverage", options->coverage,
                    "Show the rules and outcomes (deny, warn, note, review, pass) no case "
                    "exercised");
  command->callback([options, &exit_code] { exit_code = run_test(*options); });
}

}  // namespace steward::cli
