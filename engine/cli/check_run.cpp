#include "cli/check_run.h"

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "cli/base_findings_cache.h"
#include "cli/diagnostics_error.h"
#include "cli/exit_code.h"
#include "cli/pack_loading.h"
#include "cli/report_outputs.h"
#include "cli/rule_catalog.h"
#include "diff/change_summary.h"
#include "findings/pipeline.h"
#include "findings/verdict.h"
#include "findings/waiver.h"
#include "policy/evaluator.h"
#include "source/spelling.h"

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
            << "stats: persistent cache: ";
  if (comparison.store) {
    std::cerr << "decoded " << comparison.cache.loaded() << " files; store hits "
              << comparison.store->hits() << ", misses " << comparison.store->misses()
              << ", writes " << comparison.store->writes() << "\n";
  } else {
    std::cerr << "off\n";
  }
  std::cerr << "stats: head: parse " << comparison.head.parse_ms << " ms, build "
            << comparison.head.build_ms << " ms";
  if (comparison.base) {
    std::cerr << "; base: parse " << comparison.base->parse_ms << " ms, build "
              << comparison.base->build_ms << " ms";
  }
  std::cerr << "\n";
  std::cerr << "stats: load " << load_ms << " ms, total " << total_ms << " ms\n";
}

// The `env` root of the policy language: who, what for, and today's date.
policy::Env policy_env(const CheckOptions& options) {
  policy::Env env;
  env.actor = options.actor;
  for (const char* variable : {"GITHUB_ACTOR", "GITLAB_USER_LOGIN"}) {
    const char* value = std::getenv(variable);
    if (env.actor.empty() && value) env.actor = value;
  }
  env.labels = options.labels;
  env.environment = options.environment;
  // STEWARD_TODAY pins the date for date-dependent rules in tests and reproducible runs.
  const char* today = std::getenv("STEWARD_TODAY");
  env.today = today && *today ? today : findings::today_utc();
  return env;
}

// Runs the packs over one revision; problems of the packs themselves are exit 2.
policy::EvaluationResult evaluate(const LoadedPacks& packs, const policy::PolicyInput& input) {
  policy::EvaluationResult result = policy::evaluate(packs.packs, input);
  if (!result.ok()) {
    throw DiagnosticsError("the rule packs cannot run on this repository", result.errors,
                           "fix the places shown in the packs");
  }
  return result;
}

// A severity override for a rule that does not exist is a typo that must not pass silently.
void check_severity_keys(const config::StewardConfig& config, const findings::RuleTable& rules) {
  std::vector<std::string> ids;
  for (const auto& rule : rules)
    ids.push_back(rule.id);
  for (const auto& [id, override] : config.severity) {
    if (findings::find_rule(rules, id)) continue;
    auto guess = closest_match(id, ids);
    const Span& span = override.span;
    throw InputError(span.file() + ":" + std::to_string(span.line) + ":" +
                         std::to_string(span.column) + ": steward.yaml sets the severity of '" +
                         id + "', which no pack has",
                     guess ? "did you mean '" + *guess + "'?"
                           : "`steward explain RULE-ID` shows a rule; check the packs listed");
  }
}

// Base runs alone (no base of its own, no changes): its findings only tell which of head's are
// new. They come from the persistent cache when base, the configuration and the packs are as in
// an earlier run.
std::vector<std::string> base_fingerprints(const Comparison& comparison, const LoadedPacks& packs,
                                           const policy::Env& env,
                                           findings::ProcessOptions process) {
  const model::LoadedModel& base = *comparison.base;
  std::optional<std::string> key;
  if (comparison.store) key = base_findings_key(base, comparison.config, packs, env);
  if (key) {
    if (auto cached = load_base_fingerprints(*comparison.store, *key)) return std::move(*cached);
  }
  Diagnostics diagnostics = base.diagnostics;
  auto evaluated = evaluate(packs, {&base.model, nullptr, nullptr, env});
  diagnostics.insert(diagnostics.end(), evaluated.findings.begin(), evaluated.findings.end());
  process.files = files_of(base);
  std::vector<std::string> fingerprints;
  for (const auto& f :
       findings::process_findings(findings::make_findings(std::move(diagnostics)), process)) {
    fingerprints.push_back(f.fingerprint);
  }
  if (key) save_base_fingerprints(*comparison.store, *key, fingerprints);
  return fingerprints;
}

}  // namespace

int run_check(const CheckOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<ReportOutput> outputs = parse_report_outputs(options.formats);
  std::unique_ptr<Comparison> comparison = load_comparison(options.revisions, false);
  const double load_ms = elapsed_ms(start);
  const config::StewardConfig& config = comparison->config;
  const config::FailOn fail_on = parse_fail_on(options.fail_on, config.fail_on);

  LoadedPacks packs = load_packs(config.packs, comparison->project_dir, comparison->boundary,
                                 {comparison->pack_clones, options.offline});
  report::ReportInput input;
  input.rules = rule_catalog(packs.rules, config.docs_url);
  check_severity_keys(config, input.rules);
  const policy::Env env = policy_env(options);

  findings::ProcessOptions process;
  process.config = &config;
  process.today = env.today;
  for (const auto& rule : input.rules)
    process.known_rules.push_back(rule.id);
  std::optional<diff::ChangeSet> changes;
  if (comparison->base) {
    const model::LoadedModel& base = *comparison->base;
    process.base_fingerprints = base_fingerprints(*comparison, packs, env, process);
    changes = diff::compute_changes(base.model, comparison->head.model);
    auto lines = diff::summarize(*changes, base.model, comparison->head.model);
    input.change_summary_text = diff::render_text(lines);
    input.change_summary_markdown = diff::render_markdown(lines);
  }
  const model::LoadedModel& head = comparison->head;
  Diagnostics diagnostics = head.diagnostics;
  auto evaluated =
      evaluate(packs, {&head.model, comparison->base ? &comparison->base->model : nullptr,
                       changes ? &*changes : nullptr, env});
  diagnostics.insert(diagnostics.end(), evaluated.findings.begin(), evaluated.findings.end());
  input.reviews = std::move(evaluated.reviews);
  process.files = files_of(head);
  process.new_only = options.new_only;
  if (comparison->base) process.head_model = &head.model;
  input.findings =
      findings::process_findings(findings::make_findings(std::move(diagnostics)), process);
  input.summary = findings::summarize(input.findings, input.reviews, fail_on);
  input.tool_version = STEWARD_VERSION;
  input.use_color = use_color(options.color);
  input.blob_url = github_blob_url();
  const bool failed = input.summary.failed;
  if (options.quiet && !failed)
    std::erase_if(outputs, [](const auto& o) { return o.path.empty(); });
  write_reports(outputs, std::move(input));
  if (comparison->store) comparison->store->finish_run();
  if (options.stats) print_stats(*comparison, load_ms, elapsed_ms(start));
  return failed ? kFindings : kPassed;
}

}  // namespace steward::cli
