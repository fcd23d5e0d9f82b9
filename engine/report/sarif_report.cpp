// sarif: SARIF 2.1.0 as GitHub code scanning accepts it: rules with short and full descriptions
// and help, results with a relative location, partialFingerprints and a baselineState.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "report/formats.h"
#include "report/json_text.h"
#include "report/report_view.h"
#include "source/visible_text.h"

namespace steward::report {
namespace {

using Json = nlohmann::ordered_json;

std::string_view level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

Json rule_json(const findings::RuleInfo& rule) {
  const std::string full =
      visible_text(rule.description.empty() ? rule.title : rule.description, true);
  std::string text = full;
  std::string markdown = "**" + markdown_literal(rule.title) + "**\n\n" + full;
  if (!rule.help_uri.empty()) {
    text += "\n\nDocumentation: " + rule.help_uri;
    markdown += "\n\n[Documentation](" + rule.help_uri + ")";
  }
  Json j;
  j["id"] = rule.id;
  j["shortDescription"] = {{"text", visible_text(rule.title)}};
  j["fullDescription"] = {{"text", full}};
  j["help"] = {{"text", text}, {"markdown", markdown}};
  if (!rule.help_uri.empty()) j["helpUri"] = rule.help_uri;
  j["defaultConfiguration"] = {{"level", level(rule.default_severity)}};
  // The pack a rule belongs to is the part of its id before the first dot; then the rule's own
  // `tags [...]` (GitHub code scanning filters alerts by them, "security" among others).
  Json tags = Json::array({rule.id.substr(0, rule.id.find('.'))});
  for (const auto& tag : rule.tags) {
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(visible_text(tag));
  }
  j["properties"] = {{"tags", tags}};
  return j;
}

// The result writers append the text that json_text gives for the JSON trees above, without the
// trees: a report of many findings holds neither a tree of every result nor the whole text.
// SARIF counts characters (columnKind unicodeCodePoints), and its endColumn is the column after
// the region; Span's end_column is inclusive.
void append_region(std::string& out, size_t indent, const Span& span) {
  ObjectText r(out, indent);
  r.number("startLine", span.line);
  if (span.column > 0)
    r.number("startColumn", character_column(*span.source, span.line, span.column));
  if (span.end_line >= span.line && span.end_line > 0 && span.end_column > 0) {
    r.number("endLine", span.end_line);
    r.number("endColumn", character_column(*span.source, span.end_line, span.end_column + 1));
  }
  r.close();
}

// artifactLocation.uri is a URI reference relative to %SRCROOT%, not a path: percent-encoded,
// so "per%cent" and "https:x.yaml" (which would read as a scheme) mean the file they name.
void append_artifact_location(ObjectText& parent, const std::string& path) {
  ObjectText a(parent.member("artifactLocation"), parent.indent() + 2);
  a.string("uri", uri_reference(path));
  a.string("uriBaseId", "%SRCROOT%");
  a.close();
}

// "physicalLocation": the file and the span's region, or with no span, line 1 of `path`.
void append_physical_location(ObjectText& parent, const std::string& path, const Span* span) {
  ObjectText p(parent.member("physicalLocation"), parent.indent() + 2);
  append_artifact_location(p, path);
  if (span != nullptr) {
    append_region(p.member("region"), p.indent() + 2, *span);
  } else {
    ObjectText r(p.member("region"), p.indent() + 2);
    r.number("startLine", 1);
    r.close();
  }
  p.close();
}

// An object of one member "text".
void append_text_object(ObjectText& parent, std::string_view name, std::string_view text) {
  ObjectText t(parent.member(name), parent.indent() + 2);
  t.string("text", text);
  t.close();
}

void append_fix(std::string& out, size_t indent, const findings::TextEdit& edit,
                const std::string& description) {
  ObjectText fix(out, indent);
  if (!description.empty()) append_text_object(fix, "description", visible_text(description));
  ArrayText changes(fix.member("artifactChanges"), fix.indent() + 2);
  ObjectText change(changes.item(), changes.indent() + 2);
  append_artifact_location(change, edit.range.file());
  ArrayText replacements(change.member("replacements"), change.indent() + 2);
  ObjectText replacement(replacements.item(), replacements.indent() + 2);
  append_region(replacement.member("deletedRegion"), replacement.indent() + 2, edit.range);
  append_text_object(replacement, "insertedContent", edit.replacement);
  replacement.close();
  replacements.close();
  change.close();
  changes.close();
  fix.close();
}

void append_locations(ObjectText& result, const findings::Finding& finding,
                      const ReportInput& input) {
  const Diagnostic& d = finding.diagnostic;
  const Span& primary = findings::primary_span(finding);
  ArrayText locations(result.member("locations"), result.indent() + 2);
  ObjectText location(locations.item(), locations.indent() + 2);
  primary.valid() ? append_physical_location(location, primary.file(), &primary)
                  : append_physical_location(location, input.fallback_path, nullptr);
  location.close();
  locations.close();
  if (d.span.valid() && d.base_span.valid()) {
    ArrayText related(result.member("relatedLocations"), result.indent() + 2);
    ObjectText at_base(related.item(), related.indent() + 2);
    at_base.number("id", 1);
    append_physical_location(at_base, d.base_span.file(), &d.base_span);
    append_text_object(at_base, "message", "at base");
    at_base.close();
    related.close();
  }
}

void append_result(std::string& out, size_t indent, const findings::Finding& finding,
                   const ReportView& view, const ReportInput& input) {
  const Diagnostic& d = finding.diagnostic;
  ObjectText j(out, indent);
  j.string("ruleId", d.rule);
  j.number("ruleIndex", view.rule_index(d.rule));
  j.string("level", level(d.severity));
  std::string text = visible_text(d.message);
  if (!d.suggestion.empty()) text += "\n\nSuggestion: " + visible_text(d.suggestion);
  append_text_object(j, "message", text);
  append_locations(j, finding, input);
  ObjectText fingerprints(j.member("partialFingerprints"), j.indent() + 2);
  fingerprints.string("primaryLocationLineHash", finding.line_hash);
  fingerprints.string("steward/v1", finding.fingerprint);
  fingerprints.close();
  if (finding.is_new) j.string("baselineState", *finding.is_new ? "new" : "unchanged");
  if (finding.suppressed()) {
    const bool inline_comment =
        finding.suppression->kind == findings::Suppression::Kind::inline_comment;
    ArrayText suppressions(j.member("suppressions"), j.indent() + 2);
    ObjectText suppression(suppressions.item(), suppressions.indent() + 2);
    suppression.string("kind", inline_comment ? "inSource" : "external");
    suppression.string("status", "accepted");
    suppression.prose("justification", finding.suppression->reason);
    suppression.close();
    suppressions.close();
  }
  const auto valid = [](const findings::TextEdit& edit) { return edit.range.valid(); };
  if (std::any_of(finding.fixes.begin(), finding.fixes.end(), valid)) {
    ArrayText fixes(j.member("fixes"), j.indent() + 2);
    for (const auto& edit : finding.fixes) {
      if (valid(edit)) append_fix(fixes.item(), fixes.indent() + 2, edit, d.suggestion);
    }
    fixes.close();
  }
  j.close();
}

// Writes the results as the array that dumping the whole report would give at the place of
// run's "results" (items indented by 8, the closing bracket by 6), a part at a time.
void write_results(std::ostream& out, const ReportView& view, const ReportInput& input) {
  constexpr size_t kPart = 64 * 1024;
  std::string text;
  ArrayText results(text, 6);
  for (const auto& findings : {&view.shown, &view.suppressed}) {
    for (const auto* finding : *findings) {
      append_result(results.item(), 8, *finding, view, input);
      if (text.size() >= kPart) {
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        text.clear();
      }
    }
  }
  results.close();
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

class SarifReport : public Report {
 public:
  void write(const ReportInput& input, std::ostream& out) const override {
    const ReportView view = make_view(input);
    Json driver;
    driver["name"] = "steward";
    driver["version"] = input.tool_version;
    driver["rules"] = Json::array();
    for (const auto& rule : view.rules)
      driver["rules"].push_back(rule_json(rule));

    Json run;
    run["tool"] = {{"driver", driver}};
    run["originalUriBaseIds"] = {
        {"%SRCROOT%", {{"description", {{"text", "The root of the repository."}}}}}};
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = Json::array();  // written in place by write_results

    Json root;
    root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    root["version"] = "2.1.0";
    root["runs"] = Json::array({run});
    const std::string text = json_text(root);
    // run's members are the only lines indented by 6 spaces; strings hold no raw newline.
    const std::string placeholder = "\n      \"results\": []";
    const size_t at = text.find(placeholder) + placeholder.size() - 2;
    out.write(text.data(), static_cast<std::streamsize>(at));
    write_results(out, view, input);
    out.write(text.data() + at + 2, static_cast<std::streamsize>(text.size() - at - 2));
    out << '\n';
  }
};

}  // namespace

std::unique_ptr<Report> make_sarif_report() {
  return std::make_unique<SarifReport>();
}

}  // namespace steward::report
