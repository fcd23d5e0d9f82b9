// `$ref` across files and within one: which documents are events when files refer to each other
// (a cycle hides no event and drops no file silently), and fan-out read once per definition and
// bounded by a documented limit.

#include <set>

#include "formats_helpers.h"
#include "model/formats/json_schema_reader.h"

using namespace steward;
using namespace steward::formats_testing;
using Strings = std::vector<std::string>;

namespace {

constexpr const char* kDraft7 = R"("$schema": "http://json-schema.org/draft-07/schema#")";

// "rule@file:line:col" of the `$ref` value `"target"` in `text`, a one-line file.
std::string at_ref(const std::string& rule, const std::string& file, const std::string& text,
                   const std::string& target) {
  auto column = text.find("\"" + target + "\"");
  REQUIRE(column != std::string::npos);
  return rule + "@" + file + ":1:" + std::to_string(column + 1);
}

Strings rules_of(const Diagnostics& diagnostics) {
  Strings out;
  for (const auto& d : diagnostics)
    out.push_back(d.rule);
  return out;
}

// Definitions d0..d{levels} where each refers to the next twice (l and r): 2^levels paths.
std::string fan_out(int levels, const std::string& title) {
  std::string defs;
  for (int i = 0; i < levels; ++i) {
    std::string next = "\"#/definitions/d" + std::to_string(i + 1) + "\"";
    defs += "\"d" + std::to_string(i) + R"(": {"type": "object", "x-pii": "none", "properties": )" +
            R"({"l": {"$ref": )" + next + R"(}, "r": {"$ref": )" + next + "}}},";
  }
  defs +=
      "\"d" + std::to_string(levels) + R"(": {"type": "string", "x-pii": "none", "multipleOf": 2})";
  return std::string("{") + kDraft7 + R"(, "title": ")" + title +
         R"(", "type": "object", "definitions": {)" + defs +
         R"(}, "properties": {"root": {"$ref": "#/definitions/d0"}}})";
}

}  // namespace

TEST_SUITE("formats: JSON Schema $ref between files") {
  TEST_CASE("a cycle between an event and a shared file hides neither the event nor its data") {
    std::string a =
        std::string("{") + kDraft7 +
        R"(, "title": "evt_a", "x-steward-owner": "team-a", "type": "object",)" +
        R"( "properties": {"child": {"$ref": "b.json"}, "secret": {"type": "string"}}})";
    std::string b = std::string("{") + kDraft7 +
                    R"(, "type": "object", "properties": {"back": {"$ref": "a.json"},)" +
                    R"( "m": {"type": "string"}}})";
    auto built = build(
        {{"plan/a.json", a}, {"plan/b.json", b}, {"teams.yaml", "kind: team\nname: team-a\n"}});
    const auto& model = built.result.model;
    REQUIRE(model.events.size() == 1);  // b.json declares no event: shared definitions
    CHECK(model.events[0].name == "evt_a");
    Strings paths;
    for (const auto* p : model.events[0].all_properties)
      paths.push_back(p->path);
    CHECK(paths == Strings{"child", "child.back", "child.m", "secret"});
    CHECK(places(built.result.diagnostics) ==
          Strings{at_ref("schema.ref-cycle", "plan/b.json", b, "a.json")});
  }

  TEST_CASE("a referenced file that declares an event is an event too") {
    std::string a = std::string("{") + kDraft7 +
                    R"(, "title": "a", "type": "object", "properties": {"b": {"$ref": "b.json"}}})";
    std::string b = std::string("{") + kDraft7 +
                    R"(, "title": "b", "x-steward-sources": [], "type": "object",)" +
                    R"( "properties": {"k": {"type": "string"}}})";
    auto built = build({{"a.json", a}, {"b.json", b}});
    const auto& model = built.result.model;
    REQUIRE(model.events.size() == 2);
    CHECK(model.events[0].name == "a");
    CHECK(model.events[0].all_properties.size() == 2);  // b, b.k
    CHECK(model.events[1].name == "b");
    CHECK(places(built.result.diagnostics).empty());
  }

  TEST_CASE("files that refer to each other and declare no event are a finding, not dropped") {
    std::string a = std::string("{") + kDraft7 +
                    R"(, "type": "object", "properties": {"b": {"$ref": "b.json"}}})";
    std::string b = std::string("{") + kDraft7 +
                    R"(, "type": "object", "properties": {"a": {"$ref": "a.json"}}})";
    auto built = build({{"s/a.json", a}, {"s/b.json", b}});
    CHECK(built.result.model.events.empty());
    CHECK(places(built.result.diagnostics) ==
          Strings{at_ref("schema.unread-schema", "s/a.json", a, "b.json"),
                  at_ref("schema.unread-schema", "s/b.json", b, "a.json")});
    REQUIRE(built.result.diagnostics.size() == 2);
    CHECK(built.result.diagnostics[0].severity == Severity::error);
    CHECK(built.result.diagnostics[0].message.find("s/a.json -> s/b.json -> s/a.json") !=
          std::string::npos);
  }
}

TEST_SUITE("formats: JSON Schema $ref fan-out") {
  TEST_CASE("each definition is read once: paths are per place, findings inside it once") {
    auto built = build({{"fan.json", fan_out(6, "fan")}});
    const auto& event = built.result.model.events.at(0);
    std::set<std::string> paths;
    for (const auto* p : event.all_properties)
      paths.insert(p->path);
    CHECK(event.all_properties.size() == 127);  // root and 2 + 4 + ... + 64 below it
    CHECK(paths.size() == 127);
    CHECK(paths.count("root.r.l.r.l.r.l") == 1);
    CHECK(paths.count("root.l.l.l.l.l.r") == 1);
    // `multipleOf` of the last definition, reached by 64 paths, is reported once.
    CHECK(rules_of(built.result.diagnostics) == Strings{"schema.unsupported-keyword"});
  }

  TEST_CASE("a fan-out past the limit is one error at a $ref, and the event stays bounded") {
    auto built =
        build({{"fan1.json", fan_out(40, "fan_evt1")}, {"fan2.json", fan_out(40, "fan_evt2")}});
    const auto& model = built.result.model;
    REQUIRE(model.events.size() == 2);
    size_t limit_errors = 0;
    for (const auto& d : built.result.diagnostics) {
      if (d.rule != "schema.expansion-limit") continue;
      ++limit_errors;
      CHECK(d.severity == Severity::error);
      CHECK(d.message.find("5000") != std::string::npos);
    }
    CHECK(limit_errors == 2);  // one per event
    for (const auto& event : model.events) {
      CHECK(event.all_properties.size() <= model::formats::JsonSchemaReader::kMaxExpandedSchemas);
    }
  }
}
