#pragma once

#include <string>
#include <vector>

#include "model/model.h"

// Combining property schemas, for the JSON Schema combinators: allOf (and `$ref` with keywords
// beside it) requires both, so constraints are intersected; anyOf/oneOf of simple branches accepts
// either, so types are united.
namespace steward::model::formats {

// A property with the identity of `like` (name, path, spans) and no constraints: what an empty
// schema `{}` reads as.
Property blank_like(const Property& like);

// Adds the constraints of `from` to `into` so that a value must satisfy both. What cannot be
// represented (two different patterns, formats or consts; types with nothing in common) is
// appended to `conflicts` as the keyword's name, and `into` keeps its own. `from` is taken by
// value so that a schema read for one place moves its nested properties instead of copying them.
void merge_schema(Property& into, Property from, std::vector<std::string>& conflicts);

// Whether the schema constrains nothing but its type (and annotations): a branch like
// `{type: null}` of an anyOf.
bool is_type_only(const Property& property);

// Whether the type list accepts values of JSON type `type` (an empty list accepts everything;
// `number` accepts integers).
bool accepts_type(const TypeNames& types, const std::string& type);

}  // namespace steward::model::formats
