#pragma once

#include <mutex>
#include <unordered_map>
#include <vector>

#include "model/model.h"

namespace steward::policy {

// One revision's model as the policy language sees it: the model plus the derived collections
// that fields such as `head.properties` and `event.routes` expose, so that those fields are
// lookups, not scans: a rule over events and their routes costs the number of routes, not
// events x routes.
//
// Each collection is built the first time a rule asks for it, once (rules read a view from
// several threads at a time), and not at all when none does. A check has three views alive at its
// peak (head's and base's in head's evaluation, base's own in base's), and on 20,000 events the
// property list alone is 4 MB a view; base's view in head's evaluation is mostly asked for
// nothing (no stdlib rule reads `base.properties`).
class ModelView {
 public:
  const model::Model* model = nullptr;
  bool is_base = false;
  // The sibling views, so that a change (which lives in neither) can reach both sides.
  const ModelView* head = nullptr;
  const ModelView* base = nullptr;

  const std::vector<const model::Property*>& all_properties() const;  // every event's, any depth
  const std::vector<const model::MatchKey*>& all_match_keys() const;  // of every identity
  // The routes of an event or a destination, in the model's order.
  const std::vector<const model::Route*>& routes_of(const model::Event& event) const;
  const std::vector<const model::Route*>& routes_of(const model::Destination& destination) const;

 private:
  struct Routes {
    std::unordered_map<const model::Event*, std::vector<const model::Route*>> by_event;
    std::unordered_map<const model::Destination*, std::vector<const model::Route*>> by_destination;
  };

  const Routes& routes() const;

  mutable std::once_flag properties_built_;
  mutable std::once_flag match_keys_built_;
  mutable std::once_flag routes_built_;
  mutable std::vector<const model::Property*> all_properties_;
  mutable std::vector<const model::MatchKey*> all_match_keys_;
  mutable Routes routes_;
};

// Points `view` at `model` (which must outlive the view); its collections come on first use. A
// view is pointed once: what it built stays built.
void build_view(const model::Model& model, bool is_base, ModelView& view);

}  // namespace steward::policy
