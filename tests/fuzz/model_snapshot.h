#pragma once

// The external-format fuzz targets share this: the input's files read as `steward check` reads a
// revision (parse, build the model, the SchemaVer check), then the model printed as JSON.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "diff/schema_versions.h"
#include "fuzz_input.h"
#include "model/model_json.h"
#include "model/snapshot_loader.h"

namespace steward::fuzzing {

inline void read_model(const uint8_t* data, size_t size, const std::string& default_path) {
  git::Snapshot snapshot = split_files(data, size, default_path);
  std::set<std::string> paths;
  for (const auto& file : snapshot.files)
    paths.insert(file.path);
  model::LoadedModel loaded = model::load_snapshot(snapshot);
  diff::check_schema_versions(loaded.model, loaded.diagnostics);
  check_diagnostics(loaded.diagnostics, paths);
  if (model::model_to_json(loaded.model).empty()) {
    std::fprintf(stderr, "fuzz check failed: the model printed as empty JSON\n");
    std::abort();
  }
}

}  // namespace steward::fuzzing
