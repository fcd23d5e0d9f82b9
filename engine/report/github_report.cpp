// github: workflow-command annotations on the pull request's files, errors first, and the
// Markdown report appended to the job summary ($GITHUB_STEP_SUMMARY) when Actions provides one.
#include <fstream>

#include "report/formats.h"
#include "report/github_escape.h"
#include "report/markdown_report.h"
#include "report/report_view.h"
#include "source/input_error.h"
#include "source/visible_text.h"

namespace steward::report {
namespace {

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "notice";
  }
  return "error";
}

void write_annotation(std::ostream& out, const findings::Finding& finding) {
  const Diagnostic& d = finding.diagnostic;
  out << "::" << command(d.severity) << ' ';
  const Span& span = findings::primary_span(finding);
  if (span.valid()) {
    out << "file=" << github_escape_property(visible_text(span.file())) << ",line=" << span.line;
    // Columns in characters, the end inclusive.
    if (span.column > 0) out << ",col=" << character_column(*span.source, span.line, span.column);
    if (span.end_line >= span.line && span.end_line > 0) {
      out << ",endLine=" << span.end_line;
      if (span.end_column > 0) {
        // The character that holds the last byte: one before the character after the span.
        out << ",endColumn="
            << character_column(*span.source, span.end_line, span.end_column + 1) - 1;
      }
    }
    out << ',';
  }
  out << "title=" << github_escape_property(visible_text(d.rule)) << "::";
  // Controls in the data are escaped visibly; the only newline is steward's own, as %0A.
  std::string message = visible_text(d.message);
  if (!d.span.valid() && d.base_span.valid()) message += " (at base)";
  if (!d.suggestion.empty()) message += "\nsuggestion: " + visible_text(d.suggestion);
  out << github_escape_data(message) << '\n';
}

void append_step_summary(const ReportInput& input) {
  auto path = lookup_env(input, "GITHUB_STEP_SUMMARY");
  if (!path || path->empty()) return;
  std::ofstream summary(*path, std::ios::app | std::ios::binary);
  if (summary) write_markdown(input, summary);
  summary.close();  // the flush can fail too (a full disk)
  if (summary.fail()) {
    throw InputError("cannot append the job summary to " + *path,
                     "check that GITHUB_STEP_SUMMARY names a writable file");
  }
}

class GithubReport : public Report {
 public:
  void write(const ReportInput& input, std::ostream& out) const override {
    const ReportView view = make_view(input);
    for (Severity severity : {Severity::error, Severity::warning, Severity::note}) {
      for (const auto* finding : view.shown) {
        if (finding->diagnostic.severity == severity) write_annotation(out, *finding);
      }
    }
    append_step_summary(input);
  }
};

}  // namespace

std::unique_ptr<Report> make_github_report() {
  return std::make_unique<GithubReport>();
}

}  // namespace steward::report
