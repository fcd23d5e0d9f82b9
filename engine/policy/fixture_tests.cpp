#include "policy/fixture_tests.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "git/path_filter.h"
#include "git/worktree_reader.h"
#include "policy/checker.h"
#include "policy/evaluator.h"
#include "policy/rule_pack.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

namespace steward::policy {

bool PackTestResult::passed() const {
  return errors.empty() && std::all_of(cases.begin(), cases.end(), [](const CaseResult& c) {
           return c.status == CaseStatus::pass;
         });
}

namespace {

// One annotation: `# expect: RULE` or `# ok: RULE` for one line of one fixture file.
struct Annotation {
  std::string side;  // "head" or "base"
  std::string file;  // relative to the side's folder
  uint32_t line = 0;
  std::string rule;
  bool expect = true;  // false: `# ok:`
};

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

// The annotations of one file. A `#` starts a comment only at the start of a line or after white
// space, as in YAML, so `a#b` is no comment.
void read_annotations(const std::string& side, const git::SnapshotFile& file,
                      std::vector<Annotation>& out) {
  std::vector<std::pair<std::string, bool>> pending;  // standalone ones, waiting for a line
  uint32_t number = 0;
  size_t start = 0;
  const std::string& text = file.content;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    ++number;
    std::vector<std::pair<std::string, bool>> found;
    std::string_view before = line;
    for (size_t hash = line.find('#'); hash != std::string_view::npos;
         hash = line.find('#', hash + 1)) {
      if (hash > 0 && line[hash - 1] != ' ' && line[hash - 1] != '\t') continue;
      std::string comment = trim(line.substr(hash + 1));
      bool expect = comment.rfind("expect:", 0) == 0;
      bool ok = comment.rfind("ok:", 0) == 0;
      if (!expect && !ok) continue;
      before = line.substr(0, hash);
      std::string ids = comment.substr(expect ? 7 : 3);
      size_t from = 0;
      while (from <= ids.size()) {
        size_t comma = ids.find(',', from);
        if (comma == std::string::npos) comma = ids.size();
        std::string id = trim(std::string_view(ids).substr(from, comma - from));
        if (!id.empty()) found.emplace_back(id, expect);
        from = comma + 1;
      }
      break;
    }
    bool has_content = !trim(before).empty() && trim(before)[0] != '#';
    if (has_content) {
      for (auto& [rule, expect] : pending)
        out.push_back({side, file.path, number, rule, expect});
      pending.clear();
      for (auto& [rule, expect] : found)
        out.push_back({side, file.path, number, rule, expect});
    } else {
      pending.insert(pending.end(), found.begin(), found.end());
    }
    if (end == text.size()) break;
    start = end + 1;
  }
}

struct Side {
  git::Snapshot snapshot;
  model::LoadedModel loaded;
};

std::optional<Side> load_side(const std::filesystem::path& folder, const std::string& label,
                              const FixtureServices& services, CaseResult& result) {
  Side side;
  try {
    side.snapshot = git::read_worktree(folder, git::PathFilter{});
  } catch (const std::exception& error) {
    result.errors.push_back(
        make_diagnostic(rule_id::kPolicyFixture, Severity::error, {},
                        "cannot read " + folder.generic_string() + ": " + error.what()));
    return std::nullopt;
  }
  side.snapshot.label = label;
  side.loaded = services.load_model(side.snapshot);
  for (const auto& d : side.loaded.diagnostics) {
    if (d.severity == Severity::error) result.errors.push_back(d);
  }
  return side;
}

std::string where(const std::string& side, const std::string& file, uint32_t line) {
  return side + "/" + file + ":" + std::to_string(line);
}

struct Observed {
  std::string rule;
  std::string side;  // empty when it has no location
  std::string file;
  uint32_t line = 0;
  std::string message;
};

Observed observe(const std::string& rule, const Span& span, const Span& base_span,
                 const std::string& message) {
  if (span.valid()) return {rule, "head", span.file(), span.line, message};
  if (base_span.valid()) return {rule, "base", base_span.file(), base_span.line, message};
  return {rule, "", "", 0, message};
}

void compare(const std::vector<Annotation>& annotations, const std::vector<Observed>& observed,
             CaseResult& result) {
  // Located findings match the annotations of their line; each expectation needs one at least.
  std::vector<bool> matched(annotations.size(), false);
  std::vector<const Observed*> unlocated;
  for (const Observed& o : observed) {
    if (o.side.empty()) {
      unlocated.push_back(&o);
      continue;
    }
    bool expected = false;
    for (size_t i = 0; i < annotations.size(); ++i) {
      const Annotation& a = annotations[i];
      if (a.expect && a.rule == o.rule && a.side == o.side && a.file == o.file &&
          a.line == o.line) {
        matched[i] = true;
        expected = true;
      }
    }
    if (!expected) {
      bool marked_ok =
          std::any_of(annotations.begin(), annotations.end(), [&](const Annotation& a) {
            return !a.expect && a.rule == o.rule && a.side == o.side && a.file == o.file &&
                   a.line == o.line;
          });
      result.problems.push_back(std::string(marked_ok ? "unexpected (marked ok) " : "unexpected ") +
                                o.rule + " at " + where(o.side, o.file, o.line) + ": " + o.message);
    }
  }
  for (const Observed* o : unlocated) {
    bool expected = false;
    for (size_t i = 0; i < annotations.size() && !expected; ++i) {
      if (annotations[i].expect && annotations[i].rule == o->rule && !matched[i]) {
        matched[i] = true;
        expected = true;
      }
    }
    if (!expected) result.problems.push_back("unexpected " + o->rule + ": " + o->message);
  }
  for (size_t i = 0; i < annotations.size(); ++i) {
    const Annotation& a = annotations[i];
    if (a.expect && !matched[i]) {
      result.problems.push_back("missing " + a.rule + " at " + where(a.side, a.file, a.line));
    }
  }
}

CaseResult run_case(const std::filesystem::path& folder, const CheckedPack& pack,
                    const FixtureServices& services, std::set<std::string>& expected_rules) {
  namespace fs = std::filesystem;
  CaseResult result;
  result.name = folder.filename().string();
  if (!fs::is_directory(folder / "head")) {
    result.errors.push_back(
        make_diagnostic(rule_id::kPolicyFixture, Severity::error, {},
                        "fixture case " + folder.generic_string() + " has no head/ folder"));
    result.status = CaseStatus::error;
    return result;
  }
  auto head = load_side(folder / "head", "head", services, result);
  std::optional<Side> base;
  if (fs::is_directory(folder / "base"))
    base = load_side(folder / "base", "base", services, result);
  if (!head || (fs::is_directory(folder / "base") && !base) || !result.errors.empty()) {
    result.status = CaseStatus::error;
    return result;
  }

  std::vector<Annotation> annotations;
  for (const auto& file : head->snapshot.files)
    read_annotations("head", file, annotations);
  if (base) {
    for (const auto& file : base->snapshot.files)
      read_annotations("base", file, annotations);
  }
  for (const auto& a : annotations) {
    if (a.expect) expected_rules.insert(a.rule);
  }

  diff::ChangeSet changes;
  if (base && services.compute_changes) {
    changes = services.compute_changes(base->loaded.model, head->loaded.model);
  }
  PolicyInput input{&head->loaded.model, base ? &base->loaded.model : nullptr, &changes,
                    services.env};
  EvaluationResult evaluation = evaluate(pack, input, EvaluateOptions{1});
  if (!evaluation.errors.empty()) {
    result.errors = std::move(evaluation.errors);
    result.status = CaseStatus::error;
    return result;
  }
  std::vector<Observed> observed;
  for (const auto& f : evaluation.findings) {
    observed.push_back(observe(f.rule, f.span, f.base_span, f.message));
  }
  for (const auto& r : evaluation.reviews) {
    observed.push_back(observe(r.rule, r.span, Span{}, "review by " + r.team + ": " + r.reason));
  }
  compare(annotations, observed, result);
  result.status = result.problems.empty() ? CaseStatus::pass : CaseStatus::fail;
  return result;
}

}  // namespace

PackTestResult run_pack_tests(const std::filesystem::path& folder,
                              const FunctionRegistry& functions, const FixtureServices& services) {
  namespace fs = std::filesystem;
  PackTestResult result;
  result.folder = folder.generic_string();
  LoadedPack loaded = load_pack_folder(folder);
  if (loaded.pack) result.pack = loaded.pack->name();
  if (!loaded.ok()) {
    result.errors = std::move(loaded.diagnostics);
    return result;
  }
  std::vector<RuleInfo> rules = loaded.pack->rules();
  CheckResult checked = check_pack(loaded.pack, functions);
  if (!checked.ok()) {
    result.errors = std::move(checked.diagnostics);
    return result;
  }
  std::vector<fs::path> cases;
  std::error_code error;
  if (fs::is_directory(folder / "tests", error)) {
    for (const auto& entry : fs::directory_iterator(folder / "tests", error)) {
      if (entry.is_directory()) cases.push_back(entry.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  std::set<std::string> expected_rules;
  for (const auto& case_folder : cases) {
    result.cases.push_back(run_case(case_folder, *checked.pack, services, expected_rules));
  }
  for (const auto& rule : rules) {
    if (!expected_rules.count(rule.id)) result.untested_rules.push_back(rule.id);
  }
  return result;
}

std::string describe(const PackTestResult& result) {
  std::string out;
  std::string pack = result.pack.empty() ? result.folder : result.pack;
  for (const auto& e : result.errors) {
    out += "ERROR " + pack + ": " + e.span.file() + ":" + std::to_string(e.span.line) + ":" +
           std::to_string(e.span.column) + ": " + e.message + "\n";
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
             (e.span.valid() ? e.span.file() + ":" + std::to_string(e.span.line) + ": "
                             : std::string()) +
             (e.rule.empty() ? "" : e.rule + ": ") + e.message + "\n";
    }
  }
  for (const auto& rule : result.untested_rules) {
    out += "note: " + rule + " has no fixture that expects it\n";
  }
  return out;
}

}  // namespace steward::policy
