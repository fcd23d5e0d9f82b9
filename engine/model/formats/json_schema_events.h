#pragma once

#include <vector>

#include "config/node.h"
#include "model/formats/schema_documents.h"
#include "model/model.h"
#include "source/diagnostic.h"

namespace steward::model::formats {

// JSON Schema event definitions (plain JSON Schema files, Segment/RudderStack/Avo exports, and
// Snowplow/Iglu self-describing schemas) read as events of the model.
class JsonSchemaEvents {
 public:
  // Whether a document without `kind:` is a JSON Schema: its `$schema` names json-schema.org or
  // Iglu's self-describing meta-schema, or it has a `self` block.
  static bool recognises(const config::Node& root);

  void add(const config::Document& document) { documents_.add(document); }

  // Every document that describes an event, as an event. A document with definitions only, and
  // one other schemas `$ref` into that does not declare an event (x-steward-owner, -domain,
  // -sources, or a Segment call layout), holds shared definitions and is no event of its own;
  // one of those that no event reaches is schema.unread-schema, never left out silently.
  std::vector<Event> read(Diagnostics& diagnostics);

 private:
  SchemaDocuments documents_;
};

}  // namespace steward::model::formats
