// Golden tests: every format renders the same sample evaluation; UPDATE_GOLDEN=1 rewrites them.
#include "golden.h"

#include <doctest/doctest.h>

#include <sstream>

#include "render_report.h"
#include "report/report.h"
#include "sample_input.h"

using namespace steward::report;
using namespace steward::report::testing;

namespace {

// Golden files must not depend on the machine's environment.
ReportInput isolated(ReportInput input) {
  input.getenv = [](const std::string&) { return std::nullopt; };
  return input;
}

}  // namespace

TEST_CASE("golden: text") {
  check_golden("text.txt", render("text", isolated(sample_input())));
  check_golden("text-clean.txt", render("text", isolated(clean_input())));
}

TEST_CASE("golden: json") {
  check_golden("json.json", render("json", isolated(sample_input())));
  check_golden("json-clean.json", render("json", isolated(clean_input())));
}

TEST_CASE("golden: sarif") {
  check_golden("sarif.sarif", render("sarif", isolated(sample_input())));
  check_golden("sarif-clean.sarif", render("sarif", isolated(clean_input())));
}

TEST_CASE("golden: gitlab") {
  check_golden("gitlab.json", render("gitlab", isolated(sample_input())));
}

TEST_CASE("golden: github") {
  check_golden("github.txt", render("github", isolated(sample_input())));
}

TEST_CASE("golden: junit") {
  check_golden("junit.xml", render("junit", isolated(sample_input())));
}

TEST_CASE("golden: markdown") {
  check_golden("markdown.md", render("markdown", isolated(sample_input())));
  check_golden("markdown-clean.md", render("markdown", isolated(clean_input())));
}

TEST_CASE("golden: rdjson") {
  check_golden("rdjson.json", render("rdjson", isolated(sample_input())));
}

TEST_CASE("every format is registered and unknown names are refused") {
  CHECK(report_formats() == std::vector<std::string_view>{"github", "gitlab", "json", "junit",
                                                          "markdown", "rdjson", "sarif", "text"});
  for (auto format : report_formats())
    CHECK(make_report(format) != nullptr);
  CHECK(make_report("yaml") == nullptr);
}
