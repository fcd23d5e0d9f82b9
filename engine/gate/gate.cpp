#include "gate/gate.h"

#include <chrono>
#include <future>
#include <utility>

#include "findings/baseline.h"
#include "findings/pipeline.h"
#include "policy/evaluator.h"

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

// Base runs alone (no base of its own, no changes). nullopt: the packs cannot run on base, and
// `errors` says why.
std::optional<std::vector<std::string>> base_fingerprints(const GateInput& input,
                                                          Diagnostics& errors, GateTimes& times) {
  const auto started = Clock::now();
  if (input.base_store) {
    if (auto cached = input.base_store->load()) {
      times.base_from_store = true;
      times.base_ms = elapsed_ms(started);
      return cached;
    }
  }
  const model::LoadedModel& base = *input.base;
  policy::EvaluateOptions only_fingerprints;
  only_fingerprints.fingerprints_only = true;
  auto evaluated =
      policy::evaluate(input.packs, {&base.model, nullptr, nullptr, input.env}, only_fingerprints);
  if (!evaluated.ok()) {
    errors = std::move(evaluated.errors);
    return std::nullopt;
  }
  findings::ProcessOptions process = process_options(input);
  process.files = files_of(base);
  std::vector<std::string> fingerprints = findings::process_fingerprints(
      findings::make_findings(base.diagnostics, std::move(evaluated.findings)), process);
  if (input.base_store) input.base_store->save(fingerprints);
  times.base_ms = elapsed_ms(started);
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
  // Base is evaluated on a thread of its own while the changes are computed and head is
  // evaluated and run through the findings stage: all of them only read the models, and only
  // marking what is new needs base's fingerprints. Most of a pack's evaluation is one thread's
  // work (a few rules dominate it), so base's side fills the other core.
  Diagnostics base_errors;
  GateTimes base_times;
  std::future<std::optional<std::vector<std::string>>> base;
  if (input.base) {
    base = std::async(std::launch::async,
                      [&] { return base_fingerprints(input, base_errors, base_times); });
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
    result.times.base_ms = base_times.base_ms;
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
