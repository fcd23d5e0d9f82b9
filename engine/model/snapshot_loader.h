#pragma once

#include <memory>
#include <vector>

#include "config/parse_cache.h"
#include "git/snapshot.h"
#include "model/model.h"
#include "source/diagnostic.h"

namespace steward::model {

// A model with everything that keeps it alive: the parsed documents it points into.
struct LoadedModel {
  Model model;
  Diagnostics diagnostics;  // syntax.*, schema.*, reference.*
  std::vector<std::shared_ptr<const config::ReadResult>> parsed;
  size_t files = 0;
};

// Parses every file of the snapshot (on all cores, through `cache` when given) and builds the
// combined model.
LoadedModel load_snapshot(const git::Snapshot& snapshot, config::ParseCache* cache = nullptr);

}  // namespace steward::model
