#include "findings/pipeline.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "findings/builtin_rules.h"
#include "findings/verdict.h"
#include "source/rule_ids.h"

using namespace steward;
using namespace steward::findings;

namespace {

const char* kFile =
    "kind: event\n"
    "name: checkout_started\n"
    "properties:\n"
    "  email: {type: string}  # steward:ignore pii.x -- hashed upstream\n"
    "  phone: {type: string}\n";

Finding at(const SourceRef& file, uint32_t line, std::string rule, Severity severity) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.message = "m";
  d.span = Span{file, line, 3, line, 7};
  return make_finding(std::move(d));
}

}  // namespace

TEST_CASE("process_findings runs suppressions, waivers, overrides, fingerprints and the baseline") {
  auto file = make_source("e.yaml", kFile);
  config::StewardConfig config;
  config.severity["governance.x"] = config::SeverityOverride{Severity::note, {}};
  config.severity["noise.x"] = config::SeverityOverride{std::nullopt, {}};
  config::Waiver expired;
  expired.rule = "compat.x";
  expired.target = "*";
  expired.reason = "old";
  expired.expires = "2020-01-01";
  expired.span = Span{make_source("steward.yaml", "waivers:\n"), 1, 1, 1, 7};
  config.waivers = {expired};

  Findings findings = {
      at(file, 5, "governance.x", Severity::warning), at(file, 4, "pii.x", Severity::error),
      at(file, 5, "noise.x", Severity::error), at(file, 5, "compat.x", Severity::error)};
  ProcessOptions options;
  options.config = &config;
  options.files = {file};
  options.today = "2026-01-01";

  Findings base_run = process_findings(findings, options);
  // Suppressed pii.x stays (flagged), noise.x is off, waiver.expired is added; sorted by file.
  REQUIRE(base_run.size() == 4);
  CHECK(base_run[0].diagnostic.rule == "pii.x");
  CHECK(base_run[0].suppressed());
  CHECK(base_run[1].diagnostic.rule == "compat.x");
  CHECK_FALSE(base_run[1].suppressed());  // the waiver expired
  CHECK(base_run[2].diagnostic.rule == "governance.x");
  CHECK(base_run[2].diagnostic.severity == Severity::note);
  CHECK(base_run[3].diagnostic.rule == rule_id::kWaiverExpired);
  for (const auto& f : base_run)
    CHECK(f.fingerprint.size() == 32);
  CHECK_FALSE(base_run[0].is_new.has_value());

  std::vector<std::string> base_fingerprints;
  for (const auto& f : base_run)
    base_fingerprints.push_back(f.fingerprint);
  // Base's side of the gate asks only for the fingerprints: the same ones (with waiver.expired's),
  // in no particular order.
  std::vector<std::string> only = process_fingerprints(findings, options);
  std::sort(only.begin(), only.end());
  std::vector<std::string> expected = base_fingerprints;
  std::sort(expected.begin(), expected.end());
  CHECK(only == expected);

  // Head adds one finding; with the base fingerprints only it is new.
  findings.push_back(at(file, 2, "governance.x", Severity::warning));
  options.base_fingerprints = base_fingerprints;
  Findings head_run = process_findings(findings, options);
  REQUIRE(head_run.size() == 5);
  size_t fresh = 0;
  for (const auto& f : head_run)
    fresh += f.is_new.value_or(false);
  CHECK(fresh == 1);

  options.new_only = true;
  Findings only_new = process_findings(findings, options);
  REQUIRE(only_new.size() == 1);
  CHECK(only_new[0].diagnostic.span.line == 2);

  Summary summary = summarize(head_run, {}, config.fail_on);
  CHECK(summary.errors == 2);  // compat.x and waiver.expired
  CHECK(summary.suppressed == 1);
  CHECK(summary.failed);
}

TEST_CASE("process_findings without a steward.yaml only scans suppressions") {
  auto file = make_source("e.yaml", kFile);
  ProcessOptions options;
  options.files = {file};
  Findings out = process_findings({}, options);
  REQUIRE(out.size() == 1);
  CHECK(out[0].diagnostic.rule == rule_id::kSuppressionUnused);
}

TEST_CASE("sort_findings orders by file, line, column, rule and message, keeping ties in order") {
  auto a = make_source("a.yaml", "x: 1\ny: 2\n");
  auto b = make_source("b.yaml", "x: 1\n");
  Findings findings = {at(b, 1, "r.z", Severity::error), at(a, 2, "r.a", Severity::error),
                       at(a, 1, "r.b", Severity::error), at(a, 1, "r.a", Severity::error),
                       at(a, 1, "r.a", Severity::warning)};
  findings[3].subject = "first";
  findings[4].subject = "second";  // the same place, rule and message: stays after "first"
  sort_findings(findings);
  REQUIRE(findings.size() == 5);
  CHECK(findings[0].subject == "first");
  CHECK(findings[1].subject == "second");
  CHECK(findings[2].diagnostic.rule == "r.b");
  CHECK(findings[3].diagnostic.span.line == 2);
  CHECK(findings[4].diagnostic.span.file() == "b.yaml");
}

TEST_CASE("sort_findings: the order of comes_before, whatever files the findings point into") {
  // Files are compared by rank: two versions of one path (base's and head's) rank alike, a path
  // that is a prefix of another sorts first, and findings with no place or only a base place
  // sort by the path they have (none: first).
  auto head = make_source("a.yaml", "x: 1\ny: 2\nz: 3\n");
  auto base = make_source("a.yaml", "x: 1\nz: 3\n");
  auto longer = make_source("a.yaml.yaml", "x: 1\n");
  auto other = make_source("b/c.yaml", "x: 1\ny: 2\n");
  const std::vector<SourceRef> files = {head, base, longer, other, nullptr};
  Findings findings;
  for (uint32_t n = 0; n < 60; ++n) {
    // Assigned from std::string, not from a conditional of literals: GCC 12 at -O2 takes the
    // latter for an oversized copy (-Wstringop-overflow, a false positive).
    const std::string rule = n % 3 ? "r.a" : "r.b";
    const std::string message(1, n % 4 ? 'm' : 'n');
    Diagnostic d;
    d.rule = rule;
    d.message = message;
    const SourceRef& file = files[(n * 7) % files.size()];
    const Span span{file, file ? 1 + (n * 5) % 2 : 0, 1 + n % 3, 1, 1};
    (n % 5 == 0 ? d.base_span : d.span) = span;
    findings.push_back(make_finding(std::move(d), std::to_string(n)));
  }
  Findings expected = findings;
  std::stable_sort(expected.begin(), expected.end(), comes_before);
  sort_findings(findings);
  REQUIRE(findings.size() == expected.size());
  for (size_t i = 0; i < findings.size(); ++i)
    CHECK(findings[i].subject == expected[i].subject);
}

TEST_CASE("make_findings: a model's diagnostics, then the packs' findings, each subject moved") {
  auto file = make_source("e.yaml", kFile);
  Diagnostic model_problem;
  model_problem.rule = "schema.x";
  model_problem.message = "model";
  model_problem.subject = "checkout_started";
  model_problem.span = Span{file, 2, 1, 2, 4};
  Diagnostic pack_finding = model_problem;
  pack_finding.rule = "pii.x";
  pack_finding.message = "pack";
  pack_finding.subject = "checkout_started.email";
  const Diagnostics model_diagnostics = {model_problem};

  Findings findings = make_findings(model_diagnostics, Diagnostics{pack_finding});
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].diagnostic.rule == "schema.x");
  CHECK(findings[0].subject == "checkout_started");
  CHECK(findings[1].diagnostic.rule == "pii.x");
  CHECK(findings[1].subject == "checkout_started.email");
  for (const auto& f : findings)
    CHECK(f.diagnostic.subject.empty());
  // The model's diagnostics are copied: the model keeps them for base's side and the reports.
  CHECK(model_diagnostics[0].subject == "checkout_started");
}
