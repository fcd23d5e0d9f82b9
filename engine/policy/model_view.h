#pragma once

#include <unordered_map>
#include <vector>

#include "model/model.h"

namespace steward::policy {

// One revision's model as the policy language sees it: the model plus the derived collections
// that fields such as `head.properties` and `event.routes` expose. Built once per evaluation, so
// those fields are lookups, not scans: a rule over events and their routes costs the number of
// routes, not events x routes.
struct ModelView {
  const model::Model* model = nullptr;
  bool is_base = false;
  // The sibling views, so that a change (which lives in neither) can reach both sides.
  const ModelView* head = nullptr;
  const ModelView* base = nullptr;

  std::vector<const model::Property*> all_properties;  // of every event, at any depth
  std::vector<const model::MatchKey*> all_match_keys;  // of every identity
  std::unordered_map<const model::Event*, std::vector<const model::Route*>> routes_by_event;
  std::unordered_map<const model::Destination*, std::vector<const model::Route*>>
      routes_by_destination;

  static const std::vector<const model::Route*> kNoRoutes;
};

// Indexes `model` (which must outlive the view).
void build_view(const model::Model& model, bool is_base, ModelView& view);

}  // namespace steward::policy
