#include "gate/gate.h"

#include <chrono>
#include <future>
#include <utility>

#include "findings/baseline.h"
#include "findings/pipeline.h"
#include "policy/evaluator.h"
#include "source/rule_ids.h"

namespace steward::gate {

namespace {

using Clock = std::chrono::steady_clock;

double elapsed_ms(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

findings::ProcessOptions process_options(const GateInput& input) {
  findings::ProcessOptions process;
  process.config = input.config;
  process.today = input.env.today;
  process.known_rules = input.known_rules;
  return process;
}

// The rules whose findings at base can share a fingerprint with one of head's, as far as head's
// evaluation tells: the rules of head's findings (a fingerprint begins with its rule) and the
// rules that waivers name (a waiver that matches nothing at base is a finding there only when
// base has no finding of its rule). Base's findings of any other rule cannot mark one of head's
// as old.
RuleIds rules_to_compare(const Diagnostics& head_rule_findings,
                         const config::StewardConfig* config) {
  RuleIds rules;
  for (const Diagnostic& finding : head_rule_findings)
    rules.insert(finding.rule);
  if (config) {
    for (const auto& waiver : config->waivers)
      rules.insert(waiver.rule);
  }
  return rules;
}

// What the findings stage adds to them: an unused inline suppression of rule X is a finding at
// base only when base has no finding of X on its line, so X must run there too.
RuleIds with_suppressed_rules(RuleIds rules, const findings::Findings& head) {
  for (const auto& finding : head) {
    if (finding.diagnostic.rule == rule_id::kSuppressionUnused) rules.insert(finding.subject);
  }
  return rules;
}

// Base runs alone (no base of its own, no changes), `rules` only (null: every rule). nullopt: the
// packs cannot run on base, and `errors` says why.
std::optional<std::vector<std::string>> base_fingerprints(const GateInput& input,
                                                          const RuleIds* rules, Diagnostics& errors,
                                                          GateTimes& times) {
  const auto started = Clock::now();
  if (input.base_store && rules) {
    if (auto cached = input.base_store->load(*rules)) {
      times.base_from_store = true;
      times.base_ms += elapsed_ms(started);
      return cached;
    }
  }
  const model::LoadedModel& base = *input.base;
  policy::EvaluateOptions only_fingerprints;
  only_fingerprints.fingerprints_only = true;
  only_fingerprints.only_rules = rules;
  auto evaluated =
      policy::evaluate(input.packs, {&base.model, nullptr, nullptr, input.env}, only_fingerprints);
  times.base_from_store = false;  // a second round evaluates what the store did not have
  times.base_rules = evaluated.rule_times.size();
  if (!evaluated.ok()) {
    errors = std::move(evaluated.errors);
    return std::nullopt;
  }
  findings::ProcessOptions process = process_options(input);
  process.files = files_of(base);
  std::vector<std::string> fingerprints = findings::process_fingerprints(
      findings::make_findings(base.diagnostics, std::move(evaluated.findings)), process);
  if (input.base_store && rules) input.base_store->save(*rules, fingerprints);
  times.base_ms += elapsed_ms(started);
  return fingerprints;
}

}  // namespace

std::vector<SourceRef> files_of(const model::LoadedModel& loaded) {
  std::vector<SourceRef> files;
  files.reserve(loaded.parsed.size());
  for (const auto& parsed : loaded.parsed)
    files.push_back(parsed->source);
  return files;
}

GateResult run_gate(const GateInput& input) {
  GateResult result;
  const model::LoadedModel& head = *input.head;
  if (input.base) {
    const auto diff_start = Clock::now();
    result.changes = diff::compute_changes(input.base->model, head.model);
    result.times.diff_ms = elapsed_ms(diff_start);
  }
  const auto evaluate_start = Clock::now();
  auto evaluated =
      policy::evaluate(input.packs, {&head.model, input.base ? &input.base->model : nullptr,
                                     result.changes ? &*result.changes : nullptr, input.env});
  result.times.evaluate_ms = elapsed_ms(evaluate_start);
  result.times.rule_times = std::move(evaluated.rule_times);
  // Base is evaluated on a thread of its own while head's findings go through the findings
  // stage: both only read the models, and only marking what is new needs base's fingerprints.
  // Head's failing packs leave nothing to compare, and base runs every rule so that its own
  // failures are reported first, as when it ran before head.
  std::optional<RuleIds> base_rules;
  if (evaluated.ok()) base_rules = rules_to_compare(evaluated.findings, input.config);
  Diagnostics base_errors;
  GateTimes base_times;
  std::future<std::optional<std::vector<std::string>>> base;
  if (input.base) {
    const RuleIds* rules = base_rules ? &*base_rules : nullptr;
    base = std::async(std::launch::async, [&, rules] {
      return base_fingerprints(input, rules, base_errors, base_times);
    });
  }
  const auto findings_start = Clock::now();
  if (evaluated.ok()) {
    result.reviews = std::move(evaluated.reviews);
    findings::ProcessOptions process = process_options(input);
    process.files = files_of(head);
    if (input.base) process.head_model = &head.model;
    // Sorted already: marking keeps the order, and dropping what is not new keeps the order of
    // the rest, as process_findings with base's fingerprints would give (its sort is stable).
    result.findings = findings::process_findings(
        findings::make_findings(head.diagnostics, std::move(evaluated.findings)), process);
  }
  result.times.findings_ms = elapsed_ms(findings_start);
  if (base.valid()) {
    const auto wait_start = Clock::now();
    std::optional<std::vector<std::string>> fingerprints = base.get();
    result.times.base_wait_ms = elapsed_ms(wait_start);
    if (fingerprints && base_rules) {
      // Seldom: an unused suppression of a rule that base did not run. Base runs again with it,
      // here (its findings stage must see every finding of that rule to tell what is unused).
      RuleIds all = with_suppressed_rules(*base_rules, result.findings);
      if (all != *base_rules)
        fingerprints = base_fingerprints(input, &all, base_errors, base_times);
    }
    result.times.base_ms = base_times.base_ms;
    result.times.base_rules = base_times.base_rules;
    result.times.base_from_store = base_times.base_from_store;
    if (!fingerprints) {
      // Base's errors come first and alone, as when base ran before anything else.
      GateResult failed;
      failed.pack_errors = std::move(base_errors);
      return failed;
    }
    findings::mark_new(result.findings, *fingerprints);
    if (input.new_only) findings::keep_new_only(result.findings);
  }
  if (!evaluated.ok()) result.pack_errors = std::move(evaluated.errors);
  return result;
}

}  // namespace steward::gate
