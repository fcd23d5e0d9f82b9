#pragma once

#include <optional>

#include "config/node.h"

namespace steward::config {

// The `traffic:` section of steward.yaml: the success criteria of `steward validate`, `replay`
// and `identity simulate` on a sample of events (docs/configuration.md, docs/traffic.md).
// Rates are fractions of the sample (written "0.1%" in steward.yaml); a run fails when a
// measured figure is above its limit.
struct TrafficCriteria {
  // validate: invalid events (and unreadable lines) over all lines; 0 = any invalid event fails.
  double max_invalid_rate = 0;
  // replay: events that base accepts and head rejects, over all events.
  double max_newly_rejected_rate = 0;
  // replay: (destination, environment, PII class) pairs that head delivers and base does not;
  // an unclassified property counts as a class of its own.
  long long max_new_pii_deliveries = 0;
  // replay: (destination, event) deliveries that head blocks by consent and base did not;
  // unset: reported, never failing.
  std::optional<double> max_newly_blocked_by_consent_rate;
  // identity simulate: profiles joining two or more values of a unique key, at head.
  long long max_collisions = 0;
  // identity simulate: identifiers in the largest profile at head; unset: no limit.
  std::optional<long long> max_largest_profile;
};

// Parses the `traffic:` mapping; throws InputError at the offending node.
TrafficCriteria parse_traffic_criteria(const Node& node);

}  // namespace steward::config
