#include "cli/check_run.h"

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "cli/exit_code.h"
#include "cli/report_outputs.h"
#include "cli/rule_catalog.h"
#include "diff/change_summary.h"
#include "findings/pipeline.h"
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

// Every file a revision read, for inline suppressions.
std::vector<SourceRef> files_of(const model::LoadedModel& loaded) {
  std::vector<SourceRef> files;
  files.reserve(loaded.parsed.size());
  for (const auto& parsed : loaded.parsed)
    files.push_back(parsed->source);
  return files;
}

// Links findings in the Markdown comment to the pull request's files, when run in GitHub Actions.
std::string github_blob_url() {
  const char* server = std::getenv("GITHUB_SERVER_URL");
  const char* repository = std::getenv("GITHUB_REPOSITORY");
  const char* sha = std::getenv("GITHUB_SHA");
  if (!server || !repository || !sha || !*server || !*repository || !*sha) return {};
  return std::string(server) + "/" + repository + "/blob/" + sha;
}

// Elapsed milliseconds since `start`, for --stats.
double elapsed_ms(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

void print_stats(const Comparison& comparison, double load_ms, double total_ms) {
  size_t files = comparison.head.files + (comparison.base ? comparison.base->files : 0);
  std::cerr << "stats: read " << files << " files (head " << comparison.head.files;
  if (comparison.base) std::cerr << ", base " << comparison.base->files;
  std::cerr << "), parsed " << comparison.cache.parses() << ", shared by blob id "
            << comparison.cache.hits() << "\n"
            << "stats: load " << load_ms << " ms, total " << total_ms << " ms\n";
}

}  // namespace

int run_check(const CheckOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<ReportOutput> outputs = parse_report_outputs(options.formats);
  std::unique_ptr<Comparison> comparison = load_comparison(options.revisions, false);
  const double load_ms = elapsed_ms(start);
  const config::StewardConfig& config = comparison->config;
  const config::FailOn fail_on = parse_fail_on(options.fail_on, config.fail_on);

  report::ReportInput input;
  input.rules = rule_catalog();
  findings::ProcessOptions process;
  process.config = &config;
  for (const auto& rule : input.rules)
    process.known_rules.push_back(rule.id);
  if (comparison->base) {
    process.files = files_of(*comparison->base);
    std::vector<std::string> base_fingerprints;
    for (const auto& f : findings::process_findings(
             findings::make_findings(comparison->base->diagnostics), process)) {
      base_fingerprints.push_back(f.fingerprint);
    }
    process.base_fingerprints = std::move(base_fingerprints);
  }
  process.files = files_of(comparison->head);
  process.new_only = options.new_only;
  input.findings =
      findings::process_findings(findings::make_findings(comparison->head.diagnostics), process);
  if (comparison->base) {
    diff::ChangeSet changes =
        diff::compute_changes(comparison->base->model, comparison->head.model);
    auto lines = diff::summarize(changes, comparison->base->model, comparison->head.model);
    input.change_summary_text = diff::render_text(lines);
    input.change_summary_markdown = diff::render_markdown(lines);
  }
  input.summary = findings::summarize(input.findings, input.reviews, fail_on);
  input.tool_version = STEWARD_VERSION;
  input.use_color = use_color(options.color);
  input.blob_url = github_blob_url();
  const bool failed = input.summary.failed;
  write_reports(outputs, std::move(input));
  if (options.stats) print_stats(*comparison, load_ms, elapsed_ms(start));
  return failed ? kFindings : kPassed;
}

}  // namespace steward::cli
