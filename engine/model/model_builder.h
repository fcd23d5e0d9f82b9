#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
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

struct SharedEvent;  // model_builder.cpp

// One document of a file that several models read from one parse (head's and base's unchanged
// files, see load_snapshots): the first model that reads it as an event keeps what it read there,
// and the others hold the very same Event instead of reading their own. The loader creates one for
// each document of such a file and hands it to every model's add(), on one thread.
struct SharedDocument {
  uint64_t id = 0;                    // unique among the documents of one load, never 0
  std::shared_ptr<SharedEvent> read;  // what the first model read, once one has
};

// An event document read ahead, on a parsing thread (load_snapshots), so that the builders take
// the Event instead of each reading the document on the loading thread. Reading an event depends
// on its document alone: what it gives is what a builder's own reading would.
struct EventReadAhead {
  std::optional<Event> event;  // none when the document names no event
  Diagnostics diagnostics;     // what reading it reported (schema.*)
};

// The document read as an event, when it is one by its `kind:` (a builder still decides: another
// format may claim it first, and then the read is not used); nullopt for any other document.
std::optional<EventReadAhead> read_event_ahead(const config::Document& document);

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
  // `shared`: the document's share when other builders read it too (an event is then read
  // once, by the first of them, and held by each).
  // `ahead`: the document read ahead (read_event_ahead), taken when the builder reads it as an
  // event.
  bool add(const config::Document& document, SharedDocument* shared = nullptr,
           EventReadAhead* ahead = nullptr);
  // Settles the events this builder holds with others, once every builder sharing documents with
  // it has read all of its documents and before any of them finishes (call it on each, in the
  // order they will finish). An event's resolution expands `$ref`s from the property library, so
  // the first builder holding it resolves it for every one whose library was read from the same
  // documents, and any other builder takes its own copy of the event, to resolve with its own.
  void settle_shared_events();
  // The model of every document added, in the order they were added. Call once, last: the
  // builder keeps nothing after it. `linked`, when set, is called as soon as the events held with
  // others are linked (their `$ref`s expanded): from then on this builder only reads them, and the
  // next builder sharing them may finish on another thread while this one checks their
  // references and derives its routes.
  BuildResult finish(const std::function<void()>& linked = {});

 private:
  struct State;
  void add_shared_event(const config::Node& root, SharedDocument& shared, EventReadAhead* ahead);
  void add_event(EventReadAhead& read);
  std::unique_ptr<State> state_;
};

// Reads every document into one model (a ModelBuilder fed in order).
BuildResult build_model(const std::vector<const config::Document*>& documents);
BuildResult build_model(const std::vector<config::Document>& documents);

}  // namespace steward::model
