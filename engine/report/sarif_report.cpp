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

Json region(const Span& span) {
  Json r;
  r["startLine"] = span.line;
  if (span.column > 0) r["startColumn"] = character_column(*span.source, span.line, span.column);
  if (span.end_line >= span.line && span.end_line > 0 && span.end_column > 0) {
    r["endLine"] = span.end_line;
    // SARIF counts characters (columnKind unicodeCodePoints), and its endColumn is the column after
    // the region; Span's end_column is inclusive.
    r["endColumn"] = character_column(*span.source, span.end_line, span.end_column + 1);
  }
  return r;
}

// artifactLocation.uri is a URI reference relative to %SRCROOT%, not a path: percent-encoded,
// so "per%cent" and "https:x.yaml" (which would read as a scheme) mean the file they name.
Json artifact_location(const std::string& path) {
  return {{"uri", uri_reference(path)}, {"uriBaseId", "%SRCROOT%"}};
}

Json physical_location(const std::string& path, const Json& region_json) {
  Json artifact = artifact_location(path);
  return {{"artifactLocation", artifact}, {"region", region_json}};
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

Json fix_json(const findings::TextEdit& edit, const std::string& description) {
  Json replacement = {{"deletedRegion", region(edit.range)},
                      {"insertedContent", {{"text", edit.replacement}}}};
  Json change = {{"artifactLocation", artifact_location(edit.range.file())},
                 {"replacements", Json::array({replacement})}};
  Json fix;
  if (!description.empty()) fix["description"] = {{"text", visible_text(description)}};
  fix["artifactChanges"] = Json::array({change});
  return fix;
}

Json result_json(const findings::Finding& finding, const ReportView& view,
                 const ReportInput& input) {
  const Diagnostic& d = finding.diagnostic;
  Json j;
  j["ruleId"] = d.rule;
  j["ruleIndex"] = view.rule_index(d.rule);
  j["level"] = level(d.severity);
  std::string text = visible_text(d.message);
  if (!d.suggestion.empty()) text += "\n\nSuggestion: " + visible_text(d.suggestion);
  j["message"] = {{"text", text}};

  const Span& primary = findings::primary_span(finding);
  Json location = primary.valid() ? physical_location(primary.file(), region(primary))
                                  : physical_location(input.fallback_path, {{"startLine", 1}});
  j["locations"] = Json::array({{{"physicalLocation", location}}});
  if (d.span.valid() && d.base_span.valid()) {
    j["relatedLocations"] = Json::array(
        {{{"id", 1},
          {"physicalLocation", physical_location(d.base_span.file(), region(d.base_span))},
          {"message", {{"text", "at base"}}}}});
  }
  j["partialFingerprints"] = {{"primaryLocationLineHash", finding.line_hash},
                              {"steward/v1", finding.fingerprint}};
  if (finding.is_new) j["baselineState"] = *finding.is_new ? "new" : "unchanged";
  if (finding.suppressed()) {
    bool inline_comment = finding.suppression.kind == findings::Suppression::Kind::inline_comment;
    j["suppressions"] =
        Json::array({{{"kind", inline_comment ? "inSource" : "external"},
                      {"status", "accepted"},
                      {"justification", visible_text(finding.suppression.reason)}}});
  }
  Json fixes = Json::array();
  for (const auto& edit : finding.fixes) {
    if (edit.range.valid()) fixes.push_back(fix_json(edit, d.suggestion));
  }
  if (!fixes.empty()) j["fixes"] = std::move(fixes);
  return j;
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
    run["results"] = Json::array();
    for (const auto* finding : view.shown)
      run["results"].push_back(result_json(*finding, view, input));
    for (const auto* finding : view.suppressed) {
      run["results"].push_back(result_json(*finding, view, input));
    }

    Json root;
    root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    root["version"] = "2.1.0";
    root["runs"] = Json::array({run});
    out << json_text(root) << '\n';
  }
};

}  // namespace

std::unique_ptr<Report> make_sarif_report() {
  return std::make_unique<SarifReport>();
}

}  // namespace steward::report
