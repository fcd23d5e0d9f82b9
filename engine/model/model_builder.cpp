#include "model/model_builder.h"

#include <unordered_map>

#include "model/default_taxonomy.h"
#include "model/formats/external_formats.h"
#include "model/kind_readers.h"
#include "model/mapping_reader.h"
#include "model/reference_resolver.h"
#include "model/route_builder.h"
#include "source/spelling.h"

namespace steward::model {

namespace {

std::string place(const Span& span) {
  return span.file() + ":" + std::to_string(span.line);
}

// Reports the second and later definitions of one name within one kind.
class DuplicateNames {
 public:
  explicit DuplicateNames(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // Returns false (and reports) when `name` was already defined for `kind`.
  bool first(std::string_view kind, const std::string& name, const Span& span) {
    auto [it, inserted] = seen_.try_emplace(std::string(kind) + "\n" + name, span);
    if (inserted) return true;
    report(diagnostics_, "schema.duplicate-name", span,
           std::string(kind) + " '" + name + "' is defined twice",
           "give each " + std::string(kind) + " a unique name, or merge the two definitions",
           "first defined at " + place(it->second));
    return false;
  }

 private:
  Diagnostics& diagnostics_;
  std::unordered_map<std::string, Span> seen_;
};

template <typename T>
void add(std::optional<T> entity, std::vector<T>& into, std::string_view kind,
         DuplicateNames& duplicates) {
  if (entity && duplicates.first(kind, entity->name, entity->span)) {
    into.push_back(std::move(*entity));
  }
}

}  // namespace

const std::vector<std::string>& native_kinds() {
  static const std::vector<std::string> kinds = {"event",       "property",       "source",
                                                 "destination", "transformation", "identity",
                                                 "team",        "taxonomy",       "slo"};
  return kinds;
}

BuildResult build_model(const std::vector<const config::Document*>& documents) {
  BuildResult result;
  Model& model = result.model;
  Diagnostics& diagnostics = result.diagnostics;
  DuplicateNames duplicates(diagnostics);
  std::optional<Taxonomy> taxonomy;
  formats::ExternalFormats external(diagnostics);

  for (const config::Document* document : documents) {
    const config::Node& root = document->root;
    if (root.is_null()) continue;  // an empty document, e.g. a trailing `---`
    // JSON Schema, Iglu and rudder-cli documents (docs/formats.md).
    if (external.take(*document)) continue;
    const config::Node* kind = root.is_mapping() ? root.find("kind") : nullptr;
    if (!kind) {
      Diagnostic d;
      d.rule = "schema.missing-kind";
      d.severity = Severity::warning;
      d.span = root.span;
      d.message = "this document has no `kind:`, so steward does not read it";
      d.help =
          "add `kind: event` (or source, destination, ...), or exclude the file in "
          "steward.yaml";
      diagnostics.push_back(std::move(d));
      continue;
    }
    const std::string& k = kind->text;
    if (k == "event") {
      add(read_event(root, diagnostics), model.events, "event", duplicates);
    } else if (k == "property") {
      add(read_library_property(root, diagnostics), model.property_library, "property", duplicates);
    } else if (k == "source") {
      add(read_source(root, diagnostics), model.sources, "source", duplicates);
    } else if (k == "destination") {
      add(read_destination(root, diagnostics), model.destinations, "destination", duplicates);
    } else if (k == "transformation") {
      add(read_transformation(root, diagnostics), model.transformations, "transformation",
          duplicates);
    } else if (k == "identity") {
      add(read_identity(root, diagnostics), model.identities, "identity", duplicates);
    } else if (k == "team") {
      add(read_team(root, diagnostics), model.teams, "team", duplicates);
    } else if (k == "slo") {
      if (auto slo = read_slo(root, diagnostics)) {
        if (duplicates.first("slo", slo->destination.name, slo->span)) {
          model.slos.push_back(std::move(*slo));
        }
      }
    } else if (k == "taxonomy") {
      if (auto read = read_taxonomy(root, diagnostics)) {
        if (duplicates.first("taxonomy", "taxonomy", read->span)) taxonomy = std::move(read);
      }
    } else {
      auto guess = closest_match(k, native_kinds());
      report(diagnostics, "schema.unknown-kind", kind->span, "unknown kind '" + k + "'",
             "kinds are event, property, source, destination, transformation, identity, team, "
             "taxonomy and slo",
             guess ? "did you mean '" + *guess + "'?" : "");
    }
  }
  formats::ExternalEntities read = external.read(model.property_library);
  for (auto& event : read.events) {
    add(std::optional(std::move(event)), model.events, "event", duplicates);
  }
  for (auto& source : read.sources) {
    add(std::optional(std::move(source)), model.sources, "source", duplicates);
  }
  for (auto& destination : read.destinations) {
    add(std::optional(std::move(destination)), model.destinations, "destination", duplicates);
  }
  model.taxonomy = taxonomy ? std::move(*taxonomy) : default_taxonomy();
  model.index();
  resolve_references(model, diagnostics);
  build_routes(model);
  return result;
}

BuildResult build_model(const std::vector<config::Document>& documents) {
  std::vector<const config::Document*> pointers;
  pointers.reserve(documents.size());
  for (const auto& document : documents)
    pointers.push_back(&document);
  return build_model(pointers);
}

}  // namespace steward::model
