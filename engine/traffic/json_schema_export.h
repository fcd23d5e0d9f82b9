#pragma once

#include <string>
#include <vector>

#include "model/model.h"

// `steward export json-schema`: one JSON Schema (draft-07, which ajv, Snowplow and RudderStack
// read) per event of the plan, for the Segment/RudderStack event: {"event": NAME, "properties":
// {...}}. Consent (a property of the user, not of the event's payload) is not expressible in JSON
// Schema and is left to `steward validate` (docs/traffic.md).
namespace steward::traffic {

struct EventSchema {
  std::string event;
  std::string file_name;  // "<event>.json", made safe for a file system and unique
  std::string text;       // the schema, pretty-printed JSON
};

std::vector<EventSchema> export_json_schemas(const model::Model& model);

}  // namespace steward::traffic
