#pragma once

#include <string>
#include <vector>

#include "diff/change_set.h"

// What a destination receives, as `steward diff` writes it and as rules see it through
// `changes.destinations` (internal to engine/diff; routing_diff.cpp compares the rest).
namespace steward::diff {

// The event filter in words: "every event", "only Order Completed", "every event except
// Password Reset".
std::string receives_text(const model::Destination& destination);
// "android: device" per platform, in the config's order.
std::vector<std::string> connection_modes_text(const model::Destination& destination);
// "web: oneTrust (or) analytics, marketing" per provider.
std::vector<std::string> consent_providers_text(const model::Destination& destination);

// Fills `widened` of each destination on both sides whose routing grew, adding a change (with no
// fields) for a destination whose only change is in its routes.
void add_widening(const model::Model& base, const model::Model& head,
                  const std::vector<RouteChange>& routes, std::vector<DestinationChange>& out);

}  // namespace steward::diff
