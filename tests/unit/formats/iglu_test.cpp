// SchemaVer and the `self` block of self-describing schemas.

#include "model/formats/iglu.h"

#include "formats_helpers.h"

using namespace steward;
using namespace steward::formats_testing;
using model::formats::parse_schemaver;
using model::formats::SchemaVer;
using Strings = std::vector<std::string>;

namespace {

std::string iglu(const std::string& self) {
  return R"({"$schema": "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#",
"self": )" +
         self + R"(,
"type": "object", "properties": {"a": {"type": "string", "x-pii": "none"}}})";
}

}  // namespace

TEST_SUITE("formats: Iglu") {
  TEST_CASE("SchemaVer: MODEL-REVISION-ADDITION, ordered as numbers") {
    CHECK(parse_schemaver("1-0-0") == SchemaVer{1, 0, 0});
    CHECK(parse_schemaver("2-10-3") == SchemaVer{2, 10, 3});
    CHECK(*parse_schemaver("1-0-10") > *parse_schemaver("1-0-9"));
    CHECK(*parse_schemaver("1-1-0") > *parse_schemaver("1-0-12"));
    CHECK(parse_schemaver("1-0-2")->text() == "1-0-2");
    for (const char* bad : {"0-0-1", "1.0.0", "1-0", "1-0-0-0", "01-0-0", "1-0-x", "", "1--0"}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_schemaver(bad));
    }
  }

  TEST_CASE("a self-describing schema is an event named by its Iglu URI") {
    auto built = build({{"schemas/com.acme/a/jsonschema/1-0-0",
                         iglu(R"({"vendor": "com.acme", "name": "a", "format": "jsonschema",
                                  "version": "1-0-0"})")}});
    CHECK(places(built.result.diagnostics).empty());
    const auto& event = built.result.model.events.at(0);
    CHECK(event.name == "iglu:com.acme/a/jsonschema/1-0-0");
    CHECK(event.vendor == "com.acme");
    CHECK(event.schema == "com.acme/a/jsonschema");
    CHECK(event.version == "1-0-0");
    CHECK(event.version_span.line == 3);
    CHECK(event.span.line == 2);  // self.name
  }

  TEST_CASE("self: required fields, SchemaVer, format, and agreement with the repository path") {
    auto built = build(
        {{"schemas/com.acme/a/jsonschema/1-0-0",
          iglu(
              R"({"vendor": "com.acme", "name": "b", "format": "jsonschema", "version": "1-0-1"})")},
         {"b.json", iglu(R"({"vendor": "com.acme", "name": "b", "version": "1-0-0"})")},
         {"c.json",
          iglu(R"({"vendor": "com.acme", "name": "c", "format": "avro", "version": "1-0-0"})")},
         {"d.json", iglu(R"({"vendor": "com.acme", "name": "d", "format": "jsonschema",
                             "version": "1.0.0", "extra": 1})")},
         {"e.json",
          R"({"$schema": "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#",
"type": "object"})"}});
    CHECK(places(built.result.diagnostics) ==
          Strings{"schema.invalid-value@schemas/com.acme/a/jsonschema/1-0-0:2:40",
                  "schema.invalid-value@schemas/com.acme/a/jsonschema/1-0-0:2:80",
                  "schema.missing-field@b.json:2:9", "schema.invalid-value@c.json:2:55",
                  "schema.unknown-key@d.json:3:50", "schema.invalid-value@d.json:3:41",
                  "schema.missing-field@e.json:1:1"});
    CHECK(built.result.model.events.size() == 1);  // only the first is read (as b 1-0-1)
  }
}
