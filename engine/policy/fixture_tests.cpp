#include "policy/fixture_tests.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "git/path_filter.h"
#include "git/worktree_reader.h"
#include "model/pattern.h"
#include "policy/checker.h"
#include "policy/evaluator.h"
#include "policy/fixture_tests_annotations.h"
#include "policy/fixture_tests_case_file.h"
#include "policy/rule_pack.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::policy {

namespace fs = std::filesystem;

bool PackTestResult::passed() const {
  return errors.empty() && std::all_of(cases.begin(), cases.end(), [](const CaseResult& c) {
           return c.status == CaseStatus::pass;
         });
}

bool PackTestResult::broken() const {
  return !errors.empty() || std::any_of(cases.begin(), cases.end(), [](const CaseResult& c) {
    return c.status == CaseStatus::error;
  });
}

std::string ObservedOutcome::where() const {
  if (side.empty()) return "(no location)";
  return side + "/" + file + ":" + std::to_string(line);
}

namespace {

// Case folders whose name starts with this are not cases: tests/_shared/ holds shared data.
constexpr char kNotACase = '_';

Diagnostic fixture_error(std::string message, std::string suggestion = {}) {
  return make_diagnostic(rule_id::kPolicyFixture, Severity::error, {}, std::move(message), {},
                         std::move(suggestion));
}

std::optional<git::Snapshot> read_folder(const fs::path& folder, const std::string& label,
                                         Diagnostics& errors) {
  try {
    git::Snapshot snapshot = git::read_worktree(folder, git::PathFilter{});
    snapshot.label = label;
    return snapshot;
  } catch (const std::exception& error) {
    errors.push_back(fixture_error("cannot read " + folder.generic_string() + ": " + error.what()));
    return std::nullopt;
  }
}

struct Side {
  git::Snapshot own;       // the case's own files, whose annotations count
  git::Snapshot snapshot;  // with the shared files added
  model::LoadedModel loaded;
};

std::optional<Side> load_side(const fs::path& folder, const std::string& label,
                              const git::Snapshot* shared, const FixtureServices& services,
                              CaseResult& result) {
  auto snapshot = read_folder(folder, label, result.errors);
  if (!snapshot) return std::nullopt;
  Side side;
  side.own = *snapshot;
  side.snapshot = std::move(*snapshot);
  if (shared) add_shared_files(*shared, side.snapshot);
  side.loaded = services.load_model(side.snapshot);
  for (const auto& d : side.loaded.diagnostics) {
    if (d.severity == Severity::error) result.errors.push_back(d);
  }
  return side;
}

ObservedOutcome observe(const Diagnostic& f) {
  ObservedOutcome o{f.rule, "", "", 0, f.severity, "", f.message};
  if (f.span.valid()) {
    o.side = "head";
    o.file = f.span.file();
    o.line = f.span.line;
  } else if (f.base_span.valid()) {
    o.side = "base";
    o.file = f.base_span.file();
    o.line = f.base_span.line;
  }
  return o;
}

ObservedOutcome observe(const ReviewRequest& r) {
  ObservedOutcome o{r.rule, "", "", 0, std::nullopt, r.team, r.reason};
  if (r.span.valid()) {
    o.side = "head";
    o.file = r.span.file();
    o.line = r.span.line;
  }
  return o;
}

// Whether a finding satisfies what an expectation pins besides the rule and the place.
bool satisfies(const ObservedOutcome& o, const Expectation& e) {
  if (o.rule != e.rule) return false;
  if (e.review && o.severity) return false;
  if (e.severity && o.severity != e.severity) return false;
  if (!e.team.empty() && o.team != e.team) return false;
  if (!e.message.empty()) {
    if (!e.message_is_pattern) return o.message.find(e.message) != std::string::npos;
    model::CompiledPattern pattern = model::compile_pattern(e.message);
    return pattern.regex && model::pattern_search(*pattern.regex, o.message);
  }
  return true;
}

bool same_place(const ObservedOutcome& o, const Expectation& e) {
  return o.side == e.side && o.file == e.file && o.line == e.line;
}

std::string show(const ObservedOutcome& o) {
  std::string kind = o.severity ? std::string(to_string(*o.severity)) : "review by " + o.team;
  return o.rule + " (" + kind + "): " + o.message;
}

// Compares what the case produced with its expectations; `hits[i]` counts the findings that
// satisfied expectation i.
void compare(const std::vector<Expectation>& expectations,
             const std::vector<ObservedOutcome>& observed, std::vector<int>& hits,
             CaseResult& result) {
  hits.assign(expectations.size(), 0);
  std::vector<const ObservedOutcome*> unlocated;
  for (const ObservedOutcome& o : observed) {
    if (o.side.empty()) {
      unlocated.push_back(&o);
      continue;
    }
    bool expected = false, marked_ok = false;
    for (size_t i = 0; i < expectations.size(); ++i) {
      const Expectation& e = expectations[i];
      if (!same_place(o, e) || e.rule != o.rule) continue;
      if (!e.expect) marked_ok = true;
      if (e.expect && satisfies(o, e)) {
        ++hits[i];
        expected = true;
      }
    }
    if (!expected) {
      result.problems.push_back(std::string(marked_ok ? "unexpected (marked ok) " : "unexpected ") +
                                o.rule + " at " + o.where() + ": " + o.message);
    }
  }
  // A finding without a place matches an expectation of its rule anywhere, unmatched ones first.
  for (const ObservedOutcome* o : unlocated) {
    std::optional<size_t> best;
    for (size_t i = 0; i < expectations.size(); ++i) {
      if (!expectations[i].expect || !satisfies(*o, expectations[i])) continue;
      if (!best || (hits[*best] > 0 && hits[i] == 0)) best = i;
    }
    if (best) {
      ++hits[*best];
    } else {
      result.problems.push_back("unexpected " + o->rule + ": " + o->message);
    }
  }
  for (size_t i = 0; i < expectations.size(); ++i) {
    const Expectation& e = expectations[i];
    if (!e.expect) continue;
    std::string at = e.side + "/" + e.file + ":" + std::to_string(e.line);
    if (hits[i] == 0) {
      std::string problem = "missing " + e.describe() + " at " + at;
      for (const ObservedOutcome& o : observed) {
        if (o.rule == e.rule && (same_place(o, e) || o.side.empty())) {
          problem += "\n    found there: " + show(o);
        }
      }
      result.problems.push_back(problem);
    } else if (e.count && hits[i] != *e.count) {
      result.problems.push_back("expected " + e.describe() + " at " + at + ", found " +
                                std::to_string(hits[i]));
    }
  }
}

// Annotations that name no rule of the pack are errors, with a did-you-mean.
void check_rule_ids(const std::vector<Expectation>& expectations,
                    const std::vector<std::string>& rule_ids, CaseResult& result) {
  for (const Expectation& e : expectations) {
    if (std::find(rule_ids.begin(), rule_ids.end(), e.rule) != rule_ids.end()) continue;
    auto guess = closest_match(e.rule, rule_ids);
    result.errors.push_back(
        fixture_error(e.side + "/" + e.file + ":" + std::to_string(e.written_on) + ": `# " +
                          (e.expect ? "expect" : "ok") + ":` names `" + e.rule +
                          "`, which is no rule of the pack",
                      guess ? "did you mean `" + *guess + "`?"
                            : "the pack's rules are listed by `steward explain`"));
  }
}

// What run_case needs of the pack besides the case.
struct FixturePackContext {
  const CheckedPack& pack;
  std::vector<std::string> rule_ids;
  const git::Snapshot* shared = nullptr;  // tests/_shared/, when the pack has one
  const FixtureServices& services;
  Diagnostics& pack_errors;  // errors of the pack on a case's data, once each
  std::set<std::string>& reported;
};

struct CaseRun {
  CaseResult result;
  std::vector<Expectation> expectations;
  std::vector<int> hits;
};

bool read_expectations(const Side& side, const std::string& label, CaseRun& run) {
  std::vector<AnnotationError> problems;
  for (const auto& file : side.own.files)
    read_annotations(label, file, run.expectations, problems);
  for (const auto& p : problems) {
    run.result.errors.push_back(
        fixture_error(p.side + "/" + p.file + ":" + std::to_string(p.line) + ": " + p.message));
  }
  return problems.empty();
}

// Errors of the pack on this case's data go to the pack, once each; the case refers to them.
void lift_pack_errors(Diagnostics errors, FixturePackContext& context, CaseResult& result) {
  for (auto& e : errors) {
    std::string key = e.rule + "|" + e.span.file() + ":" + std::to_string(e.span.line) + ":" +
                      std::to_string(e.span.column) + "|" + e.message;
    result.problems.push_back("the pack failed on this case's data: " + e.rule + " at " +
                              e.span.file() + ":" + std::to_string(e.span.line) + ":" +
                              std::to_string(e.span.column) + " (shown with the pack's errors)");
    if (context.reported.insert(key).second) context.pack_errors.push_back(std::move(e));
  }
}

CaseRun run_case(const fs::path& folder, FixturePackContext& context) {
  CaseRun run;
  CaseResult& result = run.result;
  result.name = folder.filename().string();
  result.status = CaseStatus::error;
  if (!fs::is_directory(folder / "head")) {
    result.errors.push_back(
        fixture_error("fixture case " + folder.generic_string() + " has no head/ folder"));
    return run;
  }
  Env env = context.services.env;
  if (fs::exists(folder / "case.yaml")) {
    Diagnostics problems =
        read_case_file(folder / "case.yaml", (folder / "case.yaml").generic_string(), env);
    result.errors.insert(result.errors.end(), problems.begin(), problems.end());
  }
  bool has_base = fs::is_directory(folder / "base");
  auto head = load_side(folder / "head", "head", context.shared, context.services, result);
  std::optional<Side> base;
  if (has_base) base = load_side(folder / "base", "base", context.shared, context.services, result);
  if (!head || (has_base && !base) || !result.errors.empty()) return run;

  // Annotations are read from the case's own files: shared data is the same in every case.
  bool read = read_expectations(*head, "head", run);
  if (base) read = read_expectations(*base, "base", run) && read;
  check_rule_ids(run.expectations, context.rule_ids, result);
  if (!read || !result.errors.empty()) return run;

  diff::ChangeSet changes;
  if (base && context.services.compute_changes) {
    changes = context.services.compute_changes(base->loaded.model, head->loaded.model);
  }
  PolicyInput input{&head->loaded.model, base ? &base->loaded.model : nullptr, &changes, env};
  EvaluateOptions options{1};  // one thread: traces arrive in rule order
  options.trace = [&result](const Span& where, const std::string& text) {
    std::string place = where.valid() ? where.file() + ":" + std::to_string(where.line) + ": " : "";
    result.traces.push_back(place + text);
  };
  EvaluationResult evaluation = evaluate(context.pack, input, options);
  if (!evaluation.errors.empty()) {
    lift_pack_errors(std::move(evaluation.errors), context, result);
    return run;
  }
  for (const auto& f : evaluation.findings)
    result.observed.push_back(observe(f));
  for (const auto& r : evaluation.reviews)
    result.observed.push_back(observe(r));
  compare(run.expectations, result.observed, run.hits, result);
  result.status = result.problems.empty() ? CaseStatus::pass : CaseStatus::fail;
  return run;
}

}  // namespace

namespace {

const char* outcome_name(Outcome::Kind kind) {
  switch (kind) {
    case Outcome::Kind::deny:
      return "deny";
    case Outcome::Kind::warn:
      return "warn";
    case Outcome::Kind::note:
      return "note";
    case Outcome::Kind::review:
      return "review";
  }
  return "deny";
}

// The outcomes of `rule` that could have produced `o`. A finding carries its severity, not its
// outcome, so a `deny` of a warning rule and a `warn` are told apart by nothing: both count.
std::vector<std::string> outcomes_of(const RuleDecl& rule, const ObservedOutcome& o) {
  std::vector<std::string> out;
  for (const auto& outcome : rule.outcomes) {
    bool could = false;
    switch (outcome.kind) {
      case Outcome::Kind::deny:
        could = o.severity == rule.severity.value_or(Severity::error);
        break;
      case Outcome::Kind::warn:
        could = o.severity == Severity::warning;
        break;
      case Outcome::Kind::note:
        could = o.severity == Severity::note;
        break;
      case Outcome::Kind::review:
        could = !o.severity;
        break;
    }
    if (could) out.push_back(outcome_name(outcome.kind));
  }
  return out;
}

// Records what one case exercised: per rule, outcome names and "pass".
void record_coverage(const CheckedPack& pack, const CaseRun& run,
                     std::map<std::string, std::set<std::string>>& exercised) {
  if (run.result.status == CaseStatus::error) return;
  for (size_t i = 0; i < run.expectations.size(); ++i) {
    const Expectation& e = run.expectations[i];
    if (!e.expect) {
      bool held = std::none_of(
          run.result.observed.begin(), run.result.observed.end(),
          [&](const ObservedOutcome& o) { return o.rule == e.rule && same_place(o, e); });
      if (held) exercised[e.rule].insert("pass");
      continue;
    }
    if (run.hits[i] == 0) continue;
    const RuleDecl* rule = pack.pack().find_rule(e.rule);
    if (rule == nullptr) continue;
    for (const ObservedOutcome& o : run.result.observed) {
      if (satisfies(o, e) && (same_place(o, e) || o.side.empty())) {
        for (auto& name : outcomes_of(*rule, o))
          exercised[e.rule].insert(name);
      }
    }
  }
}

std::vector<RuleCoverage> coverage(const CheckedPack& pack,
                                   const std::map<std::string, std::set<std::string>>& exercised) {
  std::vector<RuleCoverage> out;
  for (const auto& file : pack.pack().files()) {
    for (const auto& rule : file->rules) {
      RuleCoverage c;
      c.rule = rule.id;
      for (const auto& outcome : rule.outcomes) {
        std::string name = outcome_name(outcome.kind);
        if (std::find(c.outcomes.begin(), c.outcomes.end(), name) == c.outcomes.end())
          c.outcomes.push_back(name);
      }
      c.outcomes.push_back("pass");
      auto found = exercised.find(rule.id);
      for (const auto& name : c.outcomes) {
        if (found == exercised.end() || !found->second.count(name)) c.unexercised.push_back(name);
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

std::vector<fs::path> case_folders(const fs::path& tests) {
  std::vector<fs::path> cases;
  std::error_code error;
  if (!fs::is_directory(tests, error)) return cases;
  for (const auto& entry : fs::directory_iterator(tests, error)) {
    std::string name = entry.path().filename().string();
    if (entry.is_directory() && !name.empty() && name[0] != kNotACase) {
      cases.push_back(entry.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

}  // namespace

PackTestResult run_pack_tests(const fs::path& folder, const FunctionRegistry& functions,
                              const FixtureServices& services) {
  PackTestResult result;
  result.folder = folder.generic_string();
  LoadedPack loaded = load_pack_folder(folder);
  if (loaded.pack) result.pack = loaded.pack->name();
  if (!loaded.ok()) {
    result.errors = std::move(loaded.diagnostics);
    return result;
  }
  CheckResult checked = check_pack(loaded.pack, functions);
  if (!checked.ok()) {
    result.errors = std::move(checked.diagnostics);
    return result;
  }
  std::vector<std::string> rule_ids;
  for (const auto& rule : checked.pack->pack().rules())
    rule_ids.push_back(rule.id);

  std::optional<git::Snapshot> shared;
  if (fs::is_directory(folder / "tests" / "_shared")) {
    Diagnostics problems;
    shared = read_folder(folder / "tests" / "_shared", "shared", problems);
    if (!shared) {
      result.errors = std::move(problems);
      return result;
    }
  }
  std::set<std::string> reported;
  FixturePackContext context{*checked.pack, rule_ids,      shared ? &*shared : nullptr,
                             services,      result.errors, reported};
  std::map<std::string, std::set<std::string>> exercised;
  std::set<std::string> expected_rules;
  for (const auto& case_folder : case_folders(folder / "tests")) {
    std::string name = result.pack + "/" + case_folder.filename().string();
    if (services.select && !services.select(name)) continue;
    CaseRun run = run_case(case_folder, context);
    for (const auto& e : run.expectations) {
      if (e.expect) expected_rules.insert(e.rule);
    }
    record_coverage(*checked.pack, run, exercised);
    result.cases.push_back(std::move(run.result));
  }
  // With a selection, the cases left out may well expect the other rules.
  for (const auto& rule : rule_ids) {
    if (!services.select && !expected_rules.count(rule)) result.untested_rules.push_back(rule);
  }
  result.coverage = coverage(*checked.pack, exercised);
  return result;
}

std::string describe(const PackTestResult& result, bool verbose) {
  std::string out;
  std::string pack = result.pack.empty() ? result.folder : result.pack;
  // One line: the CLI prints the errors themselves in full, once, as `steward check` does.
  if (!result.errors.empty()) {
    std::set<std::string> codes;
    for (const auto& e : result.errors)
      codes.insert(e.rule);
    std::string list;
    for (const auto& code : codes)
      list += (list.empty() ? "" : ", ") + code;
    size_t n = result.errors.size();
    out += "ERROR " + pack + ": " + std::to_string(n) + (n == 1 ? " error" : " errors") +
           " in the pack (" + list + ")\n";
  }
  for (const auto& c : result.cases) {
    const char* status = c.status == CaseStatus::pass   ? "PASS"
                         : c.status == CaseStatus::fail ? "FAIL"
                                                        : "ERROR";
    out += std::string(status) + " " + pack + "/" + c.name + "\n";
    for (const auto& p : c.problems)
      out += "  " + p + "\n";
    for (const auto& e : c.errors) {
      out += "  " +
             (e.span.valid() ? e.span.file() + ":" + std::to_string(e.span.line) + ":" +
                                   std::to_string(e.span.column) + ": "
                             : std::string()) +
             (e.rule.empty() ? "" : e.rule + ": ") + e.message +
             (e.suggestion.empty() ? "" : " (" + e.suggestion + ")") + "\n";
    }
    if (verbose) {
      if (c.observed.empty() && c.status != CaseStatus::error) out += "  found: nothing\n";
      for (const auto& o : c.observed)
        out += "  found " + show(o) + " at " + o.where() + "\n";
      for (const auto& t : c.traces)
        out += "  trace " + t + "\n";
    }
  }
  for (const auto& rule : result.untested_rules) {
    out += "note: " + rule + " has no fixture that expects it\n";
  }
  return out;
}

std::string describe_coverage(const PackTestResult& result) {
  size_t total = 0, missed = 0;
  std::string details;
  for (const auto& c : result.coverage) {
    total += c.outcomes.size();
    missed += c.unexercised.size();
    if (c.unexercised.empty()) continue;
    details += "  " + c.rule + ": no case exercises ";
    for (size_t i = 0; i < c.unexercised.size(); ++i)
      details += (i ? ", " : "") + c.unexercised[i];
    details += "\n";
  }
  std::string pack = result.pack.empty() ? result.folder : result.pack;
  return "coverage " + pack + ": " + std::to_string(total - missed) + " of " +
         std::to_string(total) + " outcomes exercised\n" + details;
}

}  // namespace steward::policy
