#include "cli/check_run.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <iostream>
#include <thread>

#include "cli/base_findings_cache.h"
#include "cli/check_outcome_cache.h"
#include "cli/diagnostics_error.h"
#include "cli/exit_code.h"
#include "cli/freed_memory.h"
#include "cli/huge_page_heap.h"
#include "cli/pack_loading.h"
#include "cli/process_memory.h"
#include "cli/report_outputs.h"
#include "cli/rule_catalog.h"
#include "diff/change_summary.h"
#include "findings/verdict.h"
#include "findings/waiver.h"
#include "gate/gate.h"
#include "policy/policy_input.h"
#include "source/spelling.h"

namespace steward::cli {

namespace {

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

// What --stats says about one run.
struct RunStats {
  size_t head_files = 0;
  std::optional<size_t> base_files;
  double read_ms = 0;    // steward.yaml and the files of both revisions, as bytes
  double packs_ms = 0;   // reading and checking the rule packs
  double key_ms = 0;     // the check's key in the persistent cache, and looking it up
  double models_ms = 0;  // the blobs' content, the parses and both models
  double load_ms = 0;    // all of the above and, when the outcome was not cached, the gate
  double gate_ms = 0;    // evaluating both revisions, the diff and the findings stage
  double save_ms = 0;    // writing the check's outcome to the persistent cache, beside the reports
  double reports_ms = 0;
  gate::GateTimes gate;
};

// The rules that took longest, slowest first: where a pack author looks when a check is slow.
constexpr size_t kSlowestRulesShown = 5;

void print_slowest_rules(std::vector<policy::RuleTime> times) {
  if (times.empty()) return;
  const size_t shown = std::min(kSlowestRulesShown, times.size());
  std::partial_sort(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(shown), times.end(),
                    [](const auto& a, const auto& b) { return a.ms > b.ms; });
  std::cerr << "stats: slowest of head's " << times.size() << " rules:";
  for (size_t i = 0; i < shown; ++i)
    std::cerr << (i ? ", " : " ") << times[i].rule << " " << times[i].ms << " ms";
  std::cerr << "\n";
}

void print_stats(const RunStats& stats, const Comparison* comparison,
                 const config::BlobCacheStore* store, double total_ms) {
  std::cerr << "stats: read " << stats.head_files + stats.base_files.value_or(0) << " files (head "
            << stats.head_files;
  if (stats.base_files) std::cerr << ", base " << *stats.base_files;
  std::cerr << ")";
  if (comparison) {
    std::cerr << ", parsed " << comparison->cache.parses() << ", shared by blob id "
              << comparison->cache.hits() << "\n";
  } else {
    std::cerr << "; the check's outcome came from the persistent cache: nothing parsed, no "
                 "model built, nothing evaluated\n";
  }
  std::cerr << "stats: persistent cache: ";
  if (store) {
    if (comparison) {
      const auto& cache = comparison->cache;
      std::cerr << "decoded " << cache.loaded() << " files; worker time: decoding "
                << cache.decode_ms() << " ms, parsing " << cache.parse_ms()
                << " ms, encoding and writing " << cache.encode_ms() << " ms; ";
    }
    std::cerr << "store hits " << store->hits() << ", misses " << store->misses() << ", writes "
              << store->writes() << "\n";
  } else {
    std::cerr << "off\n";
  }
  if (comparison) {
    std::cerr << "stats: head: parse " << comparison->head.parse_ms << " ms, build "
              << comparison->head.build_ms << " ms";
    if (comparison->base) {
      std::cerr << "; base: parse " << comparison->base->parse_ms << " ms, build "
                << comparison->base->build_ms << " ms";
    }
    std::cerr << "\n";
  }
  if (comparison) {
    const gate::GateTimes& gate = stats.gate;
    std::cerr << "stats: gate " << stats.gate_ms << " ms: diff " << gate.diff_ms
              << " ms, head's rules " << gate.evaluate_ms << " ms, findings stage "
              << gate.findings_ms << " ms";
    if (comparison->base) {
      std::cerr << "; base's fingerprints " << gate.base_ms << " ms on their own thread ("
                << (gate.base_from_store
                        ? std::string("from the persistent cache")
                        : "evaluated: " + std::to_string(gate.base_rules) + " of " +
                              std::to_string(gate.rule_times.size()) + " rules")
                << "), waited for " << gate.base_wait_ms << " ms";
    }
    std::cerr << "\n";
    print_slowest_rules(gate.rule_times);
  }
  std::cerr << "stats: read " << stats.read_ms << " ms, packs " << stats.packs_ms
            << " ms, cache key " << stats.key_ms << " ms";
  if (comparison) {
    std::cerr << ", models " << stats.models_ms << " ms, gate " << stats.gate_ms
              << " ms, saving the outcome " << stats.save_ms << " ms";
  }
  std::cerr << "; load " << stats.load_ms << " ms, reports " << stats.reports_ms << " ms, total "
            << total_ms << " ms\n";
  const ProcessMemory memory = read_process_memory();
  if (memory.peak_resident_mib) {
    std::cerr << "stats: memory: peak resident " << *memory.peak_resident_mib << " MiB";
    if (memory.huge_pages_mib) {
      std::cerr << ", in transparent huge pages now " << *memory.huge_pages_mib << " MiB";
    }
    std::cerr << "; huge pages " << heap_pages().why;
    std::cerr << "\n";
  }
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

// The persistent cache's store of base fingerprints for this comparison; null without a base, a
// cache or a key (a base file without a blob id).
std::unique_ptr<CachedBaseFingerprints> cached_base(const Comparison& comparison,
                                                    const LoadedPacks& packs,
                                                    const policy::Env& env) {
  if (!comparison.base || !comparison.store) return nullptr;
  auto key = base_findings_key(*comparison.base, comparison.config, packs, env);
  if (!key) return nullptr;
  return std::make_unique<CachedBaseFingerprints>(*comparison.store, std::move(*key));
}

// Evaluates the packs over the loaded comparison: the gate, then the change summary. Throws
// DiagnosticsError (exit 2) when the packs cannot run on this repository.
gate::CheckOutcome evaluate(const Comparison& comparison, const LoadedPacks& packs,
                            const policy::Env& env, const findings::RuleTable& rules, bool new_only,
                            gate::GateTimes& times) {
  auto base_store = cached_base(comparison, packs, env);
  gate::GateInput gate_input;
  gate_input.head = &comparison.head;
  gate_input.base = comparison.base ? &*comparison.base : nullptr;
  gate_input.config = &comparison.config;
  gate_input.packs = packs.packs;
  gate_input.env = env;
  for (const auto& rule : rules)
    gate_input.known_rules.push_back(rule.id);
  gate_input.new_only = new_only;
  gate_input.base_store = base_store.get();
  gate::GateResult gated = [&] {
    const FreedMemoryReturned at_the_peak;  // freed_memory.h says why
    return gate::run_gate(gate_input);
  }();
  times = std::move(gated.times);
  if (!gated.ok()) {
    // Problems of the packs themselves, not of the data: exit 2.
    throw DiagnosticsError("the rule packs cannot run on this repository", gated.pack_errors,
                           "fix the places shown in the packs");
  }
  gate::CheckOutcome outcome;
  if (gated.changes) {
    auto lines = diff::summarize(*gated.changes, comparison.base->model, comparison.head.model);
    outcome.change_summary_text = diff::render_text(lines);
    outcome.change_summary_markdown = diff::render_markdown(lines);
  }
  outcome.findings = std::move(gated.findings);
  outcome.reviews = std::move(gated.reviews);
  return outcome;
}

// Writes the reports. After an evaluation (`comparison` set), both models are released on a thread
// of their own meanwhile (a large model takes a tenth of a second or more to free; the reports read
// neither, and so the peak is not the models plus the reports), and with a `store` the outcome is
// saved under `key` on another, from the findings the reports read: both only read them.
void write_reports_beside_saving(const std::vector<ReportOutput>& outputs,
                                 report::ReportInput& input, Comparison* comparison,
                                 config::BlobCacheStore* store, const std::string& key,
                                 RunStats& stats) {
  std::jthread release;
  std::future<void> saved;  // a failure to save (out of memory) is thrown here, not lost
  if (comparison) {
    release = std::jthread([comparison] {
      comparison->head.model = model::Model();
      if (comparison->base) comparison->base->model = model::Model();
    });
    if (store) {
      saved = std::async(std::launch::async, [&] {
        const auto save_start = std::chrono::steady_clock::now();
        save_check_outcome(*store, key,
                           {input.findings, input.reviews, input.change_summary_text,
                            input.change_summary_markdown});
        stats.save_ms = elapsed_ms(save_start);
      });
    }
  }
  const auto reports_start = std::chrono::steady_clock::now();
  write_reports(outputs, input);
  stats.reports_ms = elapsed_ms(reports_start);
  if (saved.valid()) saved.get();
}

}  // namespace

int run_check(const CheckOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const StdlibPreload preload;  // while the repository is opened and its files are read
  std::vector<ReportOutput> outputs = parse_report_outputs(options.formats);
  ComparisonFiles files = read_comparison(options.revisions, false);
  RunStats stats;
  stats.read_ms = elapsed_ms(start);
  stats.head_files = files.head.files.size();
  if (files.base) stats.base_files = files.base->files.size();
  const config::FailOn fail_on =
      config::parse_fail_on(options.fail_on).value_or(files.config.fail_on);

  const auto packs_start = std::chrono::steady_clock::now();
  LoadedPacks packs = load_packs(files.config.packs, files.project_dir, files.boundary,
                                 {files.pack_clones, options.offline});
  report::ReportInput input;
  input.rules = rule_catalog(packs.rules, files.config.docs_url);
  check_severity_keys(files.config, input.rules);
  policy::Env env = policy_env(options);
  env.coverage_minimum = files.config.coverage_minimum;

  stats.packs_ms = elapsed_ms(packs_start);

  // What this check decided is kept under a key of everything it depends on: a second run over
  // the same files, configuration, packs and env writes its reports without building a model.
  const auto key_start = std::chrono::steady_clock::now();
  config::BlobCacheStore* store = files.store.get();
  std::optional<std::string> key;
  std::optional<gate::CheckOutcome> outcome;
  if (store) {
    key = check_outcome_key({&files.head, files.base ? &*files.base : nullptr, &files.config,
                             &packs, &env, options.new_only});
    outcome = load_check_outcome(*store, *key);
  }
  stats.key_ms = elapsed_ms(key_start);
  std::unique_ptr<Comparison> comparison;
  if (outcome) {
    // A hit needs the files no more (a work tree's content was read to hash it).
    files.head = {};
    files.base.reset();
  } else {
    const auto models_start = std::chrono::steady_clock::now();
    comparison = load_comparison(std::move(files));
    stats.models_ms = elapsed_ms(models_start);
    const auto gate_start = std::chrono::steady_clock::now();
    outcome = evaluate(*comparison, packs, env, input.rules, options.new_only, stats.gate);
    stats.gate_ms = elapsed_ms(gate_start);
  }
  stats.load_ms = elapsed_ms(start);

  input.change_summary_text = std::move(outcome->change_summary_text);
  input.change_summary_markdown = std::move(outcome->change_summary_markdown);
  input.reviews = std::move(outcome->reviews);
  input.findings = std::move(outcome->findings);
  input.summary = findings::summarize(input.findings, input.reviews, fail_on);
  input.tool_version = STEWARD_VERSION;
  input.use_color = use_color(options.color);
  input.blob_url = github_blob_url();
  const bool failed = input.summary.failed;
  if (options.quiet && !failed)
    std::erase_if(outputs, [](const auto& o) { return o.path.empty(); });
  write_reports_beside_saving(outputs, input, comparison.get(), key ? store : nullptr,
                              key ? *key : std::string(), stats);
  if (store) store->finish_run();
  if (options.stats) print_stats(stats, comparison.get(), store, elapsed_ms(start));
  return failed ? kFindings : kPassed;
}

}  // namespace steward::cli
