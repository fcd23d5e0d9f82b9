// markdown: the pull-request comment.
#include "report/markdown_report.h"

#include <algorithm>

#include "findings/rule_doc_url.h"
#include "findings/verdict.h"
#include "report/formats.h"
#include "report/markdown_text.h"
#include "report/report_view.h"
#include "source/visible_text.h"

namespace steward::report {
namespace {

constexpr size_t kOpenLimit = 10;   // longer groups are collapsed in <details>
constexpr size_t kItemLimit = 100;  // keeps the comment under GitHub's 65,536 characters

// "[`path:line`](url)" or "`path:line`"; base-only locations are never links (the blob is head's).
// The path is a code span with a fence no backtick in it can close, and percent-encoded in URLs.
std::string location_text(const findings::Finding& finding, const std::string& blob_url) {
  const Diagnostic& d = finding.diagnostic;
  if (!d.span.valid() && !d.base_span.valid()) return {};
  const Span& span = d.span.valid() ? d.span : d.base_span;
  std::string text = markdown_code_span(span.file() + ":" + std::to_string(span.line));
  if (!d.span.valid()) return text + " (base)";
  if (blob_url.empty()) return text;
  std::string url = blob_url + "/" + uri_reference(span.file()) + "#L" + std::to_string(span.line);
  if (span.end_line > span.line) url += "-L" + std::to_string(span.end_line);
  return "[" + text + "](" + url + ")";
}

// "**rule**", linked to the rule's documentation when it has an absolute URL.
std::string rule_text(const std::string& rule, const findings::RuleTable& rules) {
  std::string text = "**" + markdown_literal(rule) + "**";
  const findings::RuleInfo* info = findings::find_rule(rules, rule);
  if (!info || !findings::is_absolute_url(info->help_uri)) return text;
  return "[" + text + "](" + info->help_uri + ")";
}

void write_item(std::ostream& out, const findings::Finding& finding, const ReportInput& input) {
  const Diagnostic& d = finding.diagnostic;
  std::string location = location_text(finding, input.blob_url);
  out << "- " << (location.empty() ? "" : location + " ") << rule_text(d.rule, input.rules) << ": "
      << markdown_escape(d.message);
  if (finding.is_new && !*finding.is_new) out << " *(also at base)*";
  out << '\n';
  if (!d.suggestion.empty()) out << "  <br>💡 " << markdown_escape(d.suggestion) << '\n';
  if (finding.suppressed()) {
    bool waiver = finding.suppression->kind == findings::Suppression::Kind::waiver;
    out << "  <br>" << (waiver ? "waived" : "suppressed inline") << ": "
        << markdown_escape(finding.suppression->reason);
    if (!finding.suppression->approved_by.empty()) {
      out << " (approved by " << markdown_escape(finding.suppression->approved_by) << ")";
    }
    out << '\n';
  }
}

void write_group(std::ostream& out, std::string_view title,
                 const std::vector<const findings::Finding*>& items, const ReportInput& input,
                 bool open_when_long) {
  if (items.empty()) return;
  std::string heading = std::string(title) + " (" + std::to_string(items.size()) + ")";
  const bool collapse = items.size() > kOpenLimit;
  if (collapse) {
    out << (open_when_long ? "<details open>" : "<details>") << "<summary><b>" << heading
        << "</b></summary>\n\n";
  } else {
    out << "#### " << heading << "\n\n";
  }
  for (size_t i = 0; i < items.size() && i < kItemLimit; ++i)
    write_item(out, *items[i], input);
  if (items.size() > kItemLimit) {
    out << "- … and " << items.size() - kItemLimit
        << " more: see the job log or the SARIF upload\n";
  }
  out << (collapse ? "\n</details>\n\n" : "\n");
}

void write_verdict(std::ostream& out, const findings::Summary& summary) {
  const std::string_view fail_on = config::fail_on_name(summary.fail_on);
  out << "### " << (summary.failed ? "❌" : "✅") << " steward: " << severity_counts(summary)
      << "\n\n";
  if (summary.failed) {
    out << "**Failed**: " << count_of(findings::failing_count(summary), "finding", "findings")
        << " at or above `" << fail_on << "`.";
  } else {
    out << "**Passed**: no finding at or above `" << fail_on << "`.";
  }
  if (summary.suppressed > 0) out << " " << summary.suppressed << " suppressed or waived.";
  out << "\n\n";
}

}  // namespace

void write_markdown(const ReportInput& input, std::ostream& out) {
  const ReportView view = make_view(input);
  out << kMarkdownMarker << '\n';
  write_verdict(out, input.summary);

  if (!view.reviews.empty()) {
    out << "#### Reviews required\n\n";
    for (const auto& review : view.reviews) {
      out << "- **" << markdown_escape(review.team) << "**: " << markdown_escape(review.reason)
          << '\n';
    }
    out << '\n';
  }

  const CappedFindings capped = cap_per_rule(view.shown, kShownPerRule);
  std::vector<const findings::Finding*> errors, warnings, notes;
  for (const auto* finding : capped.shown) {
    switch (finding->diagnostic.severity) {
      case Severity::error:
        errors.push_back(finding);
        break;
      case Severity::warning:
        warnings.push_back(finding);
        break;
      case Severity::note:
        notes.push_back(finding);
        break;
    }
  }
  write_group(out, "Errors", errors, input, true);
  write_group(out, "Warnings", warnings, input, false);
  write_group(out, "Notes", notes, input, false);
  for (const auto& rule : capped.omitted) {
    out << "- … and " << count_of(rule.count, "more finding", "more findings") << " of **"
        << markdown_literal(rule.rule) << "** (the first " << kShownPerRule
        << " are above): see the job log or the SARIF upload\n";
  }
  if (!capped.omitted.empty()) out << '\n';

  if (!input.change_summary_markdown.empty()) {
    out << "<details open><summary><b>Changes</b></summary>\n\n" << input.change_summary_markdown;
    if (input.change_summary_markdown.back() != '\n') out << '\n';
    out << "\n</details>\n\n";
  }
  if (!view.suppressed.empty()) {
    out << "<details><summary>Suppressed and waived (" << view.suppressed.size()
        << ")</summary>\n\n";
    for (size_t i = 0; i < view.suppressed.size() && i < kItemLimit; ++i) {
      write_item(out, *view.suppressed[i], input);
    }
    out << "\n</details>\n\n";
  }
  out << "<sub>steward " << markdown_escape(input.tool_version) << " · fail-on `"
      << config::fail_on_name(input.summary.fail_on) << "`</sub>\n";
}

namespace {

class MarkdownReport : public Report {
 public:
  void write(const ReportInput& input, std::ostream& out) const override {
    write_markdown(input, out);
  }
};

}  // namespace

std::unique_ptr<Report> make_markdown_report() {
  return std::make_unique<MarkdownReport>();
}

}  // namespace steward::report
