#pragma once

// Internal to the traffic stage: the JSON pieces its reports share (nlohmann stays here).
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "traffic/validation.h"

namespace steward::traffic::detail {

// Adds "plan": {"file", "line", "column"} to `item` when `plan` names a place.
inline void add_plan_place(nlohmann::json& item, const Span* plan) {
  if (plan && plan->valid())
    item["plan"] = {{"file", plan->file()}, {"line", plan->line}, {"column", plan->column}};
}

// Reason tallies as [{"reason", "event", "path", "expected", COUNT_KEY, "plan"}].
inline nlohmann::json reason_tallies_json(const std::vector<ReasonTally>& tallies,
                                          std::string_view count_key) {
  nlohmann::json out = nlohmann::json::array();
  for (const ReasonTally& r : tallies) {
    nlohmann::json item = {{"reason", std::string(to_string(r.kind))},
                           {"event", r.event},
                           {"path", r.path},
                           {"expected", r.expected},
                           {std::string(count_key), r.count}};
    add_plan_place(item, r.plan);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace steward::traffic::detail
