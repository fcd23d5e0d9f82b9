// json: the stable machine-readable report, documented in docs/json-output.md.
#include <nlohmann/json.hpp>

#include "findings/verdict.h"
#include "report/formats.h"
#include "report/json_text.h"
#include "report/report_view.h"
#include "source/visible_text.h"

namespace steward::report {
namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const std::string& text) {
  return text.empty() ? Json() : Json(text);
}
// Prose for people (messages, help, reasons): controls escaped visibly. Paths and subjects stay
// exact, since tools match them against files and waivers (json_text escapes their controls).
Json prose_or_null(const std::string& text) {
  return text.empty() ? Json() : Json(visible_text(text, true));
}
// A subject names a thing (an event, a property path, a destination). One longer than this is
// hostile input that every finding about it would repeat, multiplying the report's size: it is
// shortened here (waivers were matched against the whole subject before any report is written).
constexpr size_t kMaxSubjectBytes = 1000;
std::string bounded_subject(const std::string& subject) {
  if (subject.size() <= kMaxSubjectBytes) return subject;
  size_t cut = kMaxSubjectBytes;
  while (cut > 0 && (static_cast<unsigned char>(subject[cut]) & 0xC0) == 0x80)
    --cut;  // not inside a UTF-8 sequence
  return subject.substr(0, cut) + "…";
}
Json number_or_null(uint32_t n) {
  return n == 0 ? Json() : Json(n);
}

Json suppression_json(const findings::Suppression& s) {
  Json j;
  j["kind"] = s.kind == findings::Suppression::Kind::waiver ? "waiver" : "inline";
  j["reason"] = visible_text(s.reason);
  j["approved_by"] = prose_or_null(s.approved_by);
  j["file"] = s.span.valid() ? Json(s.span.file()) : Json();
  j["line"] = s.span.valid() ? Json(s.span.line) : Json();
  return j;
}

Json finding_json(const findings::Finding& finding) {
  const Diagnostic& d = finding.diagnostic;
  const bool head = d.span.valid();
  const bool base = d.base_span.valid();
  Json j;
  j["rule"] = d.rule;
  j["severity"] = to_string(d.severity);
  j["message"] = visible_text(d.message);
  j["file"] = head ? Json(d.span.file()) : Json();
  j["line"] = head ? Json(d.span.line) : Json();
  j["column"] = head ? number_or_null(d.span.column) : Json();
  j["end_line"] = head ? number_or_null(d.span.end_line) : Json();
  j["end_column"] = head ? number_or_null(d.span.end_column) : Json();
  j["base_file"] = base ? Json(d.base_span.file()) : Json();
  j["base_line"] = base ? Json(d.base_span.line) : Json();
  j["base_column"] = base ? number_or_null(d.base_span.column) : Json();
  j["suggestion"] = text_or_null(visible_text(d.suggestion));
  j["help"] = prose_or_null(d.help);
  j["subject"] = text_or_null(bounded_subject(finding.subject));
  if (!finding.subjects.empty()) {  // a group: every subject
    Json subjects = Json::array();
    for (const auto& subject : finding.subjects)
      subjects.push_back(bounded_subject(subject));
    j["subjects"] = std::move(subjects);
  }
  j["fingerprint"] = finding.fingerprint;
  j["new"] = finding.is_new ? Json(*finding.is_new) : Json();
  if (finding.suppressed()) j["suppression"] = suppression_json(finding.suppression);
  return j;
}

Json summary_json(const findings::Summary& s) {
  Json j;
  j["errors"] = s.errors;
  j["warnings"] = s.warnings;
  j["notes"] = s.notes;
  j["suppressed"] = s.suppressed;
  j["reviews"] = s.reviews;
  j["fail_on"] = config::fail_on_name(s.fail_on);
  j["failed"] = s.failed;
  return j;
}

// Writes `findings` as the JSON array that dumping the whole report would give at its place (a
// value of the top-level object: items indented by 4, the closing bracket by 2), one finding at a
// time, so that a report of many findings never holds them all as a JSON tree or as one string.
void write_findings_array(std::ostream& out,
                          const std::vector<const findings::Finding*>& findings) {
  if (findings.empty()) {
    out << "[]";
    return;
  }
  out << "[\n";
  for (size_t i = 0; i < findings.size(); ++i) {
    if (i > 0) out << ",\n";
    const std::string item = json_text(finding_json(*findings[i]));
    // Every line indented by 4 more; a dump has no raw newline inside a string.
    size_t start = 0;
    for (size_t end = item.find('\n'); end != std::string::npos; end = item.find('\n', start)) {
      out << "    ";
      out.write(item.data() + start, static_cast<std::streamsize>(end + 1 - start));
      start = end + 1;
    }
    out << "    ";
    out.write(item.data() + start, static_cast<std::streamsize>(item.size() - start));
  }
  out << "\n  ]";
}

// Where the top-level `"KEY": []` of a dumped report has its `[]`. At the top level a key follows
// a newline and exactly two spaces; nested keys are indented further, and strings hold no raw
// newline, so the first match is the one.
size_t empty_array_of(const std::string& dumped, const std::string& key) {
  const std::string placeholder = "\n  \"" + key + "\": []";
  const size_t at = dumped.find(placeholder);
  return at == std::string::npos ? at : at + placeholder.size() - 2;
}

class JsonReport : public Report {
 public:
  void write(const ReportInput& input, std::ostream& out) const override {
    const ReportView view = make_view(input);
    Json root;
    root["version"] = 1;
    root["tool"] = {{"name", "steward"}, {"version", input.tool_version}};
    root["findings"] = Json::array();    // written in place by write_findings_array
    root["suppressed"] = Json::array();  // likewise
    root["reviews"] = Json::array();
    for (const auto& review : view.reviews) {
      root["reviews"].push_back({{"team", review.team},
                                 {"reason", visible_text(review.reason)},
                                 {"rule", review.rule},
                                 {"file", review.span.valid() ? Json(review.span.file()) : Json()},
                                 {"line", review.span.valid() ? Json(review.span.line) : Json()}});
    }
    root["summary"] = summary_json(input.summary);
    // Invalid UTF-8 in a message becomes U+FFFD rather than an exception.
    const std::string text = json_text(root);
    const size_t shown = empty_array_of(text, "findings");
    const size_t suppressed = empty_array_of(text, "suppressed");
    out.write(text.data(), static_cast<std::streamsize>(shown));
    write_findings_array(out, view.shown);
    out.write(text.data() + shown + 2, static_cast<std::streamsize>(suppressed - shown - 2));
    write_findings_array(out, view.suppressed);
    out.write(text.data() + suppressed + 2,
              static_cast<std::streamsize>(text.size() - suppressed - 2));
    out << '\n';
  }
};

}  // namespace

std::unique_ptr<Report> make_json_report() {
  return std::make_unique<JsonReport>();
}

}  // namespace steward::report
