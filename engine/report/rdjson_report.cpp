// rdjson: reviewdog's diagnostic format (DiagnosticResult), for `reviewdog -f=rdjson`.
#include <nlohmann/json.hpp>

#include "report/formats.h"
#include "report/json_text.h"
#include "report/report_view.h"
#include "source/visible_text.h"

namespace steward::report {
namespace {

using Json = nlohmann::ordered_json;

std::string_view rd_severity(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "ERROR";
    case Severity::warning:
      return "WARNING";
    case Severity::note:
      return "INFO";
  }
  return "ERROR";
}

// rdjson columns count UTF-8 bytes, as Span's do; its range end is exclusive, Span's inclusive.
Json range(const Span& span) {
  Json r = {{"start", {{"line", span.line}, {"column", span.column}}}};
  if (span.end_line >= span.line && span.end_column > 0) {
    r["end"] = {{"line", span.end_line}, {"column", span.end_column + 1}};
  }
  return r;
}

class RdjsonReport : public Report {
 public:
  void write(const ReportInput& input, std::ostream& out) const override {
    const ReportView view = make_view(input);
    Json diagnostics = Json::array();
    for (const auto* finding : view.shown) {
      const Diagnostic& d = finding->diagnostic;
      const Span& span = findings::primary_span(*finding);
      Json j;
      std::string message = visible_text(d.message);
      if (!d.suggestion.empty()) message += "\nsuggestion: " + visible_text(d.suggestion);
      j["message"] = message;
      j["location"] = span.valid() ? Json{{"path", span.file()}, {"range", range(span)}}
                                   : Json{{"path", input.fallback_path}};
      j["severity"] = rd_severity(d.severity);
      j["source"] = {{"name", "steward"}};
      Json code = {{"value", d.rule}};
      const auto& rule = view.rules[view.rule_index(d.rule)];
      if (!rule.help_uri.empty()) code["url"] = rule.help_uri;
      j["code"] = code;
      // Only concrete text replacements become suggestions; prose suggestions stay in the message.
      Json suggestions = Json::array();
      for (const auto& edit : finding->fixes) {
        if (edit.range.valid()) {
          suggestions.push_back({{"range", range(edit.range)}, {"text", edit.replacement}});
        }
      }
      if (!suggestions.empty()) j["suggestions"] = std::move(suggestions);
      diagnostics.push_back(std::move(j));
    }
    Json root;
    root["source"] = {{"name", "steward"}};
    root["diagnostics"] = std::move(diagnostics);
    out << json_text(root) << '\n';
  }
};

}  // namespace

std::unique_ptr<Report> make_rdjson_report() {
  return std::make_unique<RdjsonReport>();
}

}  // namespace steward::report
