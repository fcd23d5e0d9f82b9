#include "report/report_view.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

namespace steward::report {

ReportView make_view(const ReportInput& input) {
  ReportView view;
  for (const auto& finding : input.findings) {
    (finding.suppressed() ? view.suppressed : view.shown).push_back(&finding);
  }
  auto order = [](const findings::Finding* a, const findings::Finding* b) {
    return findings::comes_before(*a, *b);
  };
  // The gate's findings come sorted (findings::sort_findings): checking costs one comparison a
  // finding, a sort of tens of thousands about sixteen.
  for (auto* list : {&view.shown, &view.suppressed}) {
    if (!std::is_sorted(list->begin(), list->end(), order))
      std::stable_sort(list->begin(), list->end(), order);
  }
  view.reviews = findings::unique_reviews(input.reviews);

  view.rules = input.rules;
  std::set<std::string> known;
  for (const auto& rule : view.rules)
    known.insert(rule.id);
  std::set<std::string> missing;
  for (const auto& finding : input.findings) {
    if (!known.contains(finding.diagnostic.rule)) missing.insert(finding.diagnostic.rule);
  }
  for (const auto& id : missing) {
    findings::RuleInfo info;
    info.id = id;
    info.title = id;
    for (const auto& finding : input.findings) {
      if (finding.diagnostic.rule == id) {
        info.default_severity = finding.diagnostic.severity;
        info.description = *finding.diagnostic.help;
        break;
      }
    }
    view.rules.push_back(std::move(info));
  }
  return view;
}

CappedFindings cap_per_rule(const std::vector<const findings::Finding*>& findings, size_t limit) {
  CappedFindings capped;
  std::map<std::string, size_t> seen;
  for (const auto* finding : findings) {
    if (++seen[finding->diagnostic.rule] <= limit) capped.shown.push_back(finding);
  }
  for (const auto& [rule, count] : seen) {
    if (count > limit) capped.omitted.push_back({rule, count - limit});
  }
  return capped;
}

size_t ReportView::rule_index(const std::string& id) const {
  for (size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].id == id) return i;
  }
  return 0;
}

uint32_t character_column(const SourceFile& file, uint32_t line, uint32_t byte_column) {
  std::string_view text = file.line(line);
  uint32_t column = 1;
  for (size_t i = 0; i + 1 < byte_column && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  if (byte_column > text.size() + 1) column += byte_column - static_cast<uint32_t>(text.size()) - 1;
  return column;
}

std::optional<std::string> lookup_env(const ReportInput& input, const std::string& name) {
  if (input.getenv) return input.getenv(name);
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

std::string count_of(size_t n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

std::string severity_counts(const findings::Summary& summary) {
  return count_of(summary.errors, "error", "errors") + ", " +
         count_of(summary.warnings, "warning", "warnings") + ", " +
         count_of(summary.notes, "note", "notes");
}

}  // namespace steward::report
