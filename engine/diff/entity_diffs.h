#pragma once

#include "diff/change_set.h"

// The parts of compute_changes, one file each.
namespace steward::diff {

// Events, their properties (nested, by path) and likely renames.
void diff_tracking_plan(const model::Model& base, const model::Model& head, ChangeSet& out);
// Sources, destinations, transformations and the routes between events and destinations.
void diff_routing(const model::Model& base, const model::Model& head, ChangeSet& out);
// One event against another, as diff_tracking_plan pairs an event of base with one of head: its
// fields into out.events (when any differs) and its properties into out.properties. For two
// versions of one schema (schema_versions.h).
void diff_event_pair(const model::Event& base, const model::Event& head, ChangeSet& out);
// Identity (and match keys), teams, SLOs and the taxonomy.
void diff_governance(const model::Model& base, const model::Model& head, ChangeSet& out);

}  // namespace steward::diff
