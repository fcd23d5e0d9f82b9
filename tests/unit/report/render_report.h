#pragma once

// A report format's whole output for one evaluation, as text.

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <string_view>

#include "report/report.h"

namespace steward::report::testing {

inline std::string render(std::string_view format, const ReportInput& input) {
  auto report = make_report(format);
  REQUIRE(report != nullptr);
  std::ostringstream out;
  report->write(input, out);
  return out.str();
}

}  // namespace steward::report::testing
