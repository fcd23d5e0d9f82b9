#pragma once

// Shared by the model tests: build a model from inline files, format diagnostics compactly.

#include <doctest/doctest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "../doctest_strings.h"
#include "config/document_reader.h"
#include "git/snapshot.h"
#include "model/model_builder.h"

namespace steward::model::testing {

using Files = std::vector<std::pair<std::string, std::string>>;

// "rule@file:line:col" of every diagnostic.
inline std::vector<std::string> places(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) {
    out.push_back(d.rule + "@" + d.span.file() + ":" + std::to_string(d.span.line) + ":" +
                  std::to_string(d.span.column));
  }
  return out;
}

// Reads `files` (path, text) and builds their model; the files must parse.
inline BuildResult build(const Files& files) {
  std::vector<config::Document> documents;
  for (const auto& file : files) {
    // Named, not bound: clang 14 cannot capture a structured binding in INFO's lambda.
    const std::string& path = file.first;
    auto read = config::read_documents(make_source(path, file.second));
    INFO("reading " << path);
    REQUIRE(places(read.diagnostics).empty());
    for (auto& document : read.documents)
      documents.push_back(std::move(document));
  }
  return build_model(documents);
}

// A revision of (path, blob id, text) files, sorted by path as git::Snapshot's files are.
inline git::Snapshot snapshot(
    const std::string& label,
    const std::vector<std::tuple<std::string, std::string, std::string>>& files) {
  git::Snapshot s;
  s.label = label;
  for (const auto& [path, blob, text] : files)
    s.files.push_back({path, blob, text});
  return s;
}

// The teams, sources and taxonomy most tests need, so that only what a test is about differs.
inline const char* const kBasics =
    "kind: team\nname: team-a\n"
    "---\nkind: source\nname: web\nenvironments: [development, production]\n"
    "---\nkind: source\nname: ios\nenvironments: [staging, production]\n";

inline std::vector<std::string> paths_of(const Event& event) {
  std::vector<std::string> out;
  for (const Property* p : event.all_properties)
    out.push_back(p->path);
  return out;
}

}  // namespace steward::model::testing
