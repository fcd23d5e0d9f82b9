// text: rustc/clang-style diagnostics with code frames, for a terminal or a CI log.
#include <algorithm>

#include "findings/verdict.h"
#include "report/code_frame.h"
#include "report/formats.h"
#include "report/report_view.h"
#include "source/visible_text.h"

namespace steward::report {
namespace {

struct Colors {
  bool on;
  std::string_view pick(std::string_view code) const { return on ? code : std::string_view{}; }
  std::string_view bold() const { return pick("\x1b[1m"); }
  std::string_view accent() const { return pick("\x1b[1;34m"); }
  std::string_view green() const { return pick("\x1b[1;32m"); }
  std::string_view reset() const { return pick("\x1b[0m"); }
  std::string_view severity(Severity s) const {
    switch (s) {
      case Severity::error:
        return pick("\x1b[1;31m");
      case Severity::warning:
        return pick("\x1b[1;33m");
      case Severity::note:
        return pick("\x1b[1;36m");
    }
    return {};
  }
};

void write_location(std::ostream& out, std::string_view arrow, const Span& span, size_t width,
                    std::string_view suffix, const Colors& c) {
  out << std::string(width, ' ') << c.accent() << arrow << c.reset() << ' '
      << visible_text(span.file()) << ':' << span.line << ':' << span.column << suffix << '\n';
}

// "  = help: text", with continuation lines indented under the text. Only `keep_newlines` text
// (a rule pack's help) may span lines; every other control character is escaped visibly.
void write_note(std::ostream& out, std::string_view label, std::string_view raw, size_t width,
                const Colors& c, bool keep_newlines) {
  std::string indent(width + 3 + label.size() + 2, ' ');
  out << std::string(width + 1, ' ') << c.accent() << '=' << c.reset() << ' ' << c.bold() << label
      << ':' << c.reset() << ' ';
  for (char ch : visible_text(raw, keep_newlines)) {
    out << ch;
    if (ch == '\n') out << indent;
  }
  out << '\n';
}

void write_finding(std::ostream& out, const findings::Finding& finding, const Colors& c) {
  const Diagnostic& d = finding.diagnostic;
  out << c.severity(d.severity) << to_string(d.severity) << '[' << visible_text(d.rule) << ']'
      << c.reset() << c.bold() << ": " << visible_text(d.message) << c.reset() << '\n';

  const bool head = d.span.valid();
  const bool base = d.base_span.valid();
  size_t width = 1;
  if (head) width = std::max(width, gutter_width(d.span));
  if (base) width = std::max(width, gutter_width(d.base_span));
  const Palette palette{c.accent(), c.severity(d.severity), c.reset()};
  if (head) {
    write_location(out, "-->", d.span, width, "", c);
    write_code_frame(out, d.span, width, palette);
  }
  if (base) {
    write_location(out, head ? ":::" : "-->", d.base_span, width, " (base)", c);
    write_code_frame(out, d.base_span, width, palette);
  }
  if (!d.help->empty()) write_note(out, "help", *d.help, width, c, true);
  if (!d.suggestion.empty()) write_note(out, "suggestion", d.suggestion, width, c, false);
  out << '\n';
}

// "note: 120 more findings of pii.unclassified-property are not shown ...", one line per rule.
void write_omitted(std::ostream& out, const std::vector<OmittedFindings>& omitted,
                   const Colors& c) {
  for (const auto& rule : omitted) {
    out << c.severity(Severity::note) << "note" << c.reset() << ": "
        << count_of(rule.count, "more finding", "more findings") << " of "
        << visible_text(rule.rule) << " not shown (the first " << kShownPerRule
        << " are above); --format json=PATH lists them all\n\n";
  }
}

void write_summary(std::ostream& out, const ReportView& view, const findings::Summary& summary,
                   const Colors& c) {
  if (!view.reviews.empty()) {
    out << c.bold() << "reviews required:" << c.reset() << '\n';
    for (const auto& review : view.reviews) {
      out << "  " << visible_text(review.team) << ": " << visible_text(review.reason) << '\n';
    }
    out << '\n';
  }
  out << c.bold() << "summary:" << c.reset() << ' ' << severity_counts(summary);
  if (summary.suppressed > 0) out << ", " << summary.suppressed << " suppressed";
  if (summary.reviews > 0) {
    out << ", " << count_of(summary.reviews, "review", "reviews") << " required";
  }
  out << '\n';
  const std::string_view fail_on = config::fail_on_name(summary.fail_on);
  if (summary.failed) {
    out << c.severity(Severity::error) << "failed" << c.reset() << ": "
        << count_of(findings::failing_count(summary), "finding", "findings") << " at or above "
        << fail_on << '\n';
  } else {
    out << c.green() << "passed" << c.reset() << " (fail-on: " << fail_on << ")\n";
  }
}

class TextReport : public Report {
 public:
  void write(const ReportInput& input, std::ostream& out) const override {
    const Colors colors{input.use_color};
    const ReportView view = make_view(input);
    if (!input.change_summary_text.empty()) {
      out << colors.bold() << "changes:" << colors.reset() << '\n' << input.change_summary_text;
      if (input.change_summary_text.back() != '\n') out << '\n';
      out << '\n';
    }
    const CappedFindings capped = cap_per_rule(view.shown, kShownPerRule);
    for (const auto* finding : capped.shown)
      write_finding(out, *finding, colors);
    write_omitted(out, capped.omitted, colors);
    write_summary(out, view, input.summary, colors);
  }
};

}  // namespace

std::unique_ptr<Report> make_text_report() {
  return std::make_unique<TextReport>();
}

}  // namespace steward::report
