#pragma once

#include <vector>

#include "config/node.h"
#include "model/formats/json_schema_events.h"
#include "model/formats/rudder_project.h"
#include "model/formats/segment_plan.h"
#include "model/formats/snowplow_cli.h"
#include "model/model.h"
#include "source/diagnostic.h"

namespace steward::model::formats {

// What the external formats contribute to the model.
struct ExternalEntities {
  std::vector<Event> events;
  std::vector<Source> sources;
  std::vector<Destination> destinations;
};

// The formats teams already keep, read as they are (docs/formats.md): JSON Schema event
// definitions, Snowplow/Iglu self-describing schemas, snowplow-cli data structures and data
// products, Segment Protocols tracking plans (typewriter's JSON), and rudder-cli projects. The
// model builder offers each document first; what is taken is read here, once every document has
// been offered, because references cross files.
class ExternalFormats {
 public:
  explicit ExternalFormats(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // Takes a rudder-cli spec (`version: rudder/...`), a snowplow-cli resource (`apiVersion` and
  // `resourceType`) or a JSON Schema without `kind:`; returns
  // false for anything else (the native format, or an unknown document).
  bool take(const config::Document& document);

  // The entities of every document taken. `library` is the native property library, which can
  // classify rudder-cli properties (their files cannot carry steward's keys).
  ExternalEntities read(const std::vector<Property>& library);

 private:
  Diagnostics& diagnostics_;
  JsonSchemaEvents json_schema_;
  RudderProject rudder_;
  SnowplowProject snowplow_;
  SegmentTrackingPlans segment_;
};

}  // namespace steward::model::formats
