#include "findings/verdict.h"

#include <doctest/doctest.h>

#include "findings/baseline.h"
#include "findings/severity_override.h"

using namespace steward;
using namespace steward::findings;

namespace {

Finding finding(std::string rule, Severity severity) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.message = "m";
  return make_finding(std::move(d));
}

}  // namespace

TEST_CASE("fail_on decides the verdict") {
  CHECK(fails(Severity::error, config::FailOn::error));
  CHECK_FALSE(fails(Severity::warning, config::FailOn::error));
  CHECK(fails(Severity::warning, config::FailOn::warning));
  CHECK_FALSE(fails(Severity::note, config::FailOn::warning));
  CHECK(fails(Severity::note, config::FailOn::note));
  CHECK_FALSE(fails(Severity::error, config::FailOn::never));
  CHECK(fail_on_name(config::FailOn::never) == "never");
}

TEST_CASE("summarize counts what is not suppressed") {
  Findings findings = {finding("a", Severity::error), finding("b", Severity::warning),
                       finding("c", Severity::warning), finding("d", Severity::note),
                       finding("e", Severity::error)};
  findings[4].suppression.edit().kind = Suppression::Kind::waiver;
  std::vector<ReviewRequest> reviews = {{"r", "team-security", "identity changed", {}},
                                        {"r2", "team-security", "identity changed", {}},
                                        {"r", "team-data", "identity changed", {}}};
  Summary s = summarize(findings, reviews, config::FailOn::error);
  CHECK(s.errors == 1);
  CHECK(s.warnings == 2);
  CHECK(s.notes == 1);
  CHECK(s.suppressed == 1);
  CHECK(s.reviews == 2);
  CHECK(s.total() == 4);
  CHECK(s.failed);

  findings[0].suppression.edit().kind = Suppression::Kind::inline_comment;
  CHECK_FALSE(summarize(findings, {}, config::FailOn::error).failed);
  CHECK(summarize(findings, {}, config::FailOn::warning).failed);
  CHECK_FALSE(summarize(findings, {}, config::FailOn::never).failed);
}

TEST_CASE("severity overrides change severities and turn rules off") {
  Findings findings = {finding("a", Severity::error), finding("b", Severity::error),
                       finding("c", Severity::note)};
  SeverityOverrides overrides;
  overrides["a"] = config::SeverityOverride{Severity::warning, {}};
  overrides["b"] = config::SeverityOverride{std::nullopt, {}};
  apply_severity_overrides(findings, overrides);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].diagnostic.rule == "a");
  CHECK(findings[0].diagnostic.severity == Severity::warning);
  CHECK(findings[1].diagnostic.rule == "c");
  CHECK(disabled_rules(overrides) == std::set<std::string>{"b"});
}

TEST_CASE("baseline marks findings new and --new-only drops the old ones") {
  Findings findings = {finding("a", Severity::error), finding("b", Severity::error)};
  findings[0].fingerprint = "f-old";
  findings[1].fingerprint = "f-new";
  Findings unknown = findings;
  keep_new_only(unknown);
  CHECK(unknown.size() == 2);  // no base information: nothing is hidden

  mark_new(findings, {"f-old", "f-other"});
  CHECK(findings[0].is_new == false);
  CHECK(findings[1].is_new == true);
  keep_new_only(findings);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].fingerprint == "f-new");
}
