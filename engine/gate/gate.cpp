#include "gate/gate.h"

#include <chrono>
#include <future>
#include <utility>

#include "findings/baseline.h"
#include "findings/pipeline.h"
#include "gate/base_alongside.h"
#include "policy/evaluator.h"
#include "source/rule_ids.h"

namespace steward::gate {

namespace {

using Clock = std::chrono::steady_clock;

double elapsed_ms(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
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
  std::vector<Diagnostics> blocks;
  blocks.push_back(std::move(evaluated.findings));
  std::vector<std::string> fingerprints = base_fingerprints_of(input, std::move(blocks), rules);
  times.base_ms += elapsed_ms(started);
  return fingerprints;
}

// Base's fingerprints of `rules` (nullopt: head's packs failed), from `alongside` when base ran
// there, else from `base`'s thread; then, seldom, again with the rules of head's unused inline
// suppressions that base did not run (its findings stage must see every finding of such a rule to
// tell what is unused). nullopt: base's packs failed, and `errors` says why.
std::optional<std::vector<std::string>> wait_for_base(
    const GateInput& input, const std::optional<RuleIds>& rules, BaseAlongside* alongside,
    std::future<std::optional<std::vector<std::string>>>& base,
    const findings::Findings& head_findings, Diagnostics& errors, GateTimes& times) {
  std::optional<std::vector<std::string>> fingerprints;
  if (alongside) {
    fingerprints = alongside->fingerprints(times);
    // Base's packs reported an error: evaluated again the usual way, for the same errors.
    if (!fingerprints) fingerprints = base_fingerprints(input, &*rules, errors, times);
  } else {
    fingerprints = base.get();
  }
  if (fingerprints && rules) {
    RuleIds all = with_suppressed_rules(*rules, head_findings);
    if (all != *rules) fingerprints = base_fingerprints(input, &all, errors, times);
  }
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
  // Base runs each rule as soon as head's run of it has findings (base_alongside.h), unless the
  // store may already have base's fingerprints: it is asked first, once head's rules are known.
  std::unique_ptr<BaseAlongside> alongside;
  if (input.base && !(input.base_store && input.base_store->kept())) {
    alongside = std::make_unique<BaseAlongside>(input);
  }
  policy::EvaluateOptions head_options;
  if (alongside) {
    head_options.rule_done = [&alongside](const std::string& rule, bool found) {
      if (found) alongside->found(rule);
    };
  }
  const auto evaluate_start = Clock::now();
  auto evaluated = policy::evaluate(input.packs,
                                    {&head.model, input.base ? &input.base->model : nullptr,
                                     result.changes ? &*result.changes : nullptr, input.env},
                                    head_options);
  result.times.evaluate_ms = elapsed_ms(evaluate_start);
  result.times.rule_times = std::move(evaluated.rule_times);
  // Base's fingerprints come while head's findings go through the findings stage: both only read
  // the models, and only marking what is new needs base's fingerprints. Head's failing packs
  // leave nothing to compare, and base runs every rule so that its own failures are reported
  // first, as when it ran before head.
  std::optional<RuleIds> base_rules;
  if (evaluated.ok()) base_rules = rules_to_compare(evaluated.findings, input.config);
  Diagnostics base_errors;
  GateTimes base_times;
  std::future<std::optional<std::vector<std::string>>> base;
  if (alongside && base_rules) {
    alongside->close(*base_rules);
  } else if (input.base) {
    alongside.reset();  // head's packs failed: base is evaluated whole, below
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
  if (input.base) {
    const auto wait_start = Clock::now();
    std::optional<std::vector<std::string>> fingerprints = wait_for_base(
        input, base_rules, alongside.get(), base, result.findings, base_errors, base_times);
    result.times.base_wait_ms = elapsed_ms(wait_start);
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
