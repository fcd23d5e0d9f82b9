// Text from the repository never reaches a report as a control character, a workflow command, a
// Markdown construct or a URI scheme (source/visible_text.h, docs/report-formats.md "Escaping").
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "findings/fingerprint.h"
#include "findings/verdict.h"
#include "render_report.h"
#include "report/json_text.h"
#include "report/markdown_text.h"
#include "report/report.h"
#include "source/visible_text.h"

using namespace steward;
using namespace steward::report;
using steward::report::testing::render;

namespace {

// Workflow commands, an ANSI colour, a bidi override, a C1 NEL and a byte that is not UTF-8.
const std::string kHostile =
    "evnt\n::error file=README.md,line=1::forged\r\n::add-mask::x\x1b[31m\xE2\x80\xAE\xC2\x85\xFF";
const std::string kHostilePath =
    "tracking-plan/a`**B** [c](https:x)\xE2\x80\xAE\n::warning ::x.yaml";

ReportInput hostile_input() {
  auto file = make_source(kHostilePath, "kind: \"" + kHostile + "\"\nname: x\n");
  Diagnostic d;
  d.rule = "schema.unknown-kind";
  d.message = "unknown kind '" + kHostile + "'";
  d.suggestion = "did you mean '" + kHostile + "'?";
  d.help = "Use a kind steward knows.\nSee docs/data-files.md.";
  d.span = Span{file, 1, 7, 1, 20};
  ReportInput input;
  input.findings.push_back(findings::make_finding(d, kHostile));
  input.reviews.push_back({"identity.review", "team\n::error::x", "reason\x1b[2J", d.span});
  findings::assign_fingerprints(input.findings);
  input.summary = findings::summarize(input.findings, input.reviews, config::FailOn::error);
  input.blob_url = "https://github.com/acme/tracking/blob/0123abc";
  input.change_summary_text = "1 change\n";
  input.change_summary_markdown = "1 change\n";
  return input;
}

bool has_raw_control(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || c == 0xFF) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F)
      return true;  // a C1 control
    if (text.compare(i, 3, "\xE2\x80\xAE") == 0) return true;
  }
  return false;
}

size_t lines_starting_with(const std::string& text, std::string_view prefix) {
  size_t n = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    n += line.starts_with(prefix) ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("visible_text escapes controls, bidi overrides and bytes that are not UTF-8") {
  CHECK(visible_text("a\n::error::x") == "a\\n::error::x");
  CHECK(visible_text("a\r\x1b[31m\x07\x7f") == "a\\r\\x1b[31m\\x07\\x7f");
  CHECK(visible_text("\xE2\x80\xAE"
                     "abc\xC2\x85\xE2\x81\xA6") == "\\u202eabc\\u0085\\u2066");
  CHECK(visible_text("caf\xC3\xA9 \xE2\x98\x95\tok") == "caf\xC3\xA9 \xE2\x98\x95\tok");
  CHECK(visible_text("\xFF\xC3(\xED\xA0\x80") == "\\xff\\xc3(\\xed\\xa0\\x80");  // surrogate too
  CHECK(visible_text("one\ntwo", true) == "one\ntwo");
}

TEST_CASE("markdown literals, code spans and URI references") {
  CHECK(markdown_literal("<img src=x> [a](b) *c* `d` & e|f") ==
        "\\<img src=x\\> \\[a\\](b) \\*c\\* \\`d\\` &amp; e\\|f");
  CHECK(markdown_code_span("a`b") == "``a`b``");
  CHECK(markdown_code_span("`x``") == "``` `x`` ```");
  CHECK(markdown_escape("one\ntwo & `unclosed") == "one\\\\ntwo &amp; \\`unclosed");
  CHECK(uri_reference("tracking-plan/per%cent.yaml") == "tracking-plan/per%25cent.yaml");
  CHECK(uri_reference("https:x.yaml") == "https%3Ax.yaml");
  CHECK(uri_reference("a b#c?.yaml") == "a%20b%23c%3F.yaml");
}

TEST_CASE("no report emits a raw control character or a line a CI runner would run") {
  const ReportInput input = hostile_input();
  for (auto format : report_formats()) {
    CAPTURE(format);
    const std::string out = render(format, input);
    CHECK_FALSE(has_raw_control(out));
    // The github format writes steward's own annotation, one line per finding; no other format
    // writes any line a runner reads as a workflow command.
    CHECK(lines_starting_with(out, "::") == (format == "github" ? 1u : 0u));
  }
}

TEST_CASE("text: a value with newlines stays on its line, escaped") {
  const std::string out = render("text", hostile_input());
  CHECK(out.find("error[schema.unknown-kind]: unknown kind 'evnt\\n::error file=README.md") !=
        std::string::npos);
  CHECK(out.find("\\x1b[31m\\u202e\\u0085\\xff'") != std::string::npos);
  // The help written by the pack keeps its own line break, indented under the label.
  CHECK(out.find("= help: Use a kind steward knows.\n") != std::string::npos);
}

TEST_CASE("text: carets stay under the span when the line holds escaped characters") {
  auto file = make_source("f.yaml", "k: \"\x1b[1m\" bad\n");
  Diagnostic d;
  d.rule = "r.x";
  d.message = "m";
  d.span = Span{file, 1, 11, 1, 13};  // "bad"
  ReportInput input;
  input.findings.push_back(findings::make_finding(d));
  input.summary = findings::summarize(input.findings, {}, config::FailOn::error);
  const std::string out = render("text", input);
  CHECK(out.find("1 | k: \"\\x1b[1m\" bad\n  | " + std::string(13, ' ') + "^^^\n") !=
        std::string::npos);
}

TEST_CASE("markdown: names from the repository are literal text, paths cannot close their span") {
  const std::string md = render("markdown", hostile_input());
  CHECK(md.find("[``tracking-plan/a`**B** [c](https:x)\\u202e\\n::warning ::x.yaml:1``](") !=
        std::string::npos);
  CHECK(md.find("/blob/0123abc/tracking-plan/a%60%2A%2AB%2A%2A%20%5Bc%5D%28https%3Ax%29") !=
        std::string::npos);
}

TEST_CASE("sarif: artifact URIs are percent-encoded relative references") {
  auto json = nlohmann::json::parse(render("sarif", hostile_input()));
  const auto uri =
      json["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
          .get<std::string>();
  CHECK(uri ==
        "tracking-plan/"
        "a%60%2A%2AB%2A%2A%20%5Bc%5D%28https%3Ax%29%E2%80%AE%0A%3A%3Awarning%20%3A%3Ax.yaml");
}

TEST_CASE("json: paths and subjects stay exact once parsed; prose is escaped visibly") {
  const std::string text = render("json", hostile_input());
  CHECK(text.find("\\u202e") != std::string::npos);  // written as an escape, not raw
  auto json = nlohmann::json::parse(text);
  const auto& finding = json["findings"][0];
  CHECK(finding["file"] == kHostilePath);
  CHECK(finding["message"].get<std::string>().find('\n') == std::string::npos);
  CHECK(finding["message"].get<std::string>().find("\\x1b[31m") != std::string::npos);
}

TEST_CASE("json: a hostile subject is shortened, so findings about it do not multiply its size") {
  ReportInput input = hostile_input();
  const std::string name(10'000, 'a');
  input.findings[0].subject = name + ".email";
  input.findings[0].subjects = {name + ".email", "short.subject"};
  auto json = nlohmann::json::parse(render("json", input));
  const auto& finding = json["findings"][0];
  const std::string subject = finding["subject"].get<std::string>();
  CHECK(subject.size() == 1000 + std::string("…").size());
  CHECK(subject.starts_with(name.substr(0, 1000)));
  CHECK(finding["subjects"][0] == subject);
  CHECK(finding["subjects"][1] == "short.subject");  // within the bound: exact
}

TEST_CASE("json: findings are written exactly as a dump of the whole report would write them") {
  // The report writes its findings without a JSON tree; parsed and dumped again by json_text, the
  // report must come out byte for byte: the same layout, escapes, nulls and numbers.
  ReportInput input = hostile_input();
  findings::Finding group = input.findings[0];
  group.subjects = {"a.email", kHostile, std::string(1'500, 'b'), "quote\"back\\slash"};
  group.diagnostic.help = std::string();
  group.diagnostic.suggestion.clear();
  group.is_new = true;
  input.findings.push_back(group);
  findings::Finding removed = input.findings[0];
  removed.diagnostic.base_span = removed.diagnostic.span;
  removed.diagnostic.span = Span{};
  removed.diagnostic.message = "tab\there \"quoted\" \\ del\x7f nbsp\xC2\xA0 caf\xC3\xA9";
  removed.subject.clear();
  removed.is_new = false;
  input.findings.push_back(removed);
  findings::Finding waived = input.findings[0];
  waived.suppression = {findings::Suppression::Kind::waiver, "reason \xE2\x80\xAE\x1b", "", Span{}};
  input.findings.push_back(waived);
  findings::Finding silenced = input.findings[0];
  silenced.diagnostic.span.column = 0;
  silenced.suppression = {findings::Suppression::Kind::inline_comment, "", "lead\n::error::x",
                          input.findings[0].diagnostic.span};
  input.findings.push_back(silenced);

  const std::string text = render("json", input);
  CHECK(json_text(nlohmann::ordered_json::parse(text)) + "\n" == text);
  const auto json = nlohmann::json::parse(text);
  CHECK(json["findings"].size() == 3);
  CHECK(json["suppressed"].size() == 2);
}

TEST_CASE("append_json_string writes what json_text writes for a string, visible or not") {
  const std::vector<std::string> texts = {
      "",        "plain",       "quote\" back\\slash", "a\nb\r\nc\td\be\ff", "nul\x01 esc\x1b",
      "del\x7f", "caf\xC3\xA9", "bidi\xE2\x80\xAE",    "c1\xC2\x85",         "bad\xFF\xC3",
      "/slash",  kHostile,      kHostilePath};
  for (const auto& text : texts) {
    INFO(text);
    std::string written = "x";
    append_json_string(written, text);
    CHECK(written.substr(1) == json_text(nlohmann::ordered_json(text)));
    for (const bool keep_newlines : {false, true}) {
      std::string visible;
      append_visible_json_string(visible, text, keep_newlines);
      CHECK(visible == json_text(nlohmann::ordered_json(visible_text(text, keep_newlines))));
    }
  }
}

TEST_CASE("sarif: results are written exactly as a dump of the whole report would write them") {
  ReportInput input = hostile_input();
  findings::Finding moved = input.findings[0];
  moved.diagnostic.base_span = moved.diagnostic.span;  // related location "at base"
  moved.fixes = {{moved.diagnostic.span, "kind: \"event\"\n"}, {Span{}, "ignored"}};
  moved.is_new = false;
  moved.suppression = {findings::Suppression::Kind::inline_comment, "why\n\x1b", "", Span{}};
  input.findings.push_back(moved);
  findings::Finding nowhere = input.findings[0];
  nowhere.diagnostic.span = Span{};
  nowhere.diagnostic.suggestion.clear();
  nowhere.fixes = {{input.findings[0].diagnostic.span, ""}};
  nowhere.is_new = true;
  input.findings.push_back(nowhere);
  input.fallback_path = "steward.yaml";

  const std::string text = render("sarif", input);
  CHECK(json_text(nlohmann::ordered_json::parse(text)) + "\n" == text);
  const auto json = nlohmann::json::parse(text);
  CHECK(json["runs"][0]["results"].size() == 3);
  CHECK(json["runs"][0]["results"][2]["fixes"][0]["artifactChanges"].size() == 1);
}
