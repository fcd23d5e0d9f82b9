#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "findings/finding.h"
#include "findings/rule_info.h"
#include "findings/verdict.h"
#include "source/diagnostic.h"

namespace steward::report {

// Reads an environment variable; injectable so tests do not depend on the process environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// Everything a report renders: one evaluation, many reports.
struct ReportInput {
  findings::Findings findings;         // every finding, suppressed ones too; any order
  std::vector<ReviewRequest> reviews;  // duplicates are fine: reports show each (team, reason) once
  findings::RuleTable rules;           // the rules that ran (JUnit: one test case each)
  findings::Summary summary;           // findings::summarize(findings, reviews, fail_on)
  std::string tool_version;            // "0.1.0"

  // The semantic change summary, pre-rendered by the diff stage; empty: none to show.
  std::string change_summary_markdown;
  std::string change_summary_text;

  bool use_color = false;  // text: ANSI colours (the CLI decides: a terminal and no NO_COLOR)
  // markdown: links findings to "<blob_url>/<path>#L<line>", e.g.
  // "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA"; empty: plain file:line.
  std::string blob_url;
  // sarif and gitlab need a file for every result: findings with no span point here.
  std::string fallback_path = "steward.yaml";
  EnvLookup getenv;  // null: the process environment (github: GITHUB_STEP_SUMMARY)
};

// One output format. Each format is one file in engine/report, registered in report_factory.cpp.
class Report {
 public:
  virtual ~Report() = default;
  // Throws InputError when a side output cannot be written (github's job summary file).
  virtual void write(const ReportInput& input, std::ostream& out) const = 0;
};

// The report for a format name ("text", "json", "sarif", "github", "gitlab", "junit", "markdown",
// "rdjson"), or null for an unknown name.
std::unique_ptr<Report> make_report(std::string_view format);

// The format names make_report knows, sorted.
const std::vector<std::string_view>& report_formats();

}  // namespace steward::report
