#pragma once

#include <deque>
#include <vector>

#include "config/node.h"
#include "model/model.h"
#include "source/diagnostic.h"

// snowplow-cli's infrastructure-as-code (docs/formats.md): data structures (`apiVersion: v1`,
// `resourceType: data-structure`, `meta`, and `data` holding a self-describing Iglu schema) and
// data products (`resourceType: data-product`: event specifications that name Iglu schemas, a
// domain and an owner).
namespace steward::model::formats {

// Whether a document without `kind:` is a snowplow-cli resource (`apiVersion` and
// `resourceType`).
bool is_snowplow_document(const config::Node& root);

// A data product's event specification as written: which Iglu schema it tracks, and the data
// product's domain and owner, which the event takes.
struct SnowplowEventSpec {
  Ref name;            // the specification's name
  Ref source;          // event.source: iglu:VENDOR/NAME/jsonschema/VERSION
  Ref owner;           // the data product's owner
  std::string domain;  // the data product's domain
};

class SnowplowProject {
 public:
  // Checks the envelope of a snowplow-cli document. A data structure's `data` is returned as a
  // document of its own (kept here, so it outlives the reading), to be read as an Iglu schema;
  // a data product's event specifications are kept for link_events; anything else is nullptr.
  const config::Document* take(const config::Document& document, Diagnostics& diagnostics);

  // Gives the events the data products' event specifications name their owner and domain (where
  // the schema declares none). A specification naming an Iglu schema of a vendor the repository
  // holds schemas for, but no such version, is reference.unknown-event; other vendors' schemas
  // (Iglu Central's) are not in the repository and are not checked.
  void link_events(std::vector<Event>& events, Diagnostics& diagnostics) const;

 private:
  std::deque<config::Document> schemas_;
  std::vector<SnowplowEventSpec> specifications_;
};

}  // namespace steward::model::formats
