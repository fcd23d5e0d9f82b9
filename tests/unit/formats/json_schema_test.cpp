// The JSON Schema reader: each keyword's place in the model, `$ref` and the combinators, what is
// reported as unsupported (at the keyword), and which documents are events.

#include <deque>

#include "formats_helpers.h"
#include "model/formats/json_schema_events.h"

using namespace steward;
using namespace steward::formats_testing;
using Strings = std::vector<std::string>;

namespace {

const model::Property* child(const model::Property& parent, const std::string& name) {
  for (const auto& p : parent.properties) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

// "rule@line:col" of every diagnostic.
Strings at(const Diagnostics& diagnostics) {
  Strings out;
  for (const auto& d : diagnostics) {
    out.push_back(d.rule + "@" + std::to_string(d.span.line) + ":" + std::to_string(d.span.column));
  }
  return out;
}

}  // namespace

TEST_SUITE("formats: JSON Schema keywords") {
  TEST_CASE("types, constraints and nested properties map onto the property") {
    auto schema = read_schema(R"({
  "type": "object",
  "description": "root",
  "properties": {
    "s": {"type": "string", "minLength": 1, "maxLength": 9, "pattern": "^a", "format": "email"},
    "n": {"type": ["number", "null"], "minimum": 0, "maximum": 5, "exclusiveMinimum": -1,
          "exclusiveMaximum": 6},
    "e": {"enum": ["x", 1, null], "const": "x"},
    "a": {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": "integer"}},
    "o": {"type": "object", "properties": {"k": {"type": "boolean"}}, "required": ["k"],
          "additionalProperties": false}
  },
  "required": ["s", "missing"]
})");
    CHECK(at(schema.diagnostics).empty());
    const auto& root = schema.property;
    CHECK(root.types == Strings{"object"});
    CHECK(*root.description == "root");
    const auto* s = child(root, "s");
    REQUIRE(s);
    CHECK(s->required);
    CHECK(s->path == "value.s");
    CHECK(s->constraints->min_length == 1);
    CHECK(s->constraints->max_length == 9);
    CHECK(s->constraints->pattern == "^a");
    CHECK(s->constraints->format == "email");
    CHECK(s->span.line == 5);
    CHECK(s->span.column == 5);
    CHECK(s->type_span.column == 19);
    const auto* n = child(root, "n");
    CHECK(n->types == Strings{"number", "null"});
    CHECK(n->constraints->minimum == 0);
    CHECK(n->constraints->maximum == 5);
    CHECK(n->constraints->exclusive_minimum == -1);
    CHECK(n->constraints->exclusive_maximum == 6);
    const auto* e = child(root, "e");
    CHECK(e->constraints->enum_values == Strings{"x", "1", "null"});
    CHECK(e->constraints->const_value == "x");
    const auto* a = child(root, "a");
    CHECK(a->constraints->min_items == 1);
    CHECK(a->constraints->max_items == 3);
    REQUIRE(a->items.size() == 1);
    CHECK(a->items[0].types == Strings{"integer"});
    CHECK(a->items[0].path == "value.a");  // items take the array's path
    const auto* o = child(root, "o");
    CHECK_FALSE(o->additional_properties);
    REQUIRE(child(*o, "k"));
    CHECK(child(*o, "k")->required);
    CHECK(child(*o, "k")->path == "value.o.k");
    // `required` names a key without a schema: present, with any value.
    const auto* missing = child(root, "missing");
    REQUIRE(missing);
    CHECK(missing->required);
    CHECK(missing->types.empty());
    CHECK(missing->span.line == 13);
  }

  TEST_CASE("draft-04 boolean exclusiveMinimum/Maximum make minimum/maximum exclusive") {
    auto schema = read_schema(
        R"({"minimum": 1, "exclusiveMinimum": true, "maximum": 9, "exclusiveMaximum": false})");
    const auto& c = *schema.property.constraints;
    CHECK_FALSE(c.minimum);
    CHECK(c.exclusive_minimum == 1);
    CHECK(c.maximum == 9);
    CHECK_FALSE(c.exclusive_maximum);
  }

  TEST_CASE("x-pii and x-consent (or their x-steward- forms) classify a property") {
    auto schema = read_schema(R"({"properties": {
  "a": {"type": "string", "x-pii": "user.contact.email", "x-consent": ["marketing", "analytics"]},
  "b": {"type": "string", "x-steward-pii": "none", "x-steward-consent": "analytics"},
  "c": {"type": "string", "x-team-note": "free"}
}})");
    CHECK(at(schema.diagnostics).empty());
    const auto* a = child(schema.property, "a");
    CHECK(*a->pii == "user.contact.email");
    CHECK(a->pii_span.line == 2);
    CHECK(a->pii_span.column == 36);
    REQUIRE(a->consent.size() == 2);
    CHECK(a->consent[1].name == "analytics");
    CHECK(*child(schema.property, "b")->pii == "none");
    CHECK(child(schema.property, "b")->consent[0].name == "analytics");
    CHECK(child(schema.property, "c")->pii->empty());  // unclassified: the pii pack will ask
  }

  TEST_CASE("$ref within the file, with keywords beside it, and chains of refs") {
    auto schema = read_schema(R"({
  "properties": {
    "home": {"$ref": "#/definitions/address", "description": "where they live", "x-pii": "user.contact.address"},
    "code": {"$ref": "#/$defs/code"}
  },
  "definitions": {"address": {"type": "object", "description": "an address",
                              "properties": {"zip": {"$ref": "#/$defs/code"}}}},
  "$defs": {"code": {"type": "string", "maxLength": 5}}
})");
    CHECK(at(schema.diagnostics).empty());
    const auto* home = child(schema.property, "home");
    CHECK(home->types == Strings{"object"});
    CHECK(*home->description == "where they live");  // the keyword beside $ref wins
    CHECK(*home->pii == "user.contact.address");
    REQUIRE(child(*home, "zip"));
    CHECK(child(*home, "zip")->path == "value.home.zip");
    CHECK(child(*home, "zip")->constraints->max_length == 5);
    CHECK(child(*home, "zip")->span.line == 7);  // the definition's key
    CHECK(child(schema.property, "code")->types == Strings{"string"});
  }

  TEST_CASE("a $ref that does not resolve, a remote one and a recursive one are findings") {
    auto schema = read_schema(R"({
  "properties": {
    "a": {"$ref": "#/definitions/adress"},
    "b": {"$ref": "https://example.com/schemas/b.json"},
    "c": {"$ref": "#/definitions/node"},
    "d": {"$ref": "#/definitions/address/properties/nope"}
  },
  "definitions": {
    "address": {"type": "string"},
    "node": {"type": "object", "properties": {"next": {"$ref": "#/definitions/node"}}}
  }
})");
    CHECK(at(schema.diagnostics) ==
          Strings{"reference.unknown-schema@3:19", "schema.unsupported-keyword@4:19",
                  "schema.ref-cycle@10:64", "reference.unknown-schema@6:19"});
    CHECK(schema.diagnostics[0].suggestion == "did you mean 'address'?");
    CHECK(schema.diagnostics[0].message.find("'adress' is not found under '/definitions'") !=
          std::string::npos);
    CHECK(schema.diagnostics[1].severity == Severity::warning);
    const auto* c = child(schema.property, "c");
    REQUIRE(child(*c, "next"));
    CHECK(child(*c, "next")->types.empty());  // the recursion stops: any value
  }

  TEST_CASE("anyOf/oneOf: unions of types, nullable schemas and nullable enums") {
    auto schema = read_schema(R"({"properties": {
  "a": {"anyOf": [{"type": "string"}, {"type": "null"}]},
  "b": {"anyOf": [{"type": "string", "maxLength": 4}, {"type": "null"}]},
  "c": {"oneOf": [{"$ref": "#/definitions/obj"}, {"type": "null"}]},
  "d": {"oneOf": [{"enum": ["x", "y"]}, {"type": "null"}]},
  "e": {"anyOf": [{"type": "string"}, {}]},
  "f": {"anyOf": [{"type": "integer"}, {"type": "string"}], "type": ["string", "boolean"]}
},
"definitions": {"obj": {"type": "object", "properties": {"k": {"type": "string"}}}}})");
    CHECK(at(schema.diagnostics).empty());
    CHECK(child(schema.property, "a")->types == Strings{"string", "null"});
    CHECK(child(schema.property, "b")->types == Strings{"string", "null"});
    CHECK(child(schema.property, "b")->constraints->max_length == 4);
    const auto* c = child(schema.property, "c");
    CHECK(c->types == Strings{"object", "null"});
    CHECK(child(*c, "k"));
    CHECK(child(schema.property, "d")->constraints->enum_values == Strings{"x", "y", "null"});
    CHECK(child(schema.property, "e")->types.empty());               // one branch accepts anything
    CHECK(child(schema.property, "f")->types == Strings{"string"});  // `type` beside it intersects
  }

  TEST_CASE("anyOf of several constrained schemas cannot be mapped: a finding at the keyword") {
    auto schema = read_schema(R"({"properties": {
  "a": {"anyOf": [{"type": "string", "maxLength": 4}, {"type": "integer", "minimum": 0}]},
  "b": {"oneOf": [{"enum": ["x"]}, {"type": "integer"}]}
}})");
    CHECK(at(schema.diagnostics) ==
          Strings{"schema.unsupported-keyword@2:9", "schema.unsupported-keyword@3:9"});
    CHECK(child(schema.property, "a")->types.empty());
    CHECK(child(schema.property, "b")->constraints->enum_values.empty());
  }

  TEST_CASE("allOf merges object schemas; disagreeing branches are a finding") {
    auto schema = read_schema(R"({"allOf": [
  {"type": "object", "properties": {"a": {"type": "string", "maxLength": 9}}, "required": ["a"]},
  {"properties": {"a": {"maxLength": 5, "minLength": 1}, "b": {"type": "integer"}}},
  {"properties": {"b": {"pattern": "^x"}}},
  {"properties": {"b": {"pattern": "^y"}}}
]})");
    CHECK(at(schema.diagnostics) == Strings{"schema.unsupported-keyword@1:2"});
    CHECK(schema.diagnostics[0].message.find("`b.pattern`") != std::string::npos);
    const auto* a = child(schema.property, "a");
    CHECK(a->required);
    CHECK(a->constraints->max_length == 5);  // both hold: the tighter
    CHECK(a->constraints->min_length == 1);
    CHECK(child(schema.property, "b")->constraints->pattern == "^x");  // the first is kept
  }

  TEST_CASE("keywords without a place in the model are findings at the keyword, never dropped") {
    auto schema = read_schema(R"({
  "type": "object",
  "patternProperties": {"^x": {}},
  "properties": {
    "a": {"type": "number", "multipleOf": 2},
    "b": {"type": "string", "nullable": true},
    "c": {"type": "string", "maxLenght": 3},
    "d": {"type": "array", "items": [{"type": "string"}, {"type": "integer"}]},
    "e": {"type": "object", "additionalProperties": {"type": "string"}},
    "f": false,
    "g": {"type": "text"}
  }
})");
    CHECK(at(schema.diagnostics) ==
          Strings{"schema.unsupported-keyword@3:3", "schema.unsupported-keyword@5:29",
                  "schema.unsupported-keyword@6:29", "schema.unsupported-keyword@7:29",
                  "schema.unsupported-keyword@8:28", "schema.unsupported-keyword@9:29",
                  "schema.unsupported-keyword@10:10", "schema.invalid-value@11:19"});
    CHECK(schema.diagnostics[3].suggestion == "did you mean `maxLength`?");
    CHECK(schema.diagnostics[2].suggestion.find("\"null\"") != std::string::npos);
    const auto* d = child(schema.property, "d");
    REQUIRE(d->items.size() == 1);
    CHECK(d->items[0].types == Strings{"string"});  // the tuple's first position
    CHECK(child(schema.property, "e")->additional_properties);
  }

  TEST_CASE("wrong types of keyword values are schema.wrong-type") {
    auto schema = read_schema(R"({"properties": {"a": {"minLength": -1, "maximum": "9",
                                   "enum": "x", "required": "a"}}})");
    CHECK(at(schema.diagnostics) == Strings{"schema.wrong-type@1:36", "schema.wrong-type@1:51",
                                            "schema.wrong-type@2:44", "schema.wrong-type@2:61"});
  }
}

TEST_SUITE("formats: JSON Schema documents as events") {
  TEST_CASE("recognised by $schema (json-schema.org or Iglu) or a self block, without kind") {
    using model::formats::JsonSchemaEvents;
    auto root = [](const std::string& text) {
      static std::deque<config::ReadResult> reads;  // the nodes are views into their read
      reads.push_back(config::read_documents(make_source("a.yaml", text)));
      return reads.back().documents.front().root;
    };
    CHECK(JsonSchemaEvents::recognises(root("$schema: http://json-schema.org/draft-07/schema#")));
    CHECK(JsonSchemaEvents::recognises(
        root("$schema: https://json-schema.org/draft/2020-12/schema")));
    CHECK(JsonSchemaEvents::recognises(root("self: {vendor: a, name: b}")));
    CHECK_FALSE(JsonSchemaEvents::recognises(root("type: object\nproperties: {}")));
    CHECK_FALSE(JsonSchemaEvents::recognises(
        root("kind: event\n$schema: http://json-schema.org/draft-07/schema#")));
  }

  TEST_CASE("names: title, else the file's stem; files others refer to are definitions") {
    auto built =
        build({{"plan/checkout.schema.json",
                R"({"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
             "properties": {"cart": {"$ref": "shared/cart.json#/definitions/cart"}}})"},
               {"plan/shared/cart.json",
                R"({"$schema": "http://json-schema.org/draft-07/schema#", "title": "cart",
             "type": "object", "definitions": {"cart": {"type": "object",
             "properties": {"id": {"type": "string"}}}}})"},
               {"plan/defs.json",
                R"({"$schema": "http://json-schema.org/draft-07/schema#",
             "definitions": {"x": {"type": "string"}}})"},
               {"plan/titled.yaml",
                "$schema: http://json-schema.org/draft-07/schema#\ntitle: Order Completed\n"
                "type: object\nproperties: {id: {type: string}}\n"}});
    const auto& model = built.result.model;
    CHECK(places(built.result.diagnostics).empty());
    REQUIRE(model.events.size() == 2);
    CHECK(model.events[0].name == "checkout");
    CHECK(model.events[0].span.line == 1);
    REQUIRE(model.events[0].all_properties.size() == 2);
    CHECK(model.events[0].all_properties[1]->path == "cart.id");
    CHECK(model.events[1].name == "Order Completed");
    CHECK(model.events[1].span.line == 2);
    CHECK(model.events[1].span.column == 8);
  }

  TEST_CASE("a Segment Protocols rule: the event's properties are under properties.properties") {
    auto built = build({{"product_viewed.json", R"({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "Product Viewed",
  "properties": {
    "context": {},
    "properties": {"type": "object", "properties": {"sku": {"type": "string"}},
                   "required": ["sku"], "additionalProperties": false}
  },
  "required": ["properties"]
})"}});
    const auto& event = built.result.model.events.at(0);
    REQUIRE(event.properties.size() == 1);
    CHECK(event.properties[0].path == "sku");
    CHECK(event.properties[0].required);
    CHECK_FALSE(event.additional_properties);
  }

  TEST_CASE("steward's event annotations: x-steward-owner, -domain and -sources") {
    auto built =
        build({{"events/a.json", R"({
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "a",
  "x-steward-owner": "team-a",
  "x-steward-domain": "commerce",
  "x-steward-sources": ["web", "ios"],
  "properties": {"id": {"type": "string", "x-pii": "none"}}
})"},
               {"teams.yaml", "kind: team\nname: team-a\n---\nkind: source\nname: web\n"}});
    const auto& event = built.result.model.events.at(0);
    CHECK(event.owner.name == "team-a");
    CHECK(event.domain == "commerce");
    REQUIRE(event.sources.size() == 2);
    // The references are checked like the native format's: ios is no source.
    CHECK(places(built.result.diagnostics) ==
          Strings{"reference.unknown-source@events/a.json:6:32"});
  }

  TEST_CASE("an event schema must describe an object; PII categories are checked") {
    auto built = build({{"a.json", R"({"$schema": "http://json-schema.org/draft-07/schema#",
  "type": "string"})"},
                        {"b.json", R"({"$schema": "http://json-schema.org/draft-07/schema#",
  "properties": {"e": {"type": "string", "x-pii": "user.contact.emial"}}})"}});
    CHECK(
        places(built.result.diagnostics) ==
        Strings{"schema.invalid-value@a.json:2:11", "reference.unknown-pii-category@b.json:2:51"});
  }

  TEST_CASE("two schemas with one title are one event defined twice") {
    auto built = build({{"a.json", R"({"$schema": "http://json-schema.org/draft-07/schema#",
  "title": "x", "type": "object"})"},
                        {"b.json", R"({"$schema": "http://json-schema.org/draft-07/schema#",
  "title": "x", "type": "object"})"}});
    CHECK(places(built.result.diagnostics) == Strings{"schema.duplicate-name@b.json:2:12"});
  }

  TEST_CASE("hostile input: exponential $ref fan-out is cut off with one finding") {
    std::string defs;
    for (int i = 0; i < 20; ++i) {
      defs += "\"d" + std::to_string(i) +
              "\": {\"properties\": {\"l\": {\"$ref\": \"#/definitions/d" + std::to_string(i + 1) +
              "\"}, \"r\": {\"$ref\": \"#/definitions/d" + std::to_string(i + 1) + "\"}}},\n";
    }
    defs += "\"d20\": {\"type\": \"string\"}";
    auto schema = read_schema("{\"$ref\": \"#/definitions/d0\", \"definitions\": {" + defs + "}}");
    REQUIRE(schema.diagnostics.size() == 1);
    CHECK(schema.diagnostics[0].rule == "schema.expansion-limit");
    CHECK(schema.diagnostics[0].severity == Severity::error);
    CHECK(schema.diagnostics[0].message.find("more than 5000 schemas") != std::string::npos);
  }
}
