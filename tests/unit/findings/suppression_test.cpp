#include "findings/suppression.h"

#include <doctest/doctest.h>

#include "findings/builtin_rules.h"
#include "findings/suppression_comment.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

using namespace steward;
using namespace steward::findings;

namespace {

// Built by the factory: assigning a literal to a default-constructed Diagnostic's message makes
// GCC 12 at -O2 report a false -Wrestrict inside std::string (GCC bug 105329).
Finding at(const SourceRef& file, uint32_t line, std::string rule) {
  return make_finding(make_diagnostic(rule, Severity::error, Span{file, line, 3, line, 7}, "m"));
}

std::vector<const Finding*> with_rule(const Findings& findings, std::string_view rule) {
  std::vector<const Finding*> out;
  for (const auto& f : findings) {
    if (f.diagnostic.rule == rule) out.push_back(&f);
  }
  return out;
}

}  // namespace

TEST_CASE("scan_suppressions parses rule lists, reasons and what each comment covers") {
  auto file = make_source("e.yaml",
                          "a: 1  # steward:ignore r.one, r.two -- known, see DATA-1\n"
                          "# steward:ignore r.three -- first\n"
                          "  # steward:ignore r.four -- stacked\n"
                          "b: 2\n"
                          "c: \"# steward:ignore r.five -- inside a string\"\n"
                          "d: 3 # steward:ignored r.six -- not ours\n");
  auto comments = scan_suppressions(file);
  REQUIRE(comments.size() == 3);
  CHECK(comments[0].span.line == 1);
  CHECK(comments[0].span.column == 7);
  CHECK(comments[0].covers == 0);  // a trailing comment covers its own line only
  REQUIRE(comments[0].rules.size() == 2);
  CHECK(comments[0].rules[0].id == "r.one");
  CHECK(comments[0].rules[1].id == "r.two");
  CHECK(comments[0].rules[1].span.column == 31);
  CHECK(comments[0].rules[1].span.end_column == 35);
  CHECK(comments[0].reason == "known, see DATA-1");
  CHECK(comments[0].problem == SuppressionComment::Problem::none);
  CHECK(comments[1].covers == 4);  // comments alone on their line stack onto the next code line
  CHECK(comments[2].covers == 4);
}

TEST_CASE("scan_suppressions flags a missing reason, `*`, and a missing rule") {
  auto file = make_source("e.yaml",
                          "a: 1 # steward:ignore r.one\n"
                          "b: 2 # steward:ignore r.one --   \n"
                          "c: 3 # steward:ignore r.one because I said so\n"
                          "d: 4 # steward:ignore * -- everything\n"
                          "e: 5 # steward:ignore -- nothing named\n"
                          "f: 6 # steward:ignore r.one r.two -- no comma\n");
  auto comments = scan_suppressions(file);
  REQUIRE(comments.size() == 6);
  using P = SuppressionComment::Problem;
  CHECK(comments[0].problem == P::missing_reason);
  CHECK(comments[1].problem == P::missing_reason);
  CHECK(comments[2].problem == P::missing_reason);
  CHECK(comments[3].problem == P::invalid);
  CHECK(comments[3].problem_message.find("`*` is not allowed") != std::string::npos);
  CHECK(comments[4].problem == P::invalid);
  CHECK(comments[5].problem == P::invalid);
}

TEST_CASE("a suppression on the line or alone on the line above silences only its rules") {
  auto file = make_source("e.yaml",
                          "kind: event\n"
                          "# steward:ignore r.above -- reviewed\n"
                          "  email: x   # steward:ignore r.same -- reviewed too\n"
                          "  phone: y\n");
  Findings findings = {at(file, 3, "r.above"), at(file, 3, "r.same"), at(file, 3, "r.other"),
                       at(file, 4, "r.same")};
  apply_inline_suppressions(findings, {});
  REQUIRE(findings.size() == 4);  // nothing unused, nothing invalid
  CHECK(findings[0].suppression->kind == Suppression::Kind::inline_comment);
  CHECK(findings[0].suppression->reason == "reviewed");
  CHECK(findings[0].suppression->span.line == 2);
  CHECK(findings[1].suppressed());
  CHECK_FALSE(findings[2].suppressed());
  CHECK_FALSE(findings[3].suppressed());  // a trailing comment does not reach the next line
}

TEST_CASE("a suppression without a reason is an error and silences nothing") {
  auto file = make_source("e.yaml", "a: 1 # steward:ignore r.one\n");
  Findings findings = {at(file, 1, "r.one")};
  apply_inline_suppressions(findings, {});
  CHECK_FALSE(findings[0].suppressed());
  auto missing = with_rule(findings, rule_id::kSuppressionMissingReason);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]->diagnostic.severity == Severity::error);
  CHECK(missing[0]->diagnostic.span.line == 1);
  CHECK(missing[0]->diagnostic.span.column == 6);
  CHECK(with_rule(findings, rule_id::kSuppressionUnused).empty());
}

TEST_CASE("`*` is an invalid suppression") {
  auto file = make_source("e.yaml", "a: 1 # steward:ignore * -- all of them\n");
  Findings findings = {at(file, 1, "r.one")};
  apply_inline_suppressions(findings, {});
  CHECK_FALSE(findings[0].suppressed());
  CHECK(with_rule(findings, rule_id::kSuppressionInvalid).size() == 1);
}

TEST_CASE("an unused suppression is a warning per rule id, also in files with no finding") {
  auto file = make_source("e.yaml", "a: 1 # steward:ignore r.one, r.tow -- reviewed\n");
  auto clean = make_source("clean.yaml", "b: 2\n# steward:ignore r.one -- stale\nc: 3\n");
  Findings findings = {at(file, 1, "r.one")};
  SuppressionOptions options;
  options.files = {file, clean};
  options.known_rules = {"r.one", "r.two"};
  apply_inline_suppressions(findings, options);
  CHECK(findings[0].suppressed());
  auto unused = with_rule(findings, rule_id::kSuppressionUnused);
  REQUIRE(unused.size() == 2);
  CHECK(unused[0]->diagnostic.severity == Severity::warning);
  CHECK(unused[0]->diagnostic.span.file() == "clean.yaml");
  CHECK(unused[0]->diagnostic.span.line == 2);
  CHECK(unused[1]->diagnostic.span.file() == "e.yaml");
  CHECK(unused[1]->diagnostic.span.column == 30);  // points at `r.tow`
  CHECK(unused[1]->diagnostic.suggestion == "did you mean `r.two`?");
}

TEST_CASE("suppressions of rules turned off are not reported unused") {
  auto file = make_source("e.yaml", "a: 1 # steward:ignore r.off -- noisy\n");
  Findings findings;
  SuppressionOptions options;
  options.files = {file};
  options.disabled_rules = {"r.off"};
  apply_inline_suppressions(findings, options);
  CHECK(findings.empty());
}
