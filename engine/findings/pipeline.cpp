#include "findings/pipeline.h"

#include "findings/baseline.h"
#include "findings/fingerprint.h"
#include "findings/grouping.h"
#include "findings/head_location.h"
#include "findings/severity_override.h"
#include "findings/suppression.h"
#include "findings/waiver.h"

namespace steward::findings {

namespace {

// Every stage before fingerprints: what decides which findings there are, with which rule,
// place, subject and message.
void settle_findings(Findings& findings, const ProcessOptions& options) {
  const SeverityOverrides no_overrides;
  const SeverityOverrides& overrides = options.config ? options.config->severity : no_overrides;
  const std::set<std::string> off = disabled_rules(overrides);

  if (options.head_model) locate_in_head(findings, *options.head_model, options.files);
  apply_inline_suppressions(findings, {options.files, off, options.known_rules});
  if (options.config) {
    const std::string today = options.today.empty() ? today_utc() : options.today;
    apply_waivers(findings, options.config->waivers, {today, off, options.known_rules});
  }
  apply_severity_overrides(findings, overrides);
  group_findings_at_one_place(findings);
}

}  // namespace

Findings process_findings(Findings findings, const ProcessOptions& options) {
  settle_findings(findings, options);
  assign_fingerprints(findings);
  if (options.base_fingerprints) {
    mark_new(findings, *options.base_fingerprints);
    if (options.new_only) keep_new_only(findings);
  }
  sort_findings(findings);
  return findings;
}

std::vector<std::string> process_fingerprints(Findings findings, const ProcessOptions& options) {
  settle_findings(findings, options);
  return fingerprints_of(findings);
}

}  // namespace steward::findings
