#pragma once

#include <memory>
#include <string>
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
  std::vector<std::string> blob_ids;  // of each parsed file (empty: none), for cache keys
  size_t files = 0;
  double parse_ms = 0;  // wall time of parsing (or decoding) every file, for --stats
  double build_ms = 0;  // wall time of building the model from the documents
};

// Parses every file of the snapshot (on all cores, through `cache` when given) and builds the
// combined model. The files' text moves into the parsed sources: pass a temporary (or std::move)
// so that each file is held once.
LoadedModel load_snapshot(git::Snapshot snapshot, config::ParseCache* cache = nullptr);

}  // namespace steward::model
