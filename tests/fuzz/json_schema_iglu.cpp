// The JSON Schema and Snowplow/Iglu readers (engine/model/formats) over the input's files: by
// default one JSON Schema file; a line "@@ PATH" starts another file, so $ref across files and
// Iglu schema versions side by side (schemas/VENDOR/NAME/jsonschema/1-0-0) are fuzzed too.

#include "model_snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  steward::fuzzing::read_model(data, size, "events/fuzz.json");
  return 0;
}
