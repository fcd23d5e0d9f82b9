#include "model/formats/json_schema_events.h"

#include "model/formats/iglu.h"
#include "model/formats/json_schema_reader.h"
#include "model/formats/schema_merge.h"
#include "model/yaml_field_reader.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

namespace steward::model::formats {

namespace {

// A document that constrains nothing at its root: a container of `definitions`/`$defs`.
bool definitions_only(const config::Node& root) {
  for (const char* key :
       {"type", "properties", "required", "items", "$ref", "allOf", "anyOf", "oneOf"}) {
    if (root.find(key)) return false;
  }
  return true;
}

// Segment Protocols (and exports following it) wrap an event's properties in the call's layout:
// `properties: {context: ..., traits: ..., properties: {the event's properties}}`. The event's
// schema is then the inner `properties`.
const config::Node* unwrap_call_layout(const config::Node& root) {
  const config::Node* layout = root.find("properties");
  if (!layout || !layout->is_mapping()) return nullptr;
  const config::Node* inner = layout->find("properties");
  if (!inner || !inner->is_mapping() || !(inner->find("properties") || inner->find("type"))) {
    return nullptr;
  }
  for (const auto& entry : layout->entries) {
    const std::string_view key = entry.key.text;
    if (key != "properties" && key != "context" && key != "traits") return nullptr;
  }
  return inner;
}

// A document that says it is an event, even when other schemas `$ref` it: it carries steward's
// event annotations, or wraps its properties in a Segment call's layout.
bool declares_event(const config::Node& root) {
  for (const char* key : {"x-steward-owner", "x-steward-domain", "x-steward-sources"}) {
    if (root.find(key)) return true;
  }
  return unwrap_call_layout(root) != nullptr;
}

std::string path_of(const config::Document& document) {
  return document.source ? document.source->path() : std::string();
}

// A document that is no event and that no event reached through `$ref`: nothing in it is
// checked, so it is a finding rather than left out silently.
void report_unread(const config::Document& document, const SchemaDocuments& documents,
                   Diagnostics& diagnostics) {
  auto cycle = documents.cycle_through(document);
  Span span = document.root.span;
  std::string message =
      "this schema is not read: other schemas `$ref` it, so it is no event of its own, but no "
      "event reaches it";
  if (!cycle.path.empty()) {
    std::string files;
    for (const config::Document* step : cycle.path)
      files += (files.empty() ? "" : " -> ") + path_of(*step);
    span = cycle.first_ref;
    message = "this schema is not read: its `$ref`s lead back to it (" + files +
              "), so each file is one other schemas refer to, none declares an event, and no "
              "event reaches them";
  }
  report(diagnostics, rule_id::kSchemaUnreadSchema, span, std::move(message),
         "a file others `$ref` is read as shared definitions; it is an event only when it "
         "declares one",
         "declare the event with `x-steward-owner` (and `x-steward-sources`), or exclude the file "
         "in steward.yaml");
}

// "tracking/checkout_started.schema.json" -> "checkout_started".
std::string file_stem(const std::string& path) {
  std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  for (const char* suffix : {".json", ".yaml", ".yml", ".schema"}) {
    if (name.size() > std::string_view(suffix).size() && name.ends_with(suffix)) {
      name.resize(name.size() - std::string_view(suffix).size());
    }
  }
  return name;
}

// steward's own annotations of an event, under `x-steward-`: its owner, domain and sources.
void read_event_extensions(const config::Node& root, Event& event, Diagnostics& diagnostics) {
  if (const config::Node* owner = root.find("x-steward-owner")) {
    if (auto ref = scalar_ref(*owner, "x-steward-owner", diagnostics)) event.owner = *ref;
  }
  if (const config::Node* domain = root.find("x-steward-domain")) {
    if (auto ref = scalar_ref(*domain, "x-steward-domain", diagnostics)) event.domain = ref->name;
  }
  if (const config::Node* sources = root.find("x-steward-sources")) {
    if (!sources->is_sequence()) {
      report(diagnostics, rule_id::kSchemaWrongType, sources->span,
             "x-steward-sources must be a list, not a " + std::string(sources->type_name()));
      return;
    }
    for (const auto& item : sources->items) {
      if (auto ref = scalar_ref(item, "an item of x-steward-sources", diagnostics)) {
        event.sources.push_back(std::move(*ref));
      }
    }
  }
}

}  // namespace

bool JsonSchemaEvents::recognises(const config::Node& root) {
  if (!root.is_mapping() || root.find("kind")) return false;
  if (const config::Node* schema = root.find("$schema"); schema && schema->is_scalar()) {
    const std::string_view uri = schema->text;
    if (uri.find("json-schema.org") != std::string::npos) return true;
    if (uri.find("iglucentral.com/schemas/com.snowplowanalytics.self-desc/") != std::string::npos) {
      return true;
    }
  }
  const config::Node* self = root.find("self");
  return self && self->is_mapping();
}

std::vector<Event> JsonSchemaEvents::read(Diagnostics& diagnostics) {
  documents_.index_references();
  JsonSchemaReader reader(documents_, diagnostics);
  std::vector<Event> events;
  std::vector<const config::Document*> shared;  // read only where an event's `$ref` reaches them
  for (const config::Document* document : documents_.documents()) {
    const config::Node& root = document->root;
    const std::string path = path_of(*document);
    Event event;
    if (const config::Node* self = root.find("self"); self && self->is_mapping()) {
      auto iglu = read_iglu_self(*self, path, diagnostics);
      if (!iglu) continue;
      event.name = iglu->uri();
      event.span = iglu->name.span;
      event.vendor = iglu->vendor.name;
      event.schema = iglu->key();
      event.version = iglu->version.name;
      event.version_span = iglu->version.span;
    } else if (root.find("$schema") &&
               root.find("$schema")->text.find("self-desc") != std::string::npos) {
      report(diagnostics, rule_id::kSchemaMissingField, root.span,
             "this self-describing schema has no `self` block",
             "add `self: {vendor, name, format: jsonschema, version: 1-0-0}`");
      continue;
    } else if (definitions_only(root)) {
      continue;
    } else if (documents_.referenced(*document) && !declares_event(root)) {
      shared.push_back(document);
      continue;
    } else if (const config::Node* title = root.find("title");
               title && title->is_scalar() && !title->text.empty()) {
      event.name = title->text;
      event.span = title->span;
    } else {
      event.name = file_stem(path);
      event.span = root.span;
    }
    read_event_extensions(root, event, diagnostics);

    const config::Node* inner = unwrap_call_layout(root);
    Property schema;
    schema.span = schema.type_span = schema.pii_span = event.span;
    reader.read(inner ? *inner : root, *document, schema);
    if (!schema.types.empty() && !accepts_type(schema.types, "object")) {
      report(diagnostics, rule_id::kSchemaInvalidValue, schema.type_span,
             "an event's schema must describe an object, not " + schema.types.front(),
             "events are JSON objects: `type: object` with `properties`");
    }
    event.description = *schema.description;
    if (event.description.empty() && inner) {
      if (const config::Node* d = root.find("description"); d && d->is_scalar()) {
        event.description = d->text;
      }
    }
    event.additional_properties = schema.additional_properties;
    event.properties = std::move(schema.properties);
    events.push_back(std::move(event));
  }
  for (const config::Document* document : shared) {
    if (!reader.reached(*document)) report_unread(*document, documents_, diagnostics);
  }
  return events;
}

}  // namespace steward::model::formats
