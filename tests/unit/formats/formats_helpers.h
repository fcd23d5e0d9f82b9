#pragma once

// Shared by the format tests: load a fixture folder or inline files, list diagnostics compactly,
// read one JSON Schema into a property.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "../doctest_strings.h"
#include "config/document_reader.h"
#include "diff/schema_versions.h"
#include "git/worktree_reader.h"
#include "model/formats/json_schema_reader.h"
#include "model/model_builder.h"
#include "model/snapshot_loader.h"

namespace steward::formats_testing {

namespace fs = std::filesystem;

inline const fs::path kFixtures = fs::path(STEWARD_SOURCE_DIR) / "fixtures" / "formats";

// "rule@file:line:col" of every diagnostic.
inline std::vector<std::string> places(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) {
    out.push_back(d.rule + "@" + d.span.file() + ":" + std::to_string(d.span.line) + ":" +
                  std::to_string(d.span.column));
  }
  return out;
}

// A fixture folder as `steward check` reads it: its files, the model, and the SchemaVer check.
inline model::LoadedModel load_folder(const fs::path& root) {
  auto snapshot = git::read_worktree(root, git::PathFilter());
  snapshot.label = "work tree";
  model::LoadedModel loaded = model::load_snapshot(snapshot);
  diff::check_schema_versions(loaded.model, loaded.diagnostics);
  return loaded;
}

using Files = std::vector<std::pair<std::string, std::string>>;

// Inline files (path, text), which must parse, read into one model.
struct Built {
  std::vector<config::Document> documents;
  model::BuildResult result;
};

inline Built build(const Files& files) {
  Built built;
  for (const auto& file : files) {
    // Named, not bound: clang 14 cannot capture a structured binding in INFO's lambda.
    const std::string& path = file.first;
    auto read = config::read_documents(make_source(path, file.second));
    INFO("reading " << path);
    REQUIRE(places(read.diagnostics).empty());
    for (auto& document : read.documents)
      built.documents.push_back(std::move(document));
  }
  built.result = model::build_model(built.documents);
  return built;
}

// One JSON Schema (text of a .json or .yaml file) read as a property named "value".
struct Schema {
  model::Property property;
  Diagnostics diagnostics;
};

inline Schema read_schema(const std::string& text, const std::string& path = "schema.json") {
  auto read = config::read_documents(make_source(path, text));
  REQUIRE(places(read.diagnostics).empty());
  REQUIRE(read.documents.size() == 1);
  model::formats::SchemaDocuments documents;
  documents.add(read.documents.front());
  Schema out;
  model::formats::JsonSchemaReader reader(documents, out.diagnostics);
  out.property.name = out.property.path = "value";
  reader.read(read.documents.front().root, read.documents.front(), out.property);
  return out;
}

}  // namespace steward::formats_testing
