// backward_compatible over pairs of JSON Schemas: for every keyword steward maps, a change every
// earlier value survives (compatible) and one some earlier value does not (incompatible, with the
// reason). The schemas are read by the JSON Schema reader, as steward reads them from files.

#include <map>

#include "diff/schema_compatibility.h"
#include "formats_helpers.h"

using namespace steward;
using namespace steward::formats_testing;

namespace {

struct Pair {
  const char* keyword;
  const char* old_schema;
  const char* next_schema;
  bool compatible;
  const char* reason = "";  // a part of the expected reason, when incompatible
};

const Pair kPairs[] = {
    // type, with unions
    {"type", R"({"type": "string"})", R"({"type": ["string", "null"]})", true},
    {"type", R"({"type": "integer"})", R"({"type": "number"})", true},
    {"type", R"({"type": "string"})", R"({})", true},
    {"type", R"({"type": ["string", "null"]})", R"({"type": "string"})", false,
     "value: type string, null changed to string: null values are no longer accepted"},
    {"type", R"({"type": "number"})", R"({"type": "integer"})", false,
     "number values are no longer accepted"},
    {"type", R"({})", R"({"type": "string"})", false, "value: type narrowed from any to string"},
    // required, at the object level
    {"required",
     R"({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]})",
     R"({"type": "object", "properties": {"a": {"type": "string"}}})", true},
    {"required", R"({"type": "object", "properties": {"a": {"type": "string"}}})",
     R"({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]})", false,
     "value.a: became required"},
    {"required", R"({"type": "object", "additionalProperties": false})",
     R"({"type": "object", "required": ["b"], "additionalProperties": false})", false,
     "value.b: added as required"},
    // additionalProperties, and properties added or removed under it
    {"additionalProperties", R"({"type": "object", "additionalProperties": false})",
     R"({"type": "object"})", true},
    {"additionalProperties", R"({"type": "object", "additionalProperties": true})",
     R"({"type": "object", "additionalProperties": false})", false,
     "value: additionalProperties changed to false"},
    {"additionalProperties", R"({"type": "object", "additionalProperties": false})",
     R"({"type": "object", "properties": {"c": {"type": "string"}}, "additionalProperties": false})",
     true},
    // An optional property added to an open object: an ADDITION as Iglu users practise SchemaVer
    // (judge_compatibility notes it; tests/unit/diff covers the note).
    {"additionalProperties", R"({"type": "object"})",
     R"({"type": "object", "properties": {"c": {"type": "string"}}})", true},
    {"additionalProperties", R"({"type": "object"})",
     R"({"type": "object", "properties": {"c": {"description": "anything"}}})", true},
    {"additionalProperties",
     R"({"type": "object", "properties": {"d": {"type": "string"}}, "additionalProperties": false})",
     R"({"type": "object", "additionalProperties": false})", false,
     "value.d: removed while additionalProperties is false"},
    {"additionalProperties", R"({"type": "object", "properties": {"d": {"type": "string"}}})",
     R"({"type": "object"})", true},
    // enum
    {"enum", R"({"enum": ["a", "b"]})", R"({"enum": ["a", "b", "c"]})", true},
    {"enum", R"({"enum": ["a", "b"]})", R"({})", true},
    {"enum", R"({"enum": ["a", "b"]})", R"({"enum": ["a"]})", false,
     "value: enum value 'b' is no longer accepted"},
    {"enum", R"({"type": "string"})", R"({"type": "string", "enum": ["a"]})", false,
     "value: enum added"},
    // const
    {"const", R"({"const": "web"})", R"({"enum": ["web", "ios"]})", true},
    {"const", R"({"const": "web"})", R"({})", true},
    {"const", R"({"const": "web"})", R"({"const": "ios"})", false, "value: const changed to 'ios'"},
    {"const", R"({"type": "string"})", R"({"type": "string", "const": "web"})", false,
     "value: const 'web' added"},
    // pattern
    {"pattern", R"({"type": "string", "pattern": "^[a-z]+$"})", R"({"type": "string"})", true},
    {"pattern", R"({"type": "string", "pattern": "^[a-z]+$"})",
     R"({"type": "string", "pattern": "^[a-z]+$"})", true},
    {"pattern", R"({"type": "string", "pattern": "^[a-z]+$"})",
     R"({"type": "string", "pattern": "^[a-z0-9]+$"})", false,
     "value: pattern changed from '^[a-z]+$' to '^[a-z0-9]+$'"},
    {"pattern", R"({"type": "string"})", R"({"type": "string", "pattern": "^[a-z]+$"})", false,
     "value: pattern '^[a-z]+$' added"},
    // format
    {"format", R"({"type": "string", "format": "email"})", R"({"type": "string"})", true},
    {"format", R"({"type": "string", "format": "email"})", R"({"type": "string", "format": "uri"})",
     false, "value: format changed from 'email' to 'uri'"},
    {"format", R"({"type": "string"})", R"({"type": "string", "format": "uuid"})", false,
     "value: format 'uuid' added"},
    // minimum, maximum
    {"minimum", R"({"type": "number", "minimum": 0})", R"({"type": "number", "minimum": -1})",
     true},
    {"minimum", R"({"type": "number", "minimum": 0})", R"({"type": "number"})", true},
    {"minimum", R"({"type": "number", "minimum": 0})", R"({"type": "number", "minimum": 1})", false,
     "value: lower bound tightened from >= 0 to >= 1"},
    {"minimum", R"({"type": "number"})", R"({"type": "number", "minimum": 0})", false,
     "value: lower bound tightened from none to >= 0"},
    {"maximum", R"({"type": "number", "maximum": 10})", R"({"type": "number", "maximum": 20})",
     true},
    {"maximum", R"({"type": "number", "maximum": 10})", R"({"type": "number", "maximum": 9})",
     false, "value: upper bound tightened from <= 10 to <= 9"},
    // exclusiveMinimum, exclusiveMaximum: draft-06+ numbers
    {"exclusiveMinimum", R"({"type": "number", "exclusiveMinimum": 0})",
     R"({"type": "number", "minimum": 0})", true},
    {"exclusiveMinimum", R"({"type": "number", "minimum": 0})",
     R"({"type": "number", "exclusiveMinimum": 0})", false,
     "value: lower bound tightened from >= 0 to > 0"},
    {"exclusiveMaximum", R"({"type": "number", "exclusiveMaximum": 10})",
     R"({"type": "number", "exclusiveMaximum": 11})", true},
    {"exclusiveMaximum", R"({"type": "number", "exclusiveMaximum": 10})",
     R"({"type": "number", "maximum": 9})", false,
     "value: upper bound tightened from < 10 to <= 9"},
    // exclusiveMinimum, exclusiveMaximum: draft-04 booleans
    {"exclusiveMinimum (draft-04)", R"({"type": "number", "minimum": 0, "exclusiveMinimum": true})",
     R"({"type": "number", "minimum": 0})", true},
    {"exclusiveMinimum (draft-04)", R"({"type": "number", "minimum": 0})",
     R"({"type": "number", "minimum": 0, "exclusiveMinimum": true})", false,
     "value: lower bound tightened from >= 0 to > 0"},
    {"exclusiveMaximum (draft-04)", R"({"type": "number", "maximum": 5, "exclusiveMaximum": true})",
     R"({"type": "number", "maximum": 5, "exclusiveMaximum": false})", true},
    {"exclusiveMaximum (draft-04)", R"({"type": "number", "maximum": 5})",
     R"({"type": "number", "maximum": 5, "exclusiveMaximum": true})", false,
     "value: upper bound tightened from <= 5 to < 5"},
    // minLength, maxLength
    {"minLength", R"({"type": "string", "minLength": 2})", R"({"type": "string", "minLength": 1})",
     true},
    {"minLength", R"({"type": "string", "minLength": 1})", R"({"type": "string", "minLength": 2})",
     false, "value: minLength raised from 1 to 2"},
    {"maxLength", R"({"type": "string", "maxLength": 10})",
     R"({"type": "string", "maxLength": 20})", true},
    {"maxLength", R"({"type": "string", "maxLength": 20})",
     R"({"type": "string", "maxLength": 10})", false, "value: maxLength lowered from 20 to 10"},
    {"maxLength", R"({"type": "string"})", R"({"type": "string", "maxLength": 10})", false,
     "value: maxLength lowered from none to 10"},
    {"maxLength", R"({"type": "integer"})", R"({"type": "integer", "maxLength": 10})", true},
    // items: object form
    {"items", R"({"type": "array", "items": {"type": "integer"}})",
     R"({"type": "array", "items": {"type": "number"}})", true},
    {"items", R"({"type": "array", "items": {"type": "number"}})",
     R"({"type": "array", "items": {"type": "integer"}})", false,
     "value[]: type number changed to integer"},
    {"items", R"({"type": "array"})", R"({"type": "array", "items": {"type": "string"}})", false,
     "value[]: type narrowed from any to string"},
    {"items", R"({"type": "array", "items": {"type": "string"}})", R"({"type": "array"})", true},
    // items: tuple form, read as its first position
    {"items (tuple)", R"({"type": "array", "items": [{"type": "string", "maxLength": 3}]})",
     R"({"type": "array", "items": [{"type": "string"}]})", true},
    {"items (tuple)", R"({"type": "array", "items": [{"type": "string"}]})",
     R"({"type": "array", "items": [{"type": "string", "maxLength": 3}]})", false,
     "value[]: maxLength lowered from none to 3"},
    // minItems, maxItems
    {"minItems", R"({"type": "array", "minItems": 2})", R"({"type": "array", "minItems": 0})",
     true},
    {"minItems", R"({"type": "array"})", R"({"type": "array", "minItems": 1})", false,
     "value: minItems raised from 0 to 1"},
    {"maxItems", R"({"type": "array", "maxItems": 5})", R"({"type": "array"})", true},
    {"maxItems", R"({"type": "array", "maxItems": 5})", R"({"type": "array", "maxItems": 4})",
     false, "value: maxItems lowered from 5 to 4"},
    // description: an annotation; no change of it rejects a value
    {"description", R"({"type": "string", "description": "old"})",
     R"({"type": "string", "description": "new"})", true},
    // x-pii: steward's annotation, not a validation keyword
    {"x-pii", R"({"type": "string", "x-pii": "none"})",
     R"({"type": "string", "x-pii": "user.contact.email"})", true},
    // nested objects
    {"properties",
     R"({"type": "object", "properties": {"address": {"type": "object", "properties": {"zip": {"type": "string", "maxLength": 5}}}}})",
     R"({"type": "object", "properties": {"address": {"type": "object", "properties": {"zip": {"type": "string", "maxLength": 10}}}}})",
     true},
    {"properties",
     R"({"type": "object", "properties": {"address": {"type": "object", "properties": {"country": {"enum": ["DE", "FR"]}}}}})",
     R"({"type": "object", "properties": {"address": {"type": "object", "properties": {"country": {"enum": ["DE"]}}}}})",
     false, "value.address.country: enum value 'FR' is no longer accepted"},
    {"properties (arrays of objects)",
     R"({"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}}})",
     R"({"type": "array", "items": {"type": "object", "properties": {"sku": {"type": "string"}}, "required": ["sku"]}})",
     false, "value[].sku: became required"},
    // $ref, within the file
    {"$ref", R"({"type": "string"})",
     R"({"$ref": "#/definitions/text", "definitions": {"text": {"type": ["string", "null"]}}})",
     true},
    {"$ref", R"({"type": "string"})",
     R"({"$ref": "#/$defs/code", "$defs": {"code": {"type": "string", "maxLength": 2}}})", false,
     "value: maxLength lowered from none to 2"},
    // allOf merging object schemas
    {"allOf",
     R"({"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, {"properties": {"b": {"type": "integer", "maximum": 5}}}]})",
     R"({"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, {"properties": {"b": {"type": "integer", "maximum": 9}}}]})",
     true},
    {"allOf", R"({"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}}]})",
     R"({"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}}, {"required": ["a"]}]})",
     false, "value.a: became required"},
    // anyOf / oneOf: unions and nullable types
    {"anyOf", R"({"type": "string"})", R"({"anyOf": [{"type": "string"}, {"type": "null"}]})",
     true},
    {"anyOf", R"({"anyOf": [{"type": "string"}, {"type": "null"}]})", R"({"type": "string"})",
     false, "null values are no longer accepted"},
    {"anyOf", R"({"anyOf": [{"type": "string", "maxLength": 5}, {"type": "null"}]})",
     R"({"anyOf": [{"type": "string", "maxLength": 8}, {"type": "null"}]})", true},
    {"oneOf", R"({"oneOf": [{"enum": ["card", "paypal"]}, {"type": "null"}]})",
     R"({"oneOf": [{"enum": ["card", "paypal", "invoice"]}, {"type": "null"}]})", true},
    {"oneOf", R"({"oneOf": [{"type": "string", "enum": ["card", "paypal"]}, {"type": "null"}]})",
     R"({"type": "string", "enum": ["card", "paypal"]})", false,
     "null values are no longer accepted"},
};

}  // namespace

TEST_SUITE("formats: backward compatibility of schema pairs") {
  TEST_CASE("every keyword: a compatible and an incompatible change") {
    for (const Pair& pair : kPairs) {
      CAPTURE(pair.keyword);
      CAPTURE(pair.old_schema);
      CAPTURE(pair.next_schema);
      Schema old_schema = read_schema(pair.old_schema);
      Schema next_schema = read_schema(pair.next_schema);
      std::vector<std::string> reasons;
      bool compatible =
          diff::backward_compatible(old_schema.property, next_schema.property, reasons);
      CAPTURE(reasons);
      CHECK(compatible == pair.compatible);
      CHECK(compatible == reasons.empty());
      if (!pair.compatible) {
        bool found = false;
        for (const auto& reason : reasons)
          found = found || reason.find(pair.reason) != std::string::npos;
        CHECK(found);
      }
    }
  }

  TEST_CASE("the pairs cover every keyword both ways (description and x-pii cannot break)") {
    std::map<std::string, std::pair<int, int>> seen;  // keyword -> (compatible, incompatible)
    for (const Pair& pair : kPairs) {
      auto& counts = seen[pair.keyword];
      (pair.compatible ? counts.first : counts.second)++;
    }
    for (const auto& entry : seen) {
      // Named, not bound: clang 14 cannot capture a structured binding in CAPTURE's lambda.
      const std::string& keyword = entry.first;
      const auto& counts = entry.second;
      CAPTURE(keyword);
      if (keyword == "description" || keyword == "x-pii" ||
          keyword == "properties (arrays of objects)") {
        continue;
      }
      CHECK(counts.first > 0);
      CHECK(counts.second > 0);
    }
    for (const char* keyword : {"type",
                                "required",
                                "additionalProperties",
                                "enum",
                                "const",
                                "pattern",
                                "format",
                                "minimum",
                                "maximum",
                                "exclusiveMinimum",
                                "exclusiveMaximum",
                                "exclusiveMinimum (draft-04)",
                                "exclusiveMaximum (draft-04)",
                                "minLength",
                                "maxLength",
                                "items",
                                "items (tuple)",
                                "minItems",
                                "maxItems",
                                "description",
                                "properties",
                                "$ref",
                                "allOf",
                                "anyOf",
                                "oneOf"}) {
      CAPTURE(keyword);
      CHECK(seen.count(keyword) == 1);
    }
  }

  TEST_CASE("a sibling file's $ref is judged like an inline schema") {
    auto built = build({{"events/address.json",
                         R"({"$schema": "http://json-schema.org/draft-07/schema#",
                             "type": "object",
                             "properties": {"zip": {"type": "string", "maxLength": 5}}})"},
                        {"events/a.json", R"({"$schema": "http://json-schema.org/draft-07/schema#",
                             "title": "a", "type": "object",
                             "properties": {"address": {"$ref": "./address.json"}}})"},
                        {"events/b.json", R"({"$schema": "http://json-schema.org/draft-07/schema#",
                             "title": "b", "type": "object",
                             "properties": {"address": {"type": "object",
                               "properties": {"zip": {"type": "string", "maxLength": 4}}}}})"}});
    const auto& model = built.result.model;
    REQUIRE(model.events.size() == 2);  // address.json holds definitions: no event
    std::vector<std::string> reasons;
    CHECK_FALSE(diff::backward_compatible(diff::event_schema(model.events[0]),
                                          diff::event_schema(model.events[1]), reasons));
    CHECK(reasons == std::vector<std::string>{"address.zip: maxLength lowered from 5 to 4"});
  }
}
