#include "gate/base_alongside.h"

#include <chrono>
#include <iterator>
#include <utility>

#include "policy/evaluator.h"

namespace steward::gate {

namespace {

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

findings::ProcessOptions process_options(const GateInput& input) {
  findings::ProcessOptions process;
  process.config = input.config;
  process.today = input.env.today;
  process.known_rules = input.known_rules;
  return process;
}

std::vector<std::string> base_fingerprints_of(const GateInput& input,
                                              std::vector<Diagnostics> blocks,
                                              const RuleIds* rules) {
  const model::LoadedModel& base = *input.base;
  findings::ProcessOptions process = process_options(input);
  process.files = files_of(base);
  std::vector<std::string> fingerprints = findings::process_fingerprints(
      findings::make_findings(base.diagnostics, std::move(blocks)), process);
  if (input.base_store && rules) input.base_store->save(*rules, fingerprints);
  return fingerprints;
}

BaseAlongside::BaseAlongside(const GateInput& input) : input_(input) {
  size_t place = 0;
  for (const auto& pack : input.packs) {
    for (const auto& rule : pack->rules())
      position_.emplace(rule.rule->id, place++);
  }
  thread_ = std::thread([this] { run(); });
}

BaseAlongside::~BaseAlongside() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void BaseAlongside::found(const std::string& rule) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || !asked_.insert(rule).second) return;
    queue_.push_back(rule);
  }
  wake_.notify_one();
}

void BaseAlongside::close(const RuleIds& rules) {
  {
    std::lock_guard lock(mutex_);
    for (const auto& rule : rules) {
      if (asked_.insert(rule).second) queue_.push_back(rule);
    }
    rules_ = rules;
    stopping_ = true;
  }
  wake_.notify_one();
}

std::optional<std::vector<std::string>> BaseAlongside::fingerprints(GateTimes& times) {
  thread_.join();
  times.base_from_store = false;
  times.base_rules = evaluated_;
  times.base_ms += busy_ms_;
  if (failed_) return std::nullopt;
  return std::move(fingerprints_);
}

void BaseAlongside::run() {
  for (;;) {
    std::string rule;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) break;  // stopping, and nothing left to run
      rule = std::move(queue_.front());
      queue_.erase(queue_.begin());
    }
    evaluate(rule);
  }
  // Only close() leaves rules to fingerprint; the destructor leaves none.
  if (!rules_ || failed_) return;
  const auto started = std::chrono::steady_clock::now();
  // In the packs' order, as one evaluation of these rules gives them.
  std::vector<Diagnostics> blocks;
  for (auto& [place, block] : findings_)
    blocks.push_back(std::move(block));
  findings_.clear();
  fingerprints_ = base_fingerprints_of(input_, std::move(blocks), &*rules_);
  busy_ms_ += milliseconds_since(started);
}

void BaseAlongside::evaluate(const std::string& rule) {
  const auto started = std::chrono::steady_clock::now();
  // Alone, as run_gate evaluates base: no base of its own, no changes, and only what a
  // fingerprint is made of.
  const RuleIds only{rule};
  policy::EvaluateOptions options(1);
  options.fingerprints_only = true;
  options.only_rules = &only;
  auto evaluated =
      policy::evaluate(input_.packs, {&input_.base->model, nullptr, nullptr, input_.env}, options);
  evaluated_ += evaluated.rule_times.size();
  if (!evaluated.ok()) {
    failed_ = true;
  } else {
    // One rule a call: its findings are its block, kept as evaluated (no second copy). A rule no
    // pack has (a waiver's typo) runs nowhere and finds nothing.
    auto place = position_.find(rule);
    if (place != position_.end()) findings_[place->second] = std::move(evaluated.findings);
  }
  busy_ms_ += milliseconds_since(started);
}

}  // namespace steward::gate
