#pragma once

#include <string>
#include <vector>

#include "diff/change_set.h"

// How a destination's routing grew (internal to engine/diff; routing_diff.cpp compares the rest).
namespace steward::diff {

// Fills `widened` of each destination on both sides whose routing grew, adding a change (with no
// fields) for a destination whose only change is in its routes.
void add_widening(const model::Model& base, const model::Model& head,
                  const std::vector<RouteChange>& routes, std::vector<DestinationChange>& out);

}  // namespace steward::diff
