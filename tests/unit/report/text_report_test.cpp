#include <doctest/doctest.h>

#include <sstream>

#include "findings/fingerprint.h"
#include "findings/verdict.h"
#include "report/report.h"
#include "report/report_view.h"
#include "sample_input.h"

using namespace steward;
using namespace steward::report;

namespace {

std::string text_of(const ReportInput& input) {
  std::ostringstream out;
  make_report("text")->write(input, out);
  return out.str();
}

}  // namespace

TEST_CASE("text uses colour only when told") {
  ReportInput input = testing::sample_input();
  CHECK(text_of(input).find('\x1b') == std::string::npos);
  input.use_color = true;
  std::string colored = text_of(input);
  CHECK(colored.find("\x1b[1;31merror[schema.unknown-key]") != std::string::npos);
  CHECK(colored.find("\x1b[0m") != std::string::npos);
}

TEST_CASE("text frames: carets under the span, tabs kept, wide gutters aligned") {
  std::string text = "a: 1\n";
  for (int i = 2; i < 120; ++i)
    text += "x: " + std::to_string(i) + "\n";
  text += "\tkey:\tvalue\n";
  auto file = make_source("f.yaml", text);
  Diagnostic d;
  d.rule = "r.x";
  d.message = "bad value";
  d.span = Span{file, 120, 7, 120, 11};
  ReportInput input;
  input.findings.push_back(findings::make_finding(d));
  input.summary = findings::summarize(input.findings, {}, config::FailOn::error);
  std::string out = text_of(input);
  CHECK(out.find("error[r.x]: bad value\n"
                 "   --> f.yaml:120:7\n"
                 "    |\n"
                 "120 | \tkey:\tvalue\n"
                 "    | \t    \t^^^^^\n") != std::string::npos);
  CHECK(out.find("failed: 1 finding at or above error") != std::string::npos);
}

TEST_CASE("text frames: a span without an end gets one caret, a multi-line span runs to the end") {
  auto file = make_source("f.yaml", "events:\n  - a\n  - b\n");
  Diagnostic one;
  one.rule = "r.one";
  one.message = "m";
  one.span = Span{file, 2, 5, 0, 0};
  Diagnostic many = one;
  many.rule = "r.many";
  many.span = Span{file, 1, 1, 3, 5};
  ReportInput input;
  input.findings = {findings::make_finding(one), findings::make_finding(many)};
  std::string out = text_of(input);
  CHECK(out.find("2 |   - a\n  |     ^\n") != std::string::npos);
  CHECK(out.find("1 | events:\n  | ^^^^^^^\n") != std::string::npos);
}

TEST_CASE("text and markdown show the first findings of a rule and count the rest") {
  auto file = make_source("e.yaml", "a: 1\n");
  ReportInput input;
  auto add = [&](const std::string& rule, int n) {
    for (int i = 0; i < n; ++i) {
      Diagnostic d;
      d.rule = rule;
      d.message = rule + " finding " + std::to_string(i);
      d.span = Span{file, 1, 1, 1, 1};
      input.findings.push_back(findings::make_finding(d, rule + std::to_string(i)));
    }
  };
  add("r.many", static_cast<int>(kShownPerRule) + 10);
  add("r.few", 2);
  findings::assign_fingerprints(input.findings);
  input.summary = findings::summarize(input.findings, {}, config::FailOn::error);

  const std::string text = text_of(input);
  auto count = [](const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1))
      ++n;
    return n;
  };
  CHECK(count(text, "error[r.many]") == kShownPerRule);
  CHECK(count(text, "error[r.few]") == 2);
  CHECK(text.find("note: 10 more findings of r.many not shown") != std::string::npos);

  std::ostringstream markdown;
  make_report("markdown")->write(input, markdown);
  CHECK(markdown.str().find("10 more findings of **r.many**") != std::string::npos);
}
