// json: the stable machine-readable report, documented in docs/json-output.md.
#include <charconv>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "findings/verdict.h"
#include "report/formats.h"
#include "report/json_text.h"
#include "report/report_view.h"
#include "source/visible_text.h"

namespace steward::report {
namespace {

using Json = nlohmann::ordered_json;

// A subject names a thing (an event, a property path, a destination). One longer than this is
// hostile input that every finding about it would repeat, multiplying the report's size: it is
// shortened here (waivers were matched against the whole subject before any report is written).
constexpr size_t kMaxSubjectBytes = 1000;
std::string_view bounded_subject(std::string_view subject, std::string& buffer) {
  if (subject.size() <= kMaxSubjectBytes) return subject;
  size_t cut = kMaxSubjectBytes;
  while (cut > 0 && (static_cast<unsigned char>(subject[cut]) & 0xC0) == 0x80)
    --cut;  // not inside a UTF-8 sequence
  buffer.assign(subject.substr(0, cut)).append("…");
  return buffer;
}

void append_suppression(ObjectText& finding, const findings::Suppression& s) {
  ObjectText j(finding.member("suppression"), finding.indent() + 2);
  j.string("kind", s.kind == findings::Suppression::Kind::waiver ? "waiver" : "inline");
  j.prose("reason", s.reason);
  j.prose_or_null("approved_by", s.approved_by, true);
  s.span.valid() ? j.string("file", s.span.file()) : j.null("file");
  s.span.valid() ? j.number("line", s.span.line) : j.null("line");
  j.close();
}

// Appends a finding's object at `indent` spaces; `buffer` is scratch space.
void append_finding(std::string& out, size_t indent, const findings::Finding& finding,
                    std::string& buffer) {
  const Diagnostic& d = finding.diagnostic;
  const bool head = d.span.valid();
  const bool base = d.base_span.valid();
  ObjectText j(out, indent);
  j.string("rule", d.rule);
  j.string("severity", to_string(d.severity));
  j.prose("message", d.message);
  head ? j.string("file", d.span.file()) : j.null("file");
  head ? j.number("line", d.span.line) : j.null("line");
  j.number_or_null("column", head ? d.span.column : 0);
  j.number_or_null("end_line", head ? d.span.end_line : 0);
  j.number_or_null("end_column", head ? d.span.end_column : 0);
  base ? j.string("base_file", d.base_span.file()) : j.null("base_file");
  base ? j.number("base_line", d.base_span.line) : j.null("base_line");
  j.number_or_null("base_column", base ? d.base_span.column : 0);
  j.prose_or_null("suggestion", d.suggestion);
  j.prose_or_null("help", *d.help, true);
  j.string_or_null("subject", bounded_subject(finding.subject, buffer));
  if (!finding.subjects.empty()) {  // a group: every subject
    ArrayText subjects(j.member("subjects"), j.indent() + 2);
    for (const auto& subject : finding.subjects)
      append_json_string(subjects.item(), bounded_subject(subject, buffer));
    subjects.close();
  }
  j.string("fingerprint", finding.fingerprint);
  finding.is_new ? j.boolean("new", *finding.is_new) : j.null("new");
  if (finding.suppressed()) append_suppression(j, *finding.suppression);
  j.close();
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
// value of the top-level object: items indented by 4, the closing bracket by 2), a part at a time,
// so that a report of many findings never holds them all as a JSON tree or as one string.
void write_findings_array(std::ostream& out,
                          const std::vector<const findings::Finding*>& findings) {
  if (findings.empty()) {
    out << "[]";
    return;
  }
  constexpr size_t kPart = 64 * 1024;
  std::string text = "[\n";
  std::string buffer;
  for (size_t i = 0; i < findings.size(); ++i) {
    text.append(i == 0 ? "    " : ",\n    ");
    append_finding(text, 4, *findings[i], buffer);
    if (text.size() >= kPart) {
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      text.clear();
    }
  }
  text.append("\n  ]");
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
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
