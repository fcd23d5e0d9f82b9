// Golden tests: every format renders the same sample evaluation; UPDATE_GOLDEN=1 rewrites them.
#include "golden.h"

#include <doctest/doctest.h>

#include <sstream>

#include "report/report.h"
#include "sample_input.h"

using namespace steward::report;
using namespace steward::report::testing;

namespace {

std::string render(std::string_view format, const ReportInput& input) {
  auto report = make_report(format);
  REQUIRE(report != nullptr);
  std::ostringstream out;
  report->write(input, out);
  return out.str();
}

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
