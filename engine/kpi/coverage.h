#pragma once

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "model/model.h"

// The policy-coverage KPI (docs/kpis.md): of the properties a team collects in production, the
// share whose PII class and consent are written down in the files.
namespace steward::kpi {

// Whether `environment` names production ("production" or "prod", as the governance pack reads it).
bool is_production_environment(std::string_view environment);

// Whether `property` is collected in production: its event is active or deprecated (not draft or
// removed) and is sent from production, that is, it names no sources, or one of its sources is
// unknown, names no environments, or runs in production (a missing list never hides a property).
bool is_production_property(const model::Model& model, const model::Property& property);
// Whether the properties of `event` are collected in production (as above).
bool is_production_event(const model::Model& model, const model::Event& event);

// The routes of one model by event, indexed once so that each property is judged from its own
// event's few routes. It holds one entry per route, not per delivery: a large plan has a million
// deliveries, and an index of those took 48 MB at the peak of a check (base's and head's).
class CoverageIndex {
 public:
  explicit CoverageIndex(const model::Model& model);

  bool production(const model::Property& property) const;
  // Whether `property` carries PII and consent metadata: its `pii:` is written (a category or
  // `none`), and a personal one (a category) says under which consent it is used: `consent:` on
  // the property, or it reaches at least one destination and every destination that receives it
  // requires consent purposes of its own.
  bool has_metadata(const model::Property& property) const;
  // What metadata `property` lacks, in a few words ("no `pii:`"), or "" when it has it.
  std::string missing_metadata(const model::Property& property) const;
  // The destinations that receive `property` (after exclusions), in model order.
  std::vector<const model::Destination*> receivers(const model::Property& property) const;
  // The routes that carry `event`, in model order.
  std::span<const model::Route* const> routes_of(const model::Event& event) const;

 private:
  const model::Model& model_;
  // Every route, sorted by its event and, for one event, in model order: two flat arrays.
  std::vector<const model::Event*> events_;
  std::vector<const model::Route*> routes_;
};

struct CoverageCount {
  size_t covered = 0;
  size_t total = 0;
  // covered / total in percent; 100 when there is nothing to cover (no production property).
  double percent() const;
};

struct Coverage {
  CoverageCount overall;
  std::map<std::string, CoverageCount> by_domain;       // "" for events without a domain
  std::map<std::string, CoverageCount> by_owner;        // "" for events without an owner
  std::map<std::string, CoverageCount> by_destination;  // properties each destination receives
  std::vector<const model::Property*> uncovered;        // production properties, in model order
};

Coverage measure_coverage(const model::Model& model);
// The same with `index`, built over `model`.
Coverage measure_coverage(const model::Model& model, const CoverageIndex& index);
// Only `overall` and `uncovered`, for the rules: the breakdowns by domain, owner and destination
// cost a look-up per delivery (a million in a large plan), and a property's receivers are sorted
// out only when its metadata depends on them (personal, with no `consent:` of its own).
Coverage measure_overall_coverage(const model::Model& model);
Coverage measure_overall_coverage(const model::Model& model, const CoverageIndex& index);

// The properties that lowered coverage from `base` to `head`, or none when it did not fall: those
// uncovered in production at head that were not at base (new, newly in production, or newly
// lacking metadata); when the fall comes only from removing covered properties, every uncovered
// one at head (each is a way to raise it again).
std::vector<const model::Property*> coverage_lowered_at(const model::Model& base,
                                                        const model::Model& head);

}  // namespace steward::kpi
