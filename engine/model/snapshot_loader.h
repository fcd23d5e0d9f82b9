#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/parse_cache.h"
#include "git/snapshot.h"
#include "model/model.h"
#include "source/diagnostic.h"

namespace steward::model {

// A model with what it was read from.
struct LoadedModel {
  Model model;
  Diagnostics diagnostics;  // syntax.*, schema.*, reference.*
  // One per file, in snapshot order: its source (the text spans point into). The parsed
  // documents are released once the model has read them, except a file's whose documents an
  // external format reads at the end (ModelBuilder::add).
  std::vector<std::shared_ptr<const config::ReadResult>> parsed;
  std::vector<std::string> blob_ids;  // of each parsed file (empty: none), for cache keys
  size_t files = 0;
  // For --stats: wall time the loading thread waited for (or spent on) parsing or decoding this
  // model's files, and spent reading them into the model. Parsing runs on other threads while
  // the model reads, so the two overlap only in the loading thread's time.
  double parse_ms = 0;
  double build_ms = 0;
};

// Loads several revisions together (head and base): each distinct file (blob id and path) is
// parsed once, on every core, and read into every model whose revision holds it, each model in
// its own file order; its parsed tree is released once every model has read it, so that only a
// window of trees is held at any time, never every file's. `cache` (optional) decodes and saves
// parses in its persistent store; with `keep_parses` it also keeps every parse for later loads
// through it (which holds every tree until the cache goes). The files' text moves into the
// parsed sources. A file is parsed from the first snapshot that has it (same path, same blob id):
// a later snapshot's copy may come without its content (git::Repository::read_contents).
std::vector<LoadedModel> load_snapshots(std::vector<git::Snapshot> snapshots,
                                        config::ParseCache* cache = nullptr,
                                        bool keep_parses = false);

// One revision: load_snapshots of one snapshot, keeping its parses in `cache` (when given) for
// a later load of another revision through the same cache.
LoadedModel load_snapshot(git::Snapshot snapshot, config::ParseCache* cache = nullptr);

}  // namespace steward::model
