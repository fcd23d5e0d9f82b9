#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "golden.h"
#include "report/github_escape.h"
#include "report/report.h"
#include "sample_input.h"
#include "source/input_error.h"

using namespace steward;
using namespace steward::report;

namespace {

std::string annotations(const ReportInput& input) {
  std::ostringstream out;
  make_report("github")->write(input, out);
  return out.str();
}

EnvLookup env_with(std::string name, std::string value) {
  return [name, value](const std::string& key) -> std::optional<std::string> {
    if (key == name) return value;
    return std::nullopt;
  };
}

}  // namespace

TEST_CASE("github escaping of data and properties") {
  CHECK(github_escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b");
  CHECK(github_escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae");
  CHECK(github_escape_data("%0A") == "%250A");  // already-escaped text is escaped again
  CHECK(github_escape_property("") == "");
}

TEST_CASE("github annotations: escaped, errors first, then warnings, then notices") {
  auto file = make_source("dir,with:odd%/e.yaml", "a: 1\nb: 2\n");
  auto make = [&](Severity severity, uint32_t line, std::string message) {
    Diagnostic d;
    d.rule = "r.x";
    d.severity = severity;
    d.message = std::move(message);
    d.span = Span{file, line, 1, line, 1};
    return findings::make_finding(std::move(d));
  };
  ReportInput input;
  input.findings = {make(Severity::note, 1, "n"), make(Severity::warning, 1, "w"),
                    make(Severity::error, 2, "50% of\nevents, lost: all")};
  input.getenv = [](const std::string&) { return std::nullopt; };
  CHECK(
      annotations(input) ==
      "::error file=dir%2Cwith%3Aodd%25/e.yaml,line=2,col=1,endLine=2,endColumn=1,title=r.x::"
      "50%25 of\\nevents, lost: all\n"
      "::warning file=dir%2Cwith%3Aodd%25/e.yaml,line=1,col=1,endLine=1,endColumn=1,title=r.x::w\n"
      "::notice file=dir%2Cwith%3Aodd%25/e.yaml,line=1,col=1,endLine=1,endColumn=1,title=r.x::n\n");
}

TEST_CASE("github columns count characters, not bytes") {
  auto file = make_source("e.yaml", "name: \"Caf\xC3\xA9\"\n");
  Diagnostic d;
  d.rule = "r.x";
  d.message = "m";
  d.span = Span{file, 1, 8, 1, 12};  // Café: bytes 8..12, characters 8..11
  ReportInput input;
  input.findings = {findings::make_finding(d)};
  input.getenv = [](const std::string&) { return std::nullopt; };
  CHECK(annotations(input).find("col=8,endLine=1,endColumn=11,") != std::string::npos);
}

TEST_CASE("github appends the Markdown report to $GITHUB_STEP_SUMMARY") {
  auto path = std::filesystem::temp_directory_path() /
              ("steward-step-summary-" + std::to_string(::getpid()) + ".md");
  std::filesystem::remove(path);
  { std::ofstream(path) << "earlier step\n"; }
  ReportInput input = testing::sample_input();
  input.getenv = env_with("GITHUB_STEP_SUMMARY", path.string());
  std::string out = annotations(input);
  CHECK(out.find("::error ") == 0);
  std::string summary = testing::read_file(path.string());
  CHECK(summary.starts_with("earlier step\n<!-- steward:report -->\n"));
  CHECK(summary.find("#### Errors (3)") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("github without a step summary writes annotations only; an unwritable one is an error") {
  ReportInput input = testing::sample_input();
  input.getenv = env_with("GITHUB_STEP_SUMMARY", "");
  CHECK_NOTHROW(annotations(input));
  input.getenv = env_with("GITHUB_STEP_SUMMARY", "/nonexistent-dir/summary.md");
  CHECK_THROWS_AS(annotations(input), InputError);
}
