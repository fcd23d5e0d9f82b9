// gitlab: a Code Quality report (artifacts:reports:codequality). GitLab knows five severities;
// steward maps error -> major, warning -> minor, note -> info (docs/report-formats.md).
#include <nlohmann/json.hpp>
#include <set>

#include "report/formats.h"
#include "report/json_text.h"
#include "report/report_view.h"
#include "source/visible_text.h"

namespace steward::report {
namespace {

using Json = nlohmann::ordered_json;

std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "major";
    case Severity::warning:
      return "minor";
    case Severity::note:
      return "info";
  }
  return "major";
}

class GitlabReport : public Report {
 public:
  void write(const ReportInput& input, std::ostream& out) const override {
    const ReportView view = make_view(input);
    Json issues = Json::array();
    // GitLab stops reading at a duplicate fingerprint; fingerprints are unique by construction,
    // and this keeps it so even for findings made without assign_fingerprints.
    std::set<std::string> seen;
    for (const auto* finding : view.shown) {
      const Diagnostic& d = finding->diagnostic;
      std::string fingerprint = finding->fingerprint.empty() ? d.rule : finding->fingerprint;
      for (int n = 2; !seen.insert(fingerprint).second; ++n) {
        fingerprint = finding->fingerprint + "-" + std::to_string(n);
      }
      const Span& span = findings::primary_span(*finding);
      Json lines = {{"begin", span.valid() ? span.line : 1}};
      if (span.valid() && span.end_line > span.line) lines["end"] = span.end_line;

      Json issue;
      issue["type"] = "issue";
      issue["check_name"] = d.rule;
      issue["description"] = visible_text(d.message);
      std::string body = visible_text(*d.help, true);
      if (!d.suggestion.empty()) body += (body.empty() ? "" : "\n\n") + visible_text(d.suggestion);
      if (!body.empty()) issue["content"] = {{"body", body}};
      issue["fingerprint"] = fingerprint;
      issue["severity"] = gitlab_severity(d.severity);
      issue["location"] = {{"path", span.valid() ? span.file() : input.fallback_path},
                           {"lines", lines}};
      issue["engine_name"] = "steward";
      issues.push_back(std::move(issue));
    }
    out << json_text(issues) << '\n';
  }
};

}  // namespace

std::unique_ptr<Report> make_gitlab_report() {
  return std::make_unique<GitlabReport>();
}

}  // namespace steward::report
