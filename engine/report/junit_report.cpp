// junit: one test suite, one test case per rule that ran, a <failure> per finding; rules without
// findings pass. CI systems (GitLab, Jenkins, Azure) show it as a test report.
#include <algorithm>
#include <map>

#include "report/formats.h"
#include "report/report_view.h"
#include "source/markup_escape.h"
#include "source/visible_text.h"

namespace steward::report {
namespace {

std::string location_of(const findings::Finding& finding) {
  const Span& span = findings::primary_span(finding);
  if (!span.valid()) return {};
  std::string text = visible_text(span.file()) + ":" + std::to_string(span.line);
  if (span.column > 0) text += ":" + std::to_string(span.column);
  return text;
}

class JunitReport : public Report {
 public:
  void write(const ReportInput& input, std::ostream& out) const override {
    const ReportView view = make_view(input);
    std::map<std::string, std::vector<const findings::Finding*>> by_rule;
    for (const auto& rule : view.rules)
      by_rule[rule.id];
    for (const auto* finding : view.shown)
      by_rule[finding->diagnostic.rule].push_back(finding);
    size_t failed = 0;
    for (const auto& [id, list] : by_rule)
      failed += list.empty() ? 0 : 1;

    const std::string counts = "tests=\"" + std::to_string(by_rule.size()) + "\" failures=\"" +
                               std::to_string(failed) + "\" errors=\"0\"";
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<testsuites name=\"steward\" " << counts << ">\n";
    out << "  <testsuite name=\"steward\" " << counts << " skipped=\"0\">\n";
    for (const auto& [id, list] : by_rule) {
      const std::string pack = id.substr(0, id.find('.'));
      out << "    <testcase name=\"" << xml_escape(visible_text(id), true)
          << "\" classname=\"steward." << xml_escape(visible_text(pack), true) << "\"";
      if (list.empty()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      for (const auto* finding : list) {
        const Diagnostic& d = finding->diagnostic;
        std::string location = location_of(*finding);
        const std::string message = visible_text(d.message);
        std::string text = (location.empty() ? "" : location + ": ") + message;
        if (!d.suggestion.empty()) text += "\nsuggestion: " + visible_text(d.suggestion);
        out << "      <failure type=\"" << to_string(d.severity) << "\" message=\""
            << xml_escape(message, true) << "\">" << xml_escape(text) << "</failure>\n";
      }
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n</testsuites>\n";
  }
};

}  // namespace

std::unique_ptr<Report> make_junit_report() {
  return std::make_unique<JunitReport>();
}

}  // namespace steward::report
