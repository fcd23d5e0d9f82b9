#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace steward::diff {

// Whether `next` accepts every value `old` accepts, judged as JSON Schema: a change is backward
// compatible when every event valid under the old schema stays valid under the new one. Each
// reason it is not is appended to `reasons` ("cart.total: minimum raised from 0 to 1").
//
// Judged per keyword: type (a union may widen, `number` accepts integers), required (at every
// level), additionalProperties (with properties added or removed), enum, const, pattern and
// format (changed at all: steward does not compare regular expressions), minimum/maximum and
// their exclusive forms, minLength/maxLength, minItems/maxItems, minProperties/maxProperties, and
// nested objects and array items. Constraints that apply to a JSON type the old schema does not
// accept are not judged (a maxLength added to an integer property). What the old schema already
// implied is no narrowing when written out: a `type` its enum values all have, a maxLength no
// shorter than its enum values, `format: uuid` or a fixed-length pattern (implied_lengths.h),
// properties listed where `maxProperties: 0` allowed none.
bool backward_compatible(const model::Property& old, const model::Property& next,
                         std::vector<std::string>& reasons);

// The judgment with its caveats: `breaks` are why `next` rejects values `old` accepts; `notes` are
// changes SchemaVer as Iglu users practise it counts as an ADDITION although an earlier event
// could, in principle, be rejected: an optional property added with constraints to an object that
// does not forbid additional properties (an earlier event may carry that key with another value).
struct Compatibility {
  std::vector<std::string> breaks;
  std::vector<std::string> notes;
  bool compatible() const { return breaks.empty(); }
};
Compatibility judge_compatibility(const model::Property& old, const model::Property& next);

// The schema of a whole event, as an object property: its properties and whether properties
// beyond them are allowed. For judging versions of one event schema.
model::Property event_schema(const model::Event& event);

}  // namespace steward::diff
