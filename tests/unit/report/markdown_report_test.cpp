#include <doctest/doctest.h>

#include <sstream>

#include "findings/verdict.h"
#include "report/markdown_text.h"
#include "report/report.h"
#include "sample_input.h"

using namespace steward;
using namespace steward::report;

namespace {

std::string markdown_of(const ReportInput& input) {
  std::ostringstream out;
  make_report("markdown")->write(input, out);
  return out.str();
}

size_t occurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("markdown escaping keeps code spans and neutralises HTML and Markdown") {
  CHECK(markdown_escape("unknown key `a_b|<c>`") == "unknown key `a_b|<c>`");
  CHECK(markdown_escape("a_b *c* <script> [x](y) | d") ==
        "a\\_b \\*c\\* \\<script\\> \\[x\\](y) \\| d");
  CHECK(markdown_escape("one\ntwo & `unclosed") == "one\\\\ntwo &amp; \\`unclosed");
}

TEST_CASE("markdown: marker first, verdict, one line per review, links to the blob") {
  std::string md = markdown_of(testing::sample_input());
  CHECK(md.starts_with("<!-- steward:report -->\n### ❌ steward: 3 errors, 2 warnings, 1 note\n"));
  CHECK(occurrences(md, "identity rules changed") == 1);
  CHECK(md.find("(https://github.com/acme/tracking/blob/0123abc/events/checkout.yaml#L3)") !=
        std::string::npos);

  // The rule links to its documentation page.
  CHECK(md.find("[**schema.unknown-key**](https://steward.example/rules/schema.unknown-key)") !=
        std::string::npos);

  ReportInput plain = testing::sample_input();
  plain.blob_url.clear();
  for (auto& rule : plain.rules)
    rule.help_uri.clear();
  std::string without = markdown_of(plain);
  CHECK(without.find("](http") == std::string::npos);
  CHECK(without.find("- `events/checkout.yaml:3` **schema.unknown-key**") != std::string::npos);

  // A relative or odd help_uri is never made into a link.
  ReportInput relative = testing::sample_input();
  relative.blob_url.clear();
  for (auto& rule : relative.rules)
    rule.help_uri = "docs/rules/" + rule.id + ".md";
  CHECK(markdown_of(relative).find("](") == std::string::npos);
}

TEST_CASE("markdown collapses long groups") {
  auto file = make_source("e.yaml", "a: 1\n");
  ReportInput input;
  for (int i = 0; i < 12; ++i) {
    Diagnostic d;
    d.rule = "r.warn";
    d.severity = Severity::warning;
    d.message = "warning " + std::to_string(i);
    d.span = Span{file, 1, 1, 1, 1};
    input.findings.push_back(findings::make_finding(d));
  }
  input.summary = findings::summarize(input.findings, {}, config::FailOn::error);
  std::string md = markdown_of(input);
  CHECK(md.find("### ✅ steward: 0 errors, 12 warnings, 0 notes") != std::string::npos);
  CHECK(md.find("<details><summary><b>Warnings (12)</b></summary>") != std::string::npos);
  CHECK(md.find("#### Warnings") == std::string::npos);
}
