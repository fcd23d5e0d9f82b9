#include "cli/report_outputs.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string_view>

#include "source/input_error.h"
#include "source/spelling.h"

namespace steward::cli {

std::vector<ReportOutput> parse_report_outputs(const std::vector<std::string>& values) {
  std::vector<ReportOutput> outputs;
  std::vector<std::string> known;
  for (auto name : report::report_formats())
    known.emplace_back(name);
  bool stdout_taken = false;
  for (const auto& value : values) {
    ReportOutput output;
    auto eq = value.find('=');
    output.format = value.substr(0, eq);
    if (eq != std::string::npos) output.path = value.substr(eq + 1);
    if (!report::make_report(output.format)) {
      auto guess = closest_match(output.format, known);
      std::string list;
      for (const auto& k : known)
        list += (list.empty() ? "" : ", ") + k;
      throw InputError(
          "unknown report format '" + output.format + "'",
          guess ? "did you mean '" + *guess + "'? (formats: " + list + ")" : "use one of: " + list);
    }
    if (output.path.empty() || output.path == "-") {
      if (stdout_taken) {
        throw InputError("two formats would both write to standard output",
                         "give the others a file: --format sarif=steward.sarif");
      }
      stdout_taken = true;
      output.path.clear();
    }
    outputs.push_back(std::move(output));
  }
  if (outputs.empty()) outputs.push_back({"text", ""});
  return outputs;
}

// NO_COLOR (no-color.org) wins over FORCE_COLOR (force-color.org: any non-empty value) and
// CLICOLOR_FORCE (bixense.com/clicolors: any value but 0), which turn colour on off a terminal
// (CI logs that render ANSI).
bool use_color(const std::string& choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  auto set = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
  };
  if (set("NO_COLOR")) return false;
  if (set("FORCE_COLOR")) return true;
  if (set("CLICOLOR_FORCE") && std::string_view(std::getenv("CLICOLOR_FORCE")) != "0") return true;
  return isatty(STDOUT_FILENO) == 1;
}

namespace {

// A report that was not written completely must fail the run (exit 2), never pass silently:
// the stream state after the last write and the flush (or close) tells, as ENOSPC, EIO or a
// closed pipe set it.
void write_to_stdout(const report::Report& report, const report::ReportInput& input,
                     const std::string& format) {
  report.write(input, std::cout);
  std::cout.flush();
  if (!std::cout) {
    std::cout.clear();
    throw InputError("cannot write the " + format + " report to standard output",
                     "check that the disk is not full and the output is not closed early");
  }
}

void write_to_file(const report::Report& report, const report::ReportInput& input,
                   const ReportOutput& output) {
  std::ofstream file(output.path, std::ios::binary | std::ios::trunc);
  if (!file) {
    throw InputError("cannot write the " + output.format + " report to '" + output.path + "'",
                     "check that its folder exists and is writable");
  }
  report.write(input, file);
  file.close();
  if (file.fail()) {
    throw InputError("cannot write the " + output.format + " report to '" + output.path +
                         "': the write failed part-way, the file is incomplete",
                     "check that the disk is not full and the file is writable");
  }
}

}  // namespace

void write_reports(const std::vector<ReportOutput>& outputs, report::ReportInput& input) {
  const bool color = input.use_color;
  for (const auto& output : outputs) {
    auto report = report::make_report(output.format);
    input.use_color = color && output.path.empty();
    if (output.path.empty())
      write_to_stdout(*report, input, output.format);
    else
      write_to_file(*report, input, output);
  }
}

}  // namespace steward::cli
