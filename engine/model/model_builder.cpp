#include "model/model_builder.h"

#include <unordered_map>

#include "model/default_taxonomy.h"
#include "model/formats/external_formats.h"
#include "model/kind_readers.h"
#include "model/property_value_pool.h"
#include "model/reference_resolver.h"
#include "model/route_builder.h"
#include "model/yaml_field_reader.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::model {

// Reports the second and later definitions of one name within one kind. Outside the anonymous
// namespace: ModelBuilder::State, which the header declares, holds one.
class DuplicateNames {
 public:
  explicit DuplicateNames(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // Returns false (and reports) when `name` was already defined for `kind`.
  bool first(std::string_view kind, const std::string& name, const Span& span) {
    auto [it, inserted] = seen_.try_emplace(std::string(kind) + "\n" + name, span);
    if (inserted) return true;
    report(diagnostics_, rule_id::kSchemaDuplicateName, span,
           std::string(kind) + " '" + name + "' is defined twice",
           "give each " + std::string(kind) + " a unique name, or merge the two definitions",
           "first defined at " + it->second.file() + ":" + std::to_string(it->second.line));
    return false;
  }

 private:
  Diagnostics& diagnostics_;
  std::unordered_map<std::string, Span> seen_;
};

namespace {

template <typename T, typename List>
void add_named(std::optional<T> entity, List& into, std::string_view kind,
               DuplicateNames& duplicates) {
  if (entity && duplicates.first(kind, entity->name, entity->span)) {
    into.push_back(std::move(*entity));
  }
}

// What one native document is read into.
struct ModelParts {
  Model& model;
  Diagnostics& diagnostics;
  DuplicateNames& duplicates;
  std::optional<Taxonomy>& taxonomy;   // at most one; the default applies without
  PropertyValuePool& property_values;  // every property's constraints and category pass through it
};

struct NativeKind {
  std::string_view name;
  void (*read)(const config::Node& root, ModelParts& parts);
};

// The one table of the native format's kinds: adding a kind is one row here and its reader.
const std::vector<NativeKind>& kind_table() {
  static const std::vector<NativeKind> kinds = {
      {"event",
       [](const config::Node& root, ModelParts& p) {
         std::optional<Event> event = read_event(root, p.diagnostics);
         if (event) p.property_values.intern(*event);
         add_named(std::move(event), p.model.events, "event", p.duplicates);
       }},
      {"property",
       [](const config::Node& root, ModelParts& p) {
         std::optional<Property> property = read_library_property(root, p.diagnostics);
         if (property) p.property_values.intern(*property);
         add_named(std::move(property), p.model.property_library, "property", p.duplicates);
       }},
      {"source",
       [](const config::Node& root, ModelParts& p) {
         add_named(read_source(root, p.diagnostics), p.model.sources, "source", p.duplicates);
       }},
      {"destination",
       [](const config::Node& root, ModelParts& p) {
         add_named(read_destination(root, p.diagnostics), p.model.destinations, "destination",
                   p.duplicates);
       }},
      {"transformation",
       [](const config::Node& root, ModelParts& p) {
         add_named(read_transformation(root, p.diagnostics), p.model.transformations,
                   "transformation", p.duplicates);
       }},
      {"identity",
       [](const config::Node& root, ModelParts& p) {
         add_named(read_identity(root, p.diagnostics), p.model.identities, "identity",
                   p.duplicates);
       }},
      {"team",
       [](const config::Node& root, ModelParts& p) {
         add_named(read_team(root, p.diagnostics), p.model.teams, "team", p.duplicates);
       }},
      {"taxonomy",
       [](const config::Node& root, ModelParts& p) {
         if (auto read = read_taxonomy(root, p.diagnostics)) {
           if (p.duplicates.first("taxonomy", "taxonomy", read->span)) p.taxonomy = std::move(read);
         }
       }},
      {"slo",
       [](const config::Node& root, ModelParts& p) {
         // SLOs are named by their destination: one SLO a destination.
         if (auto slo = read_slo(root, p.diagnostics)) {
           if (p.duplicates.first("slo", slo->destination.name, slo->span)) {
             p.model.slos.push_back(std::move(*slo));
           }
         }
       }},
  };
  return kinds;
}

const NativeKind* find_kind(std::string_view name) {
  for (const NativeKind& kind : kind_table()) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

}  // namespace

const std::vector<std::string>& native_kinds() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const NativeKind& kind : kind_table())
      all.emplace_back(kind.name);
    return all;
  }();
  return names;
}

std::string native_kind_list() {
  const std::vector<std::string>& names = native_kinds();
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) list += i + 1 == names.size() ? " and " : ", ";
    list += names[i];
  }
  return list;
}

// Where a model's property library was read from: the shared documents (by id) its `kind:
// property` documents came from, in the order read, and whether one came from a document no other
// model read. Two models whose origins are the same read the same documents into their library,
// in the same order, so their libraries are equal (a library entry is read from its document
// alone, and the duplicate check sees the same names in the same order).
struct LibraryOrigin {
  std::vector<uint64_t> documents;
  bool own = false;

  bool same_as(const LibraryOrigin& other) const {
    return !own && !other.own && documents == other.documents;
  }
};

// An event read from a SharedDocument, for every builder that reads the document. Builders use it
// on the loading thread only, one after another (head's and base's are built on one thread, see
// load_snapshots), so nothing here is locked.
struct SharedEvent {
  std::shared_ptr<Event> event;  // null when the document names no event
  Diagnostics diagnostics;       // what reading it reported (schema.*), for each reader to report
  // The library of the builders that share its resolution: the first one's to settle
  // (ModelBuilder::settle_shared_events); the others hold their own copy.
  const LibraryOrigin* library = nullptr;
  SharedLinking linking;
};

// Everything one model's reading keeps between documents. Held behind a pointer: the duplicate
// check and the external formats refer to `result.diagnostics`, which must not move.
struct ModelBuilder::State {
  BuildResult result;
  DuplicateNames duplicates{result.diagnostics};
  std::optional<Taxonomy> taxonomy;
  formats::ExternalFormats external{result.diagnostics};
  PropertyValuePool property_values;
  LibraryOrigin library;
  // The events this model holds with others: (position in model.events, what they share).
  std::vector<std::pair<size_t, std::shared_ptr<SharedEvent>>> shared_events;
  bool settled = false;
};

ModelBuilder::ModelBuilder() : state_(std::make_unique<State>()) {}
ModelBuilder::~ModelBuilder() = default;

std::optional<EventReadAhead> read_event_ahead(const config::Document& document) {
  const config::Node& root = document.root;
  const config::Node* kind = root.is_mapping() ? root.find("kind") : nullptr;
  if (!kind || !kind->is_scalar() || kind->text != "event") return std::nullopt;
  EventReadAhead read;
  read.event = read_event(root, read.diagnostics);
  return read;
}

bool ModelBuilder::add(const config::Document& document, SharedDocument* shared,
                       EventReadAhead* ahead) {
  Model& model = state_->result.model;
  Diagnostics& diagnostics = state_->result.diagnostics;
  const config::Node& root = document.root;
  if (root.is_null()) return false;  // an empty document, e.g. a trailing `---`
  // JSON Schema, Iglu and rudder-cli documents (docs/formats.md).
  if (state_->external.take(document)) return true;
  const config::Node* kind = root.is_mapping() ? root.find("kind") : nullptr;
  if (!kind) {
    diagnostics.push_back(make_diagnostic(
        rule_id::kSchemaMissingKind, Severity::warning, root.span,
        "this document has no `kind:`, so steward does not read it",
        "add `kind: event` (or source, destination, ...), or exclude the file in steward.yaml"));
    return false;
  }
  if (const NativeKind* native = find_kind(kind->text)) {
    if (shared && native->name == "event") {
      add_shared_event(root, *shared, ahead);
      return false;
    }
    if (ahead && native->name == "event") {
      add_event(*ahead);
      return false;
    }
    if (native->name == "property") {
      if (shared) {
        state_->library.documents.push_back(shared->id);
      } else {
        state_->library.own = true;
      }
    }
    ModelParts parts{model, diagnostics, state_->duplicates, state_->taxonomy,
                     state_->property_values};
    native->read(root, parts);
    return false;
  }
  auto guess = closest_match(kind->text, native_kinds());
  report(diagnostics, rule_id::kSchemaUnknownKind, kind->span,
         "unknown kind '" + std::string(kind->text) + "'", "kinds are " + native_kind_list(),
         guess ? "did you mean '" + *guess + "'?" : "");
  return false;
}

// An event document several builders read: the first reads it, every one reports what reading
// it reported, and each that has no event of that name yet holds it.
void ModelBuilder::add_shared_event(const config::Node& root, SharedDocument& shared,
                                    EventReadAhead* ahead) {
  State& state = *state_;
  if (!shared.read) {
    auto read = std::make_shared<SharedEvent>();
    std::optional<Event> event;
    if (ahead) {
      event = std::move(ahead->event);
      read->diagnostics = std::move(ahead->diagnostics);
    } else {
      event = read_event(root, read->diagnostics);
    }
    if (event) {
      state.property_values.intern(*event);
      read->event = std::make_shared<Event>(std::move(*event));
    }
    shared.read = std::move(read);
  }
  const SharedEvent& read = *shared.read;
  Diagnostics& diagnostics = state.result.diagnostics;
  diagnostics.insert(diagnostics.end(), read.diagnostics.begin(), read.diagnostics.end());
  if (read.event && state.duplicates.first("event", read.event->name, read.event->span)) {
    EventList& events = state.result.model.events;
    events.push_shared(read.event);
    state.shared_events.emplace_back(events.size() - 1, shared.read);
  }
}

// As the native kind "event" reads, from a read ahead.
void ModelBuilder::add_event(EventReadAhead& read) {
  State& state = *state_;
  Diagnostics& diagnostics = state.result.diagnostics;
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(read.diagnostics.begin()),
                     std::make_move_iterator(read.diagnostics.end()));
  if (read.event) state.property_values.intern(*read.event);
  add_named(std::move(read.event), state.result.model.events, "event", state.duplicates);
}

void ModelBuilder::settle_shared_events() {
  State& state = *state_;
  if (state.settled) return;
  state.settled = true;
  for (auto& [index, shared] : state.shared_events) {
    if (!shared->library) shared->library = &state.library;
    if (shared->library == &state.library || shared->library->same_as(state.library)) continue;
    // Read from the same document but resolved against another library: this model's own copy,
    // taken before any model has resolved the event (as it was read).
    state.result.model.events.replace(index, std::make_shared<Event>(*shared->event));
    shared.reset();
  }
  std::erase_if(state.shared_events, [](const auto& entry) { return entry.second == nullptr; });
}

BuildResult ModelBuilder::finish(const std::function<void()>& linked) {
  State& state = *state_;
  settle_shared_events();
  Model& model = state.result.model;
  formats::ExternalEntities read = state.external.read(model.property_library);
  for (auto& event : read.events) {
    state.property_values.intern(event);
    add_named(std::optional(std::move(event)), model.events, "event", state.duplicates);
  }
  for (auto& source : read.sources) {
    add_named(std::optional(std::move(source)), model.sources, "source", state.duplicates);
  }
  for (auto& destination : read.destinations) {
    add_named(std::optional(std::move(destination)), model.destinations, "destination",
              state.duplicates);
  }
  model.taxonomy = state.taxonomy ? std::move(*state.taxonomy) : default_taxonomy();
  model.index();
  std::vector<SharedLinking*> linking;
  if (!state.shared_events.empty()) {
    linking.resize(model.events.size(), nullptr);
    for (auto& [index, shared] : state.shared_events)
      linking[index] = &shared->linking;
  }
  // The next model may resolve once this one has linked the events they share.
  resolve_references(model, state.result.diagnostics, linking, linked);
  state.shared_events.clear();  // the last model to finish releases what they shared
  build_routes(model);
  // What only building needed (the names seen, the pools of values, what was shared) is freed
  // here, on the thread that finished this model, beside the other model's finishing: freed
  // with the builder it was 20 ms of a large check with nothing else running.
  BuildResult built = std::move(state.result);
  state_.reset();
  return built;
}

BuildResult build_model(const std::vector<const config::Document*>& documents) {
  ModelBuilder builder;
  for (const config::Document* document : documents)
    builder.add(*document);
  return builder.finish();
}

BuildResult build_model(const std::vector<config::Document>& documents) {
  std::vector<const config::Document*> pointers;
  pointers.reserve(documents.size());
  for (const auto& document : documents)
    pointers.push_back(&document);
  return build_model(pointers);
}

}  // namespace steward::model
