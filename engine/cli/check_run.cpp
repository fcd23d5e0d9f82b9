#include "cli/check_run.h"

#include "cli/exit_code.h"
#include "cli/report_outputs.h"
#include "cli/rule_catalog.h"
#include "diff/change_summary.h"
#include "findings/baseline.h"
#include "findings/fingerprint.h"
#include "findings/severity_override.h"
#include "findings/verdict.h"

namespace steward::cli {

namespace {

config::FailOn parse_fail_on(const std::string& value, config::FailOn fallback) {
  if (value == "error") return config::FailOn::error;
  if (value == "warning") return config::FailOn::warning;
  if (value == "note") return config::FailOn::note;
  if (value == "never") return config::FailOn::never;
  return fallback;
}

// The findings of one revision, with the configured severities and their fingerprints.
findings::Findings findings_of(const model::LoadedModel& loaded,
                               const config::StewardConfig& config) {
  findings::Findings out = findings::make_findings(loaded.diagnostics);
  findings::apply_severity_overrides(out, config.severity);
  findings::assign_fingerprints(out);
  return out;
}

}  // namespace

int run_check(const CheckOptions& options) {
  std::vector<ReportOutput> outputs = parse_report_outputs(options.formats);
  std::unique_ptr<Comparison> comparison = load_comparison(options.revisions, false);
  const config::StewardConfig& config = comparison->config;
  const config::FailOn fail_on = parse_fail_on(options.fail_on, config.fail_on);

  report::ReportInput input;
  input.findings = findings_of(comparison->head, config);
  if (comparison->base) {
    std::vector<std::string> base_fingerprints;
    for (const auto& f : findings_of(*comparison->base, config)) {
      base_fingerprints.push_back(f.fingerprint);
    }
    findings::mark_new(input.findings, base_fingerprints);
    diff::ChangeSet changes =
        diff::compute_changes(comparison->base->model, comparison->head.model);
    auto lines = diff::summarize(changes, comparison->base->model, comparison->head.model);
    input.change_summary_text = diff::render_text(lines);
    input.change_summary_markdown = diff::render_markdown(lines);
  }
  if (options.new_only) findings::keep_new_only(input.findings);

  input.rules = rule_catalog();
  input.summary = findings::summarize(input.findings, input.reviews, fail_on);
  input.tool_version = STEWARD_VERSION;
  input.use_color = use_color(options.color);
  const bool failed = input.summary.failed;
  write_reports(outputs, std::move(input));
  return failed ? kFindings : kPassed;
}

}  // namespace steward::cli
