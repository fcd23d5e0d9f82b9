#include "findings/waiver.h"

#include <chrono>
#include <cstdio>

#include "findings/builtin_rules.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::findings {
namespace {

Finding waiver_finding(std::string_view rule, Severity severity, std::string message,
                       const config::Waiver& waiver) {
  return make_finding(make_diagnostic(rule, severity, waiver.span, std::move(message)),
                      waiver.rule + " " + waiver.target);
}

std::string describe(const config::Waiver& waiver) {
  return "waiver of " + waiver.rule + " for `" + waiver.target + "`";
}

// A did-you-mean for a waiver that matched nothing: its rule, else its target.
std::string unused_suggestion(const config::Waiver& waiver, const Findings& findings,
                              const std::vector<std::string>& known_rules) {
  bool known = known_rules.empty();
  for (const auto& id : known_rules)
    known = known || id == waiver.rule;
  if (!known) {
    auto match = closest_match(waiver.rule, known_rules);
    return match ? "did you mean rule `" + *match + "`?"
                 : "no rule is called `" + waiver.rule + "`";
  }
  std::vector<std::string> subjects;
  for (const auto& finding : findings) {
    if (finding.diagnostic.rule == waiver.rule && !finding.subject.empty()) {
      subjects.push_back(finding.subject);
    }
  }
  auto match = closest_match(waiver.target, subjects);
  return match ? "did you mean target `" + *match + "`?" : "";
}

}  // namespace

bool waiver_covers(const config::Waiver& waiver, const Finding& finding) {
  if (waiver.rule != finding.diagnostic.rule) return false;
  if (waiver.target == "*") return true;
  const std::string& subject = finding.subject;
  if (waiver.target.empty() || subject.empty()) return false;
  return subject == waiver.target ||
         (subject.size() > waiver.target.size() && subject.starts_with(waiver.target) &&
          subject[waiver.target.size()] == '.');
}

bool waiver_expired(const config::Waiver& waiver, const std::string& today) {
  // ISO dates compare as strings.
  return !waiver.expires.empty() && waiver.expires < today;
}

void apply_waivers(Findings& findings, const std::vector<config::Waiver>& waivers,
                   const WaiverOptions& options) {
  Findings added;
  for (const auto& waiver : waivers) {
    if (waiver_expired(waiver, options.today)) {
      Finding f = waiver_finding(rule_id::kWaiverExpired, Severity::error,
                                 describe(waiver) + " expired on " + waiver.expires, waiver);
      f.diagnostic.help =
          "Fix what it covered, or renew it with a new `expires` date and approval.";
      added.push_back(std::move(f));
      continue;
    }
    bool used = false;
    for (auto& finding : findings) {
      if (finding.suppressed() || !waiver_covers(waiver, finding)) continue;
      finding.suppression = {Suppression::Kind::waiver, waiver.reason, waiver.approved_by,
                             waiver.span};
      used = true;
    }
    if (!used && !options.disabled_rules.contains(waiver.rule)) {
      Finding f = waiver_finding(rule_id::kWaiverUnused, Severity::warning,
                                 describe(waiver) + " matches no finding", waiver);
      f.diagnostic.suggestion = unused_suggestion(waiver, findings, options.known_rules);
      added.push_back(std::move(f));
    }
  }
  for (auto& f : added)
    findings.push_back(std::move(f));
}

std::string today_utc() {
  const std::chrono::year_month_day date{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

}  // namespace steward::findings
