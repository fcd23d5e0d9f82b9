#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <string>

#include "model/model.h"
#include "traffic/reason.h"

// `steward sample`: synthetic events that follow the plan, with a chosen share of each kind of
// violation, seeded so that a sample is reproducible (tests, benchmarks, dry runs).
namespace steward::traffic {

struct SampleOptions {
  uint64_t events = 1000;
  uint64_t seed = 1;
  // The share of events (0..1) that carry one violation of each kind.
  std::map<ReasonKind, double> violations;
  double identify_share = 0.05;  // identify calls among the events
  double anonymous_share = 0.3;  // events with an anonymousId only
  uint64_t users = 0;            // 0: one user per 20 events
  uint64_t household = 3;        // users that share one phone number (a household)
};

// The kinds `--violation KIND=SHARE` accepts; throws InputError for another.
ReasonKind violation_kind(const std::string& name);

// How many violations of each kind were planted, and how many could not be: no event of the plan
// has a property that can carry that kind (an enum, a pattern, `additional_properties: false`).
struct SampleCounts {
  std::map<ReasonKind, uint64_t> planted;
  std::map<ReasonKind, uint64_t> skipped;
};

// Writes `options.events` lines of JSON (Segment spec) to `out`.
SampleCounts generate_sample(const model::Model& model, const SampleOptions& options,
                             std::ostream& out);

}  // namespace steward::traffic
