#include <future>

#include "diff/entity_diffs.h"

namespace steward::diff {

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added:
      return "added";
    case ChangeKind::removed:
      return "removed";
    case ChangeKind::modified:
      return "modified";
  }
  return "modified";
}

bool ChangeSet::empty() const {
  return events.empty() && properties.empty() && sources.empty() && destinations.empty() &&
         routes.empty() && transformations.empty() && identities.empty() && match_keys.empty() &&
         teams.empty() && slos.empty() && taxonomy.empty();
}

ChangeSet compute_changes(const model::Model& base, const model::Model& head) {
  ChangeSet changes;
  // The tracking plan's diff on a thread of its own, beside routing's and governance's: each
  // fills lists of its own and only reads the models, and on a large plan the routes' diff is
  // most of the rest.
  auto tracking_plan =
      std::async(std::launch::async, [&] { diff_tracking_plan(base, head, changes); });
  diff_routing(base, head, changes);
  diff_governance(base, head, changes);
  tracking_plan.get();
  return changes;
}

}  // namespace steward::diff
