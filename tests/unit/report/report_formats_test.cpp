// Format details the golden files show but do not explain.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "findings/verdict.h"
#include "render_report.h"
#include "report/report.h"
#include "sample_input.h"

using namespace steward;
using namespace steward::report;
using steward::report::testing::render;

namespace {}  // namespace

TEST_CASE("json: nulls where absent, relative paths, 1-based lines, suppressed apart") {
  auto json = nlohmann::json::parse(render("json", testing::sample_input()));
  CHECK(json["version"] == 1);
  auto& findings = json["findings"];
  REQUIRE(findings.size() == 6);
  CHECK(findings[0]["rule"] == "taxonomy.builtin");
  CHECK(findings[0]["file"].is_null());
  CHECK(findings[0]["line"].is_null());
  CHECK(findings[1]["file"] == "events/checkout.yaml");
  CHECK(findings[1]["line"] == 3);
  CHECK(findings[1]["column"] == 1);
  CHECK(findings[1]["new"] == true);
  CHECK(findings[2]["base_line"] == 8);
  for (const auto& f : findings)
    CHECK(f["fingerprint"].get<std::string>().size() == 32);
  CHECK(json["suppressed"].size() == 2);
  CHECK(json["reviews"].size() == 2);
  CHECK(json["summary"]["failed"] == true);
}

TEST_CASE("json survives invalid UTF-8 in a message: the byte is shown as an escape") {
  ReportInput input;
  Diagnostic d;
  d.rule = "r.x";
  d.message = "bad \xC3 byte";
  input.findings.push_back(findings::make_finding(d));
  auto json = nlohmann::json::parse(render("json", input));
  CHECK(json["findings"][0]["message"] == "bad \\xc3 byte");
}

TEST_CASE("sarif: suppressed results carry suppressions, rules cover every result") {
  auto sarif = nlohmann::json::parse(render("sarif", testing::sample_input()));
  auto& run = sarif["runs"][0];
  auto& rules = run["tool"]["driver"]["rules"];
  for (const auto& result : run["results"]) {
    CHECK(rules[result["ruleIndex"].get<size_t>()]["id"] == result["ruleId"]);
  }
  size_t suppressed = 0;
  for (const auto& result : run["results"]) {
    if (result.contains("suppressions")) {
      ++suppressed;
      auto kind = result["suppressions"][0]["kind"];
      CHECK((kind == "inSource" || kind == "external"));
    }
  }
  CHECK(suppressed == 2);
}

TEST_CASE("gitlab maps severities and keeps fingerprints unique") {
  ReportInput input;
  auto file = make_source("e.yaml", "a: 1\n");
  for (Severity s : {Severity::error, Severity::warning, Severity::note}) {
    Diagnostic d;
    d.rule = "r.x";
    d.severity = s;
    d.message = "m";
    d.span = Span{file, 1, 1, 1, 1};
    input.findings.push_back(findings::make_finding(d));
    input.findings.back().fingerprint = "same";
  }
  auto issues = nlohmann::json::parse(render("gitlab", input));
  REQUIRE(issues.size() == 3);
  CHECK(issues[0]["severity"] == "major");
  CHECK(issues[1]["severity"] == "minor");
  CHECK(issues[2]["severity"] == "info");
  CHECK(issues[0]["fingerprint"] == "same");
  CHECK(issues[1]["fingerprint"] == "same-2");
  CHECK(issues[2]["fingerprint"] == "same-3");
}

TEST_CASE("junit: a test case per rule, a failure per finding, rules without findings pass") {
  std::string xml = render("junit", testing::sample_input());
  CHECK(xml.find("<testsuites name=\"steward\" tests=\"9\" failures=\"6\"") != std::string::npos);
  CHECK(xml.find("<testcase name=\"identity.review\" classname=\"steward.identity\"/>") !=
        std::string::npos);
  // The suppressed finding does not fail its rule.
  CHECK(xml.find("<testcase name=\"identity.unhashed-key\" classname=\"steward.identity\"/>") !=
        std::string::npos);
}

TEST_CASE("rdjson: suggestions only for text replacements") {
  auto rd = nlohmann::json::parse(render("rdjson", testing::sample_input()));
  size_t with_suggestions = 0;
  for (const auto& d : rd["diagnostics"]) {
    if (d.contains("suggestions")) {
      ++with_suggestions;
      CHECK(d["suggestions"][0]["text"] == "description");
      CHECK(d["suggestions"][0]["range"]["end"]["column"] == 11);  // exclusive
    }
  }
  CHECK(with_suggestions == 1);
  CHECK(rd["diagnostics"][1]["severity"] == "ERROR");
  CHECK(rd["diagnostics"][1]["code"]["value"] == "schema.unknown-key");
}

TEST_CASE("sarif: a rule's tags and documentation page follow its pack's tag") {
  ReportInput input;
  Diagnostic d;
  d.rule = "privacy.x";
  d.message = "m";
  input.findings.push_back(findings::make_finding(d));
  findings::RuleInfo rule{"privacy.x", "Title", "Help", Severity::error,
                          "https://wiki.example.com/privacy.x"};
  rule.tags = {"security", "gdpr", "privacy"};
  input.rules = {rule};
  auto sarif = nlohmann::json::parse(render("sarif", input));
  auto& described = sarif["runs"][0]["tool"]["driver"]["rules"][0];
  CHECK(described["helpUri"] == "https://wiki.example.com/privacy.x");
  CHECK(described["properties"]["tags"] == nlohmann::json::array({"privacy", "security", "gdpr"}));
}
