// The rudder-cli project reader (engine/model/formats) over the input's files: by default one
// YAML spec; a line "@@ PATH" starts another file, so a project's tracking plan, events,
// properties, custom types, sources and destinations reference each other across files.

#include "model_snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  steward::fuzzing::read_model(data, size, "rudder/fuzz.yaml");
  return 0;
}
