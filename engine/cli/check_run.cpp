#include "cli/check_run.h"

#include <iostream>

#include "cli/exit_code.h"
#include "cli/project.h"
#include "cli/report_outputs.h"
#include "cli/rule_catalog.h"
#include "findings/baseline.h"
#include "findings/fingerprint.h"
#include "findings/severity_override.h"
#include "findings/verdict.h"
#include "git/default_base.h"
#include "model/snapshot_loader.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

config::FailOn parse_fail_on(const std::string& value, config::FailOn fallback) {
  if (value == "error") return config::FailOn::error;
  if (value == "warning") return config::FailOn::warning;
  if (value == "note") return config::FailOn::note;
  if (value == "never") return config::FailOn::never;
  return fallback;
}

Revision head_revision(const CheckOptions& options) {
  if (options.staged) return Revision::index();
  if (!options.head.empty()) return Revision::commit(options.head, "head");
  return Revision::work_tree();
}

// The base revision to compare against, or nullopt to check head alone. An explicit --base, or a
// CI variable naming the target branch, must be found (a missing one is an error with the fix);
// a local run with no main branch to compare against says so and checks head alone.
std::optional<Revision> base_revision(const CheckOptions& options, const Project& project) {
  if (options.no_base) return std::nullopt;
  if (!options.base.empty()) {
    return Revision::commit(project.repository().resolve(options.base), "base");
  }
  if (!project.in_git()) return std::nullopt;
  git::Environment environment = git::Environment::from_process();
  bool ci_target = !environment.github_base_ref.empty() ||
                   !environment.gitlab_diff_base_sha.empty() ||
                   !environment.gitlab_target_branch.empty();
  try {
    return Revision::commit(git::default_base(project.repository(), environment), "base");
  } catch (const InputError& e) {
    if (ci_target) throw;
    std::cerr << "note: no base revision to compare against (" << e.what()
              << "); checking head alone. Pass --base REV to compare.\n";
    return std::nullopt;
  }
}

// Everything one revision yields: its model and its findings.
struct RevisionResult {
  model::LoadedModel loaded;
  findings::Findings findings;
};

RevisionResult check_revision(const Project& project, const Revision& revision,
                              const config::StewardConfig& config, config::ParseCache& cache) {
  RevisionResult result;
  result.loaded = model::load_snapshot(project.read(revision, config), &cache);
  result.findings = findings::make_findings(result.loaded.diagnostics);
  findings::apply_severity_overrides(result.findings, config.severity);
  findings::assign_fingerprints(result.findings);
  return result;
}

}  // namespace

int run_check(const CheckOptions& options) {
  std::vector<ReportOutput> outputs = parse_report_outputs(options.formats);
  Project project = Project::open(options.dir);
  Revision head = head_revision(options);
  config::StewardConfig config = project.read_config(head);
  config.fail_on = parse_fail_on(options.fail_on, config.fail_on);

  config::ParseCache cache;
  RevisionResult head_result = check_revision(project, head, config, cache);
  if (std::optional<Revision> base = base_revision(options, project)) {
    // Base is judged by head's configuration, so a finding counts as new only because the data
    // changed, not because the rules did.
    RevisionResult base_result = check_revision(project, *base, config, cache);
    std::vector<std::string> base_fingerprints;
    for (const auto& f : base_result.findings) base_fingerprints.push_back(f.fingerprint);
    findings::mark_new(head_result.findings, base_fingerprints);
  }
  if (options.new_only) findings::keep_new_only(head_result.findings);

  report::ReportInput input;
  input.findings = std::move(head_result.findings);
  input.rules = rule_catalog();
  input.summary = findings::summarize(input.findings, input.reviews, config.fail_on);
  input.tool_version = STEWARD_VERSION;
  input.use_color = use_color(options.color);
  const bool failed = input.summary.failed;
  write_reports(outputs, std::move(input));
  return failed ? kFindings : kPassed;
}

}  // namespace steward::cli
