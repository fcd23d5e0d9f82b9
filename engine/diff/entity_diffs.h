#pragma once

#include "diff/change_set.h"

// The parts of compute_changes, one file each.
namespace steward::diff {

// Events, their properties (nested, by path) and likely renames.
void diff_tracking_plan(const model::Model& base, const model::Model& head, ChangeSet& out);
// Sources, destinations, transformations and the routes between events and destinations.
void diff_routing(const model::Model& base, const model::Model& head, ChangeSet& out);
// Identity (and match keys), teams, SLOs and the taxonomy.
void diff_governance(const model::Model& base, const model::Model& head, ChangeSet& out);

}  // namespace steward::diff
