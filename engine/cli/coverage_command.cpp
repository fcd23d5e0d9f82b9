// `steward coverage [--rev REV | --staged] [--history N [--branch REV]] [--format F]`: the
// policy-coverage KPI of one revision, and its trend over the last commits of the main branch.
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/persistent_cache.h"
#include "cli/project.h"
#include "cli/revision_model.h"
#include "kpi/coverage_report.h"
#include "model/snapshot_loader.h"
#include "report/json_text.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

struct CoverageOptions {
  std::string dir = ".";
  std::string rev;
  bool staged = false;
  std::string format = "text";
  size_t history = 0;
  std::string branch;  // empty: origin/main, main or master, else HEAD
  CacheOptions cache;
};

// The branch whose history `--history` walks: --branch, else the first main branch there is.
std::string history_branch(const CoverageOptions& options, const git::Repository& repository) {
  if (!options.branch.empty()) return options.branch;
  for (const char* branch : {"origin/main", "main", "origin/master", "master"}) {
    if (repository.try_resolve(branch)) return branch;
  }
  return "HEAD";
}

// The figure at each of the last `options.history` first-parent commits of the main branch,
// each read with its own steward.yaml, through one parse cache (a file unchanged between commits
// is parsed once). Progress goes to standard error when it is a terminal.
std::vector<kpi::CoverageAtCommit> coverage_history(const CoverageOptions& options,
                                                    const Project& project,
                                                    config::ParseCache& cache) {
  const git::Repository& repository = project.repository();
  const std::string branch = history_branch(options, repository);
  std::vector<git::CommitSummary> commits =
      repository.first_parent_history(branch, options.history);
  if (commits.size() < options.history) {
    std::cerr << "note: " << branch << " has " << commits.size() << " commit(s) to measure, not "
              << options.history
              << (repository.is_shallow() ? " (a shallow clone: fetch more with `git fetch "
                                            "--deepen N` or fetch-depth: 0)"
                                          : "")
              << "\n";
  }
  const bool progress = isatty(STDERR_FILENO) == 1;
  std::vector<kpi::CoverageAtCommit> history;
  for (size_t i = 0; i < commits.size(); ++i) {
    const git::CommitSummary& commit = commits[i];
    if (progress) {
      std::cerr << "\rmeasuring coverage at commit " << (i + 1) << "/" << commits.size() << " ("
                << commit.id.substr(0, 12) << ")" << std::flush;
    }
    auto at_commit = load_revision_model(
        project, Revision::commit(commit.id, commit.id.substr(0, 12)), false, &cache);
    history.push_back({commit.id, commit.time, commit.subject,
                       kpi::measure_coverage(at_commit->loaded.model).overall});
  }
  if (progress) std::cerr << "\r\033[K" << std::flush;
  return history;
}

int run_coverage(const CoverageOptions& options) {
  if (options.history > 0 && (options.staged || !options.rev.empty())) {
    throw InputError(
        "--history measures the main branch's commits; it cannot be combined with "
        "--rev or --staged",
        "pass --history N alone (with --branch REV to walk another branch)");
  }
  Project project = Project::open(options.dir);
  std::unique_ptr<config::BlobCacheStore> store = open_cache_store(options.cache, project);
  config::ParseCache cache;
  cache.use_store(store.get(), parse_codec());
  auto revision =
      load_revision_model(project, revision_of(options.rev, options.staged), true, &cache);
  const model::LoadedModel& loaded = revision->loaded;
  kpi::CoverageReport report;
  report.model = &loaded.model;
  report.coverage = kpi::measure_coverage(loaded.model);
  if (options.history > 0) report.history = coverage_history(options, project, cache);

  if (options.format == "json")
    std::cout << report::json_text(kpi::coverage_json(report)) << "\n";
  else if (options.format == "markdown")
    std::cout << kpi::coverage_markdown(report);
  else
    std::cout << kpi::coverage_text(report);

  int code = kPassed;
  if (!loaded.diagnostics.empty()) {
    // A figure from files that do not load is not one to trust: say so, and fail.
    std::cerr << "note: the data files have " << loaded.diagnostics.size()
              << " finding(s); `steward check` lists them\n";
    if (has_errors(loaded.diagnostics)) code = kFindings;
  }
  const config::StewardConfig& config = revision->config;
  if (config.coverage_minimum && report.coverage.overall.percent() < *config.coverage_minimum) {
    std::cerr << "error: policy coverage " << kpi::percent_text(report.coverage.overall)
              << " is under the minimum of " << *config.coverage_minimum
              << "% that steward.yaml sets (coverage: minimum)\n";
    code = kFindings;
  }
  return code;
}

}  // namespace

void register_coverage(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CoverageOptions>();
  CLI::App* command = app.add_subcommand(
      "coverage",
      "Policy coverage: the share of production properties with PII and consent metadata");
  command->add_option("-C,--dir", options->dir, "The folder of the customer-data repository");
  command->add_option("--rev", options->rev, "Measure the files at this git revision");
  command->add_flag("--staged", options->staged, "Measure the staged files");
  command->add_option("--history", options->history,
                      "Also measure the last N commits of the main branch (first parents)");
  command->add_option("--branch", options->branch,
                      "The branch --history walks (default: origin/main, main, origin/master or "
                      "master, else HEAD)");
  command->add_option("--format", options->format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  command->add_flag("--no-cache", options->cache.disabled,
                    "Neither read nor write the parse cache");
  command->add_option("--cache-dir", options->cache.dir,
                      "Keep the parse cache in this folder (default: .git/steward-cache)");
  command->callback([options, &exit_code] { exit_code = run_coverage(*options); });
}

}  // namespace steward::cli
