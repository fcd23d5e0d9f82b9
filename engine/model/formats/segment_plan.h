#pragma once

#include <deque>
#include <vector>

#include "config/node.h"
#include "source/diagnostic.h"

// Segment Protocols tracking plans as exported to JSON, the shape segmentio/typewriter reads
// (docs/formats.md): `{"events": [{"name", "description", "rules": JSON Schema}]}`, or the API's
// `{"display_name", "rules": {"events": [...]}}`. Each event's `rules` is a JSON Schema in the
// call's layout (`properties: {context, traits, properties}`), read like any JSON Schema event.
namespace steward::model::formats {

class SegmentTrackingPlans {
 public:
  // Whether a document without `kind:` and without `$schema` is such a plan.
  static bool recognises(const config::Node& root);

  // Each event of the plan as a JSON Schema document of its own (kept here), titled with the
  // event's name and described with its description, so the JSON Schema reader names it.
  std::vector<const config::Document*> take(const config::Document& document,
                                            Diagnostics& diagnostics);

 private:
  std::deque<config::Document> events_;
};

}  // namespace steward::model::formats
