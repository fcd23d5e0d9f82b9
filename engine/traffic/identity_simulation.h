#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "config/traffic_criteria.h"
#include "model/model.h"
#include "traffic/event_lines.h"

// `steward identity simulate`: the identity graph of a sample (identify and alias calls, and the
// identifiers on every event) under the base and under the head identity rules: union-find over
// (key, value) identifiers, linear in the sample.
namespace steward::traffic {

// A profile that joins two or more values of a unique key (the key of the strongest precedence,
// and `user_id`): two people merged into one.
struct Collision {
  std::string key;
  uint64_t values = 0;       // distinct values of the unique key in the profile
  uint64_t identifiers = 0;  // the profile's size
  std::vector<std::pair<std::string, uint64_t>> keys;  // identifiers per key in the profile
  std::vector<std::string> examples;                   // values, masked
};

struct IdentityFigures {
  uint64_t events = 0;       // events that carried at least one identifier
  uint64_t identifiers = 0;  // distinct (key, value) pairs
  uint64_t profiles = 0;
  uint64_t merges = 0;            // unions of two profiles
  uint64_t refused_by_limit = 0;  // merges refused by max_identifiers_per_profile
  uint64_t blocked_values = 0;    // identifiers dropped by `suppress` patterns
  uint64_t without_consent = 0;   // identifiers dropped for a consent purpose not granted
  uint64_t largest_profile = 0;   // identifiers in the largest profile
  uint64_t collisions = 0;
  std::vector<Collision> worst;  // the largest collisions, at most a few
};

struct IdentitySimulation {
  std::string name;  // the identity's name
  bool at_base = false, at_head = false;
  IdentityFigures base, head;
  std::vector<std::string> rule_changes;  // what changed in the rules, base -> head
};

struct IdentitySummary {
  std::vector<std::string> files;
  uint64_t lines = 0;
  std::vector<IdentitySimulation> identities;
};

struct IdentityOptions {
  unsigned threads = 0;
  std::function<void(uint64_t)> progress;
};

IdentitySummary simulate_identity(const model::Model& base, const model::Model& head,
                                  LineSource& source, const IdentityOptions& options);

// The `traffic.identity` criteria the head figures break; empty: passes.
std::vector<std::string> identity_failures(const IdentitySummary& summary,
                                           const config::TrafficCriteria& criteria);

std::string render_identity_text(const IdentitySummary& summary,
                                 const config::TrafficCriteria& criteria,
                                 const std::string& base_label, const std::string& head_label);
std::string render_identity_markdown(const IdentitySummary& summary,
                                     const config::TrafficCriteria& criteria,
                                     const std::string& base_label, const std::string& head_label);
// Every figure of the simulation (docs/traffic.md documents the shape, "version": 1); the
// collisions' example values are masked as in the other formats.
std::string render_identity_json(const IdentitySummary& summary,
                                 const config::TrafficCriteria& criteria,
                                 const std::string& base_label, const std::string& head_label);

}  // namespace steward::traffic
