#pragma once

#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "findings/pipeline.h"
#include "gate/gate.h"

namespace steward::gate {

// The findings stage's options for the gate's input (its config, date and rules).
findings::ProcessOptions process_options(const GateInput& input);

// Base's findings of `rules` (null: every rule), in blocks in the packs' order, through the
// findings stage, as fingerprints; kept in the input's store, when there is one, under those
// rules. Both ways of evaluating base end here.
std::vector<std::string> base_fingerprints_of(const GateInput& input,
                                              std::vector<Diagnostics> blocks,
                                              const RuleIds* rules);

// Base's side of the gate run alongside head's rules: each rule is evaluated at base as soon as
// head's run of it has findings, on a thread of its own, rather than all of them after head's
// last rule. A large plan's busiest rule (tens of thousands of findings on each side) then runs at
// base while head's other rules still run, and the wait for base at the end of the gate shrinks.
//
// Only the usual path is taken here: when base's packs report an error, or head's packs fail, the
// caller evaluates base the way it always did (run_gate), so that errors read exactly as before.
// Not used when the persistent cache may hold base's fingerprints (BaseFingerprintStore::kept):
// the rules are then known only after head's, and the store is asked first.
class BaseAlongside {
 public:
  explicit BaseAlongside(const GateInput& input);
  ~BaseAlongside();  // stops after the rule it is running, if close() was not called
  BaseAlongside(const BaseAlongside&) = delete;
  BaseAlongside& operator=(const BaseAlongside&) = delete;

  // Head's run of `rule` found something: base runs it too. Thread-safe; once per rule.
  void found(const std::string& rule);

  // Head's rules are done and `rules` are all base must run (run_gate's rules_to_compare): the
  // ones not started yet run, then base's findings go through the findings stage, still on base's
  // thread, while head's go through theirs. Call once.
  void close(const RuleIds& rules);
  // Waits for base: its fingerprints, or nullopt when base's packs reported an error (the caller
  // then evaluates base again the usual way, for the same errors as ever). After close().
  std::optional<std::vector<std::string>> fingerprints(GateTimes& times);

 private:
  void run();
  void evaluate(const std::string& rule);

  const GateInput& input_;
  std::map<std::string, size_t> position_;  // each rule's place in the packs, for the order
  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::string> queue_;
  RuleIds asked_;                 // every rule found() or close() asked for
  std::optional<RuleIds> rules_;  // close()'s: the rules base's fingerprints are of
  bool stopping_ = false;         // close() was called, or the destructor stops the thread
  // Filled by the thread: each rule's findings at base, by its place in the packs, and then the
  // fingerprints of them all.
  std::map<size_t, Diagnostics> findings_;
  std::optional<std::vector<std::string>> fingerprints_;
  bool failed_ = false;   // a rule's run at base reported errors
  size_t evaluated_ = 0;  // rules run at base
  double busy_ms_ = 0;    // the thread's time evaluating and computing fingerprints
  std::thread thread_;    // last: started once the rest is ready
};

}  // namespace steward::gate
