#pragma once

#include <string>
#include <vector>

#include "report/report.h"

namespace steward::cli {

// `--format F[=PATH]`: a format and where it goes (empty path: standard output).
struct ReportOutput {
  std::string format;
  std::string path;
};

// Parses the --format values; throws InputError on an unknown format or two formats both on
// standard output.
std::vector<ReportOutput> parse_report_outputs(const std::vector<std::string>& values);

// `--color auto|always|never`: auto is colour on a terminal, or when FORCE_COLOR or
// CLICOLOR_FORCE is set; never when NO_COLOR is set.
bool use_color(const std::string& choice);

// Renders `input` in every requested format (its use_color is set for each: colour only on a
// terminal's standard output; nothing else of it changes). Throws InputError when a report cannot
// be written completely (a file that cannot be opened, a failed write, flush or close: a full disk,
// a closed pipe).
void write_reports(const std::vector<ReportOutput>& outputs, report::ReportInput& input);

}  // namespace steward::cli
