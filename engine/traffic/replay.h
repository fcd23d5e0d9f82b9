#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "config/traffic_criteria.h"
#include "traffic/event_lines.h"
#include "traffic/plan_checks.h"
#include "traffic/validation.h"

// `steward replay`: one sample through the base and the head plan and routing, event by event,
// to show what a pull request changes for real traffic before it is merged.
namespace steward::traffic {

// What reaches a destination: a property of an event in one environment, with its PII class
// after the destination's transformations ("unclassified" when the plan gives none).
struct DeliveryKey {
  std::string destination;
  std::string environment;
  std::string event;
  std::string property;  // dotted path
  std::string pii;
  auto operator<=>(const DeliveryKey&) const = default;
};

struct DeliveryChange {
  uint64_t newly_delivered = 0;      // events whose property head delivers and base did not
  uint64_t no_longer_delivered = 0;  // and the reverse
  uint64_t base_total = 0, head_total = 0;
  bool in_base_plan = false, in_head_plan = false;  // whether each routing can deliver it at all
};

struct ConsentChange {
  uint64_t newly_blocked = 0;  // deliveries head blocks by consent and base did not
  uint64_t newly_allowed = 0;
};

// A (destination, environment, PII class) that head delivers and base never did on the sample.
struct NewPiiDelivery {
  std::string destination;
  std::string environment;
  std::string pii;
  uint64_t events = 0;
  std::vector<std::string> properties;
};

struct ReplaySummary {
  std::vector<std::string> files;
  uint64_t lines = 0;
  uint64_t rejected_base = 0, rejected_head = 0;
  uint64_t newly_rejected = 0, newly_accepted = 0;
  std::map<std::string, std::pair<uint64_t, uint64_t>> by_event;  // newly rejected, accepted
  std::vector<ReasonTally> new_reasons;              // reasons head gives and base did not
  std::vector<ReasonTally> resolved_reasons;         // reasons base gave and head does not
  std::map<DeliveryKey, DeliveryChange> deliveries;  // only keys that changed
  std::map<std::pair<std::string, std::string>, ConsentChange> consent;  // (destination, event)
  std::vector<NewPiiDelivery> new_pii;
  uint64_t newly_blocked_by_consent = 0;

  double rate(uint64_t n) const { return lines ? static_cast<double>(n) / lines : 0; }
};

struct ReplayOptions {
  unsigned threads = 0;
  std::function<void(uint64_t)> progress;
};

ReplaySummary replay_sample(const PlanChecks& base, const PlanChecks& head, LineSource& source,
                            const ReplayOptions& options);

// The criteria of steward.yaml (`traffic.replay`) that the replay breaks, as sentences; empty:
// it passes.
std::vector<std::string> replay_failures(const ReplaySummary& summary,
                                         const config::TrafficCriteria& criteria);

std::string render_replay_text(const ReplaySummary& summary,
                               const config::TrafficCriteria& criteria,
                               const std::string& base_label, const std::string& head_label);
std::string render_replay_markdown(const ReplaySummary& summary,
                                   const config::TrafficCriteria& criteria,
                                   const std::string& base_label, const std::string& head_label);
// Every figure of the replay, unabridged (docs/traffic.md documents the shape, "version": 1).
std::string render_replay_json(const ReplaySummary& summary,
                               const config::TrafficCriteria& criteria,
                               const std::string& base_label, const std::string& head_label);

}  // namespace steward::traffic
