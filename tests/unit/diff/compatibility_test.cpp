// judge_compatibility over pairs (base schema, head schema, expected verdict): a constraint only
// written out that the base already implied is no break, and an optional property added to an
// open object is an ADDITION with a note, as Iglu users practise SchemaVer. The schemas are read
// by the JSON Schema reader, as steward reads them from files.

#include <map>
#include <string>

#include "../formats/formats_helpers.h"
#include "diff/schema_compatibility.h"

using namespace steward;
using namespace steward::formats_testing;

namespace {

enum class Verdict { compatible, addition_note, breaking };

struct Pair {
  const char* keyword;
  const char* base;
  const char* head;
  Verdict verdict;
  const char* says = "";  // a part of the expected reason or note
};

const Pair kPairs[] = {
    // type written next to an enum whose values all have it
    {"type + enum", R"({"enum": ["card", "paypal"]})",
     R"({"type": "string", "enum": ["card", "paypal"]})", Verdict::compatible},
    {"type + enum", R"({"enum": [1, 2, 3]})", R"({"type": "integer", "enum": [1, 2, 3]})",
     Verdict::compatible},
    {"type + enum", R"({"enum": [1, 2.5]})", R"({"type": "number", "enum": [1, 2.5]})",
     Verdict::compatible},
    {"type + enum", R"({"enum": ["a", null]})",
     R"({"type": ["string", "null"], "enum": ["a", null]})", Verdict::compatible},
    {"type + enum", R"({"enum": ["a", 1]})", R"({"type": "string", "enum": ["a", 1]})",
     Verdict::breaking, "integer values are no longer accepted"},
    {"type + enum", R"({"enum": ["true", "1"]})", R"({"type": "boolean"})", Verdict::breaking,
     "string values are no longer accepted"},  // quoted values are strings, whatever they read as
    {"type + enum", R"({"enum": [1.5]})", R"({"type": "integer", "enum": [1.5]})",
     Verdict::breaking, "number values are no longer accepted"},
    {"type + const", R"({"const": "web"})", R"({"type": "string", "const": "web"})",
     Verdict::compatible},
    {"type + const", R"({"const": true})", R"({"type": "string"})", Verdict::breaking,
     "boolean values are no longer accepted"},
    {"type + anyOf enum", R"({"anyOf": [{"enum": ["x"]}, {"type": "null"}]})",
     R"({"type": ["string", "null"], "enum": ["x", null]})", Verdict::compatible},
    // maxLength no longer than what enum, format: uuid or a fixed-length pattern allowed
    {"maxLength + enum", R"({"type": "string", "enum": ["EUR", "USD"]})",
     R"({"type": "string", "enum": ["EUR", "USD"], "maxLength": 3})", Verdict::compatible},
    {"maxLength + enum", R"({"type": "string", "enum": ["EUR", "USD"]})",
     R"({"type": "string", "enum": ["EUR", "USD"], "maxLength": 2})", Verdict::breaking,
     "value: maxLength lowered from 3 to 2"},
    {"maxLength + enum", R"({"enum": ["müß"]})", R"({"enum": ["müß"], "maxLength": 3})",
     Verdict::compatible},  // characters, not bytes
    {"minLength + enum", R"({"type": "string", "enum": ["EUR", "GBPX"]})",
     R"({"type": "string", "minLength": 3})", Verdict::compatible},
    {"minLength + enum", R"({"type": "string", "enum": ["EUR", "GBPX"]})",
     R"({"type": "string", "minLength": 4})", Verdict::breaking,
     "value: minLength raised from 3 to 4"},
    {"maxLength + format", R"({"type": "string", "format": "uuid"})",
     R"({"type": "string", "format": "uuid", "maxLength": 36})", Verdict::compatible},
    {"maxLength + format", R"({"type": "string", "format": "uuid"})",
     R"({"type": "string", "format": "uuid", "maxLength": 64})", Verdict::compatible},
    {"maxLength + format", R"({"type": "string", "format": "uuid"})",
     R"({"type": "string", "format": "uuid", "maxLength": 35})", Verdict::breaking,
     "value: maxLength lowered from 36 to 35"},
    {"maxLength + format", R"({"type": "string", "format": "email"})",
     R"({"type": "string", "format": "email", "maxLength": 254})", Verdict::breaking,
     "value: maxLength lowered from none to 254"},
    {"maxLength + pattern", R"({"type": "string", "pattern": "^[0-9]{5}$"})",
     R"({"type": "string", "pattern": "^[0-9]{5}$", "maxLength": 5})", Verdict::compatible},
    {"maxLength + pattern", R"({"type": "string", "pattern": "^[A-Z]{2}[0-9]{1,3}$"})",
     R"({"type": "string", "pattern": "^[A-Z]{2}[0-9]{1,3}$", "maxLength": 5})",
     Verdict::compatible},
    {"maxLength + pattern", R"({"type": "string", "pattern": "^[0-9]{5}$"})",
     R"({"type": "string", "pattern": "^[0-9]{5}$", "maxLength": 4})", Verdict::breaking,
     "value: maxLength lowered from 5 to 4"},
    {"maxLength + pattern", R"({"type": "string", "pattern": "^[0-9]+$"})",
     R"({"type": "string", "pattern": "^[0-9]+$", "maxLength": 5})", Verdict::breaking,
     "value: maxLength lowered from none to 5"},
    {"maxLength + pattern", R"({"type": "string", "pattern": "[0-9]{5}"})",
     R"({"type": "string", "pattern": "[0-9]{5}", "maxLength": 5})", Verdict::breaking,
     "value: maxLength lowered from none to 5"},  // unanchored: longer strings match
    // properties listed where maxProperties: 0 allowed none
    {"maxProperties", R"({"type": "object", "maxProperties": 0})",
     R"({"type": "object", "properties": {"a": {"type": "string", "maxLength": 3}}})",
     Verdict::compatible},
    {"maxProperties", R"({"type": "object", "maxProperties": 0})",
     R"({"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false})",
     Verdict::compatible},
    {"maxProperties", R"({"type": "object", "maxProperties": 0})",
     R"({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]})",
     Verdict::breaking, "value.a: required where no key was allowed before"},
    {"maxProperties", R"({"type": "object", "maxProperties": 3})",
     R"({"type": "object", "maxProperties": 2})", Verdict::breaking,
     "value: maxProperties lowered from 3 to 2"},
    {"maxProperties", R"({"type": "object"})", R"({"type": "object", "maxProperties": 5})",
     Verdict::breaking, "value: maxProperties lowered from none to 5"},
    {"maxProperties", R"({"type": "object", "maxProperties": 2})", R"({"type": "object"})",
     Verdict::compatible},
    {"minProperties", R"({"type": "object", "minProperties": 2})",
     R"({"type": "object", "minProperties": 1})", Verdict::compatible},
    {"minProperties", R"({"type": "object", "maxProperties": 0})",
     R"({"type": "object", "minProperties": 1})", Verdict::breaking,
     "value: minProperties raised from 0 to 1"},
    // an optional property added to an open object: an ADDITION, with a note
    {"properties (open object)", R"({"type": "object"})",
     R"({"type": "object", "properties": {"c": {"type": "string"}}})", Verdict::addition_note,
     "value.c: optional property added with constraints while additional properties were "
     "allowed"},
    {"properties (open object)", R"({"type": "object"})",
     R"({"type": "object", "properties": {"c": {"description": "anything"}}})",
     Verdict::compatible},
    {"properties (open object)", R"({"type": "object"})",
     R"({"type": "object", "properties": {"c": {"type": "object", "properties": {"d": {"type": "string"}}}}})",
     Verdict::addition_note, "value.c: optional property added"},
    {"properties (open object)", R"({"type": "object"})",
     R"({"type": "object", "properties": {"c": {"type": "string"}}, "required": ["c"]})",
     Verdict::breaking, "value.c: added as required"},
    {"properties (closed object)", R"({"type": "object", "additionalProperties": false})",
     R"({"type": "object", "properties": {"c": {"type": "string"}}, "additionalProperties": false})",
     Verdict::compatible},
};

Verdict verdict_of(const diff::Compatibility& judged) {
  if (!judged.breaks.empty()) return Verdict::breaking;
  return judged.notes.empty() ? Verdict::compatible : Verdict::addition_note;
}

}  // namespace

TEST_SUITE("diff: schema compatibility does not cry wolf") {
  TEST_CASE("pairs of base and head schemas, with their verdict") {
    for (const Pair& pair : kPairs) {
      CAPTURE(std::string(pair.keyword));
      CAPTURE(std::string(pair.base));
      CAPTURE(std::string(pair.head));
      Schema base = read_schema(pair.base);
      Schema head = read_schema(pair.head);
      REQUIRE(places(base.diagnostics).empty());
      REQUIRE(places(head.diagnostics).empty());
      auto judged = diff::judge_compatibility(base.property, head.property);
      CAPTURE(judged.breaks);
      CAPTURE(judged.notes);
      CHECK(verdict_of(judged) == pair.verdict);
      if (pair.verdict != Verdict::compatible) {
        bool found = false;
        for (const auto& text : pair.verdict == Verdict::breaking ? judged.breaks : judged.notes)
          found = found || text.find(pair.says) != std::string::npos;
        CHECK(found);
      }
      // backward_compatible is the same judgment without the notes.
      std::vector<std::string> reasons;
      CHECK(diff::backward_compatible(base.property, head.property, reasons) ==
            (pair.verdict != Verdict::breaking));
      CHECK(reasons == judged.breaks);
    }
  }

  TEST_CASE("every keyword has a compatible and a breaking pair") {
    std::map<std::string, std::pair<int, int>> seen;
    for (const Pair& pair : kPairs) {
      auto& counts = seen[pair.keyword];
      (pair.verdict == Verdict::breaking ? counts.second : counts.first)++;
    }
    for (const auto& entry : seen) {
      // Named, not bound: clang 14 cannot capture a structured binding in CAPTURE's lambda.
      const std::string& keyword = entry.first;
      const auto& counts = entry.second;
      CAPTURE(keyword);
      if (keyword == "properties (closed object)" || keyword == "type + anyOf enum") continue;
      CHECK(counts.first > 0);
      CHECK(counts.second > 0);
    }
  }
}
