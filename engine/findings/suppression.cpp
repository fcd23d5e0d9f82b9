#include "findings/suppression.h"

#include <map>
#include <string_view>
#include <unordered_set>

#include "findings/builtin_rules.h"
#include "findings/suppression_comment.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::findings {
namespace {

Finding meta_finding(std::string_view rule, Severity severity, std::string message, Span span,
                     std::string subject) {
  return make_finding(make_diagnostic(rule, severity, std::move(span), std::move(message)),
                      std::move(subject));
}

// The comments of every file involved, keyed by path (head files only: one version per path,
// the first scanned). Only files that have some are kept: a large check scans tens of thousands
// of files without any.
std::map<std::string, std::vector<SuppressionComment>> scan_all(
    const Findings& findings, const std::vector<SourceRef>& files) {
  std::map<std::string, std::vector<SuppressionComment>> comments;
  std::unordered_set<std::string_view> scanned;  // views of the paths of `files` and `findings`
  auto scan = [&](const SourceRef& file) {
    if (!file || !scanned.insert(file->path()).second) return;
    std::vector<SuppressionComment> found = scan_suppressions(file);
    if (!found.empty()) comments.emplace(file->path(), std::move(found));
  };
  for (const auto& file : files)
    scan(file);
  for (const auto& finding : findings)
    scan(finding.diagnostic.span.source);
  return comments;
}

void report_comment_problems(const SuppressionComment& comment, Findings& out) {
  std::string rules;
  for (const auto& rule : comment.rules)
    rules += (rules.empty() ? "" : ", ") + rule.id;
  std::string_view rule = comment.problem == SuppressionComment::Problem::missing_reason
                              ? rule_id::kSuppressionMissingReason
                              : rule_id::kSuppressionInvalid;
  Finding f = meta_finding(rule, Severity::error, comment.problem_message, comment.span, rules);
  f.diagnostic.suggestion = "# steward:ignore " + (rules.empty() ? "RULE-ID" : rules) +
                            " -- <why this finding is acceptable>";
  out.push_back(std::move(f));
}

}  // namespace

void apply_inline_suppressions(Findings& findings, const SuppressionOptions& options) {
  auto comments = scan_all(findings, options.files);
  // used[path][comment index][rule index]
  std::map<std::string, std::vector<std::vector<bool>>> used;
  for (const auto& [path, list] : comments) {
    for (const auto& comment : list)
      used[path].emplace_back(comment.rules.size(), false);
  }

  for (auto& finding : findings) {
    const Span& span = finding.diagnostic.span;
    if (finding.suppressed() || !span.valid()) continue;
    auto it = comments.find(span.file());
    if (it == comments.end()) continue;
    for (size_t c = 0; c < it->second.size() && !finding.suppressed(); ++c) {
      const SuppressionComment& comment = it->second[c];
      if (comment.problem != SuppressionComment::Problem::none) continue;
      if (comment.span.line != span.line && comment.covers != span.line) continue;
      for (size_t r = 0; r < comment.rules.size(); ++r) {
        if (comment.rules[r].id != finding.diagnostic.rule) continue;
        finding.suppression = {Suppression::Kind::inline_comment, comment.reason, "", comment.span};
        used[it->first][c][r] = true;
        break;
      }
    }
  }

  Findings added;
  for (const auto& [path, list] : comments) {
    for (size_t c = 0; c < list.size(); ++c) {
      const SuppressionComment& comment = list[c];
      if (comment.problem != SuppressionComment::Problem::none) {
        report_comment_problems(comment, added);
        continue;
      }
      for (size_t r = 0; r < comment.rules.size(); ++r) {
        const auto& rule = comment.rules[r];
        if (used[path][c][r] || options.disabled_rules.contains(rule.id)) continue;
        Finding f = meta_finding(rule_id::kSuppressionUnused, Severity::warning,
                                 "`# steward:ignore " + rule.id +
                                     "` silences nothing: no such finding on this line or the next",
                                 rule.span, rule.id);
        bool known = options.known_rules.empty();
        for (const auto& id : options.known_rules)
          known = known || id == rule.id;
        if (!known) {
          if (auto match = closest_match(rule.id, options.known_rules)) {
            f.diagnostic.suggestion = "did you mean `" + *match + "`?";
          } else {
            f.diagnostic.suggestion = "no rule is called `" + rule.id + "`";
          }
        }
        added.push_back(std::move(f));
      }
    }
  }
  for (auto& f : added)
    findings.push_back(std::move(f));
}

}  // namespace steward::findings
