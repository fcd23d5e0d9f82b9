#pragma once

#include <memory>

#include "report/report.h"

namespace steward::report {

// One factory per format file; report_factory.cpp maps the names to them.
std::unique_ptr<Report> make_text_report();
std::unique_ptr<Report> make_json_report();
std::unique_ptr<Report> make_sarif_report();
std::unique_ptr<Report> make_github_report();
std::unique_ptr<Report> make_gitlab_report();
std::unique_ptr<Report> make_junit_report();
std::unique_ptr<Report> make_markdown_report();
std::unique_ptr<Report> make_rdjson_report();

}  // namespace steward::report
