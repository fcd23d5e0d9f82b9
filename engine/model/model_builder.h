#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/node.h"
#include "model/model.h"
#include "source/diagnostic.h"

namespace steward::model {

struct BuildResult {
  Model model;
  Diagnostics diagnostics;  // schema.* and reference.* findings
};

// The kinds of the native format, for messages and did-you-mean.
const std::vector<std::string>& native_kinds();
// The same as prose: "event, property, ..., taxonomy and slo".
std::string native_kind_list();

// Reads documents into one model as they come, so that a loader can release each file's parsed
// documents as soon as they are read instead of holding every tree until the model is done:
// dispatches on `kind:`, reports duplicates, and at finish() resolves references and derives the
// routes. Never throws on bad data: every problem is a diagnostic.
class ModelBuilder {
 public:
  ModelBuilder();
  ~ModelBuilder();
  ModelBuilder(const ModelBuilder&) = delete;
  ModelBuilder& operator=(const ModelBuilder&) = delete;

  // Reads one document. Returns true when the document was kept to be read at finish() (an
  // external format's, whose references cross files): it must then stay alive until finish().
  bool add(const config::Document& document);
  // The model of every document added, in the order they were added. Call once.
  BuildResult finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Reads every document into one model (a ModelBuilder fed in order).
BuildResult build_model(const std::vector<const config::Document*>& documents);
BuildResult build_model(const std::vector<config::Document>& documents);

}  // namespace steward::model
