// Versions of one schema side by side: each compared with its predecessor (compare_schema_versions)
// and the SchemaVer check (compat.iglu-version-bump).

#include "diff/schema_versions.h"

#include "formats_helpers.h"

using namespace steward;
using namespace steward::formats_testing;
using Strings = std::vector<std::string>;

namespace {

std::string version(const std::string& number, const std::string& properties,
                    const std::string& extra = "") {
  return R"({"$schema": "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#",
"self": {"vendor": "com.acme", "name": "a", "format": "jsonschema", "version": ")" +
         number + R"("},
"type": "object", "properties": )" +
         properties + extra + "}";
}

std::string path(const std::string& number) {
  return "schemas/com.acme/a/jsonschema/" + number;
}

}  // namespace

TEST_SUITE("formats: schema versions") {
  TEST_CASE("each version against its predecessor, in SchemaVer order, with typed changes") {
    auto built = build({
        {path("1-0-10"), version("1-0-10", R"({"x": {"type": "string"}, "y": {"type": "integer"}})",
                                 R"(, "additionalProperties": false)")},
        {path("1-0-0"),
         version("1-0-0", R"({"x": {"type": "string"}})", R"(, "additionalProperties": false)")},
        {path("1-0-9"), version("1-0-9", R"({"x": {"type": "string", "maxLength": 9}})",
                                R"(, "additionalProperties": false)")},
    });
    REQUIRE(places(built.result.diagnostics).empty());
    auto changes = diff::compare_schema_versions(built.result.model);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].previous->version == "1-0-0");
    CHECK(changes[0].next->version == "1-0-9");
    CHECK(changes[0].event.changed("version"));
    REQUIRE(changes[0].properties.size() == 1);
    CHECK(changes[0].properties[0].modified());
    CHECK(changes[0].properties[0].changed("max_length"));
    CHECK(changes[0].incompatibilities == Strings{"x: maxLength lowered from none to 9"});
    CHECK(changes[1].previous->version == "1-0-9");
    CHECK(changes[1].next->version == "1-0-10");
    REQUIRE(changes[1].properties.size() == 2);
    CHECK(changes[1].properties[1].added());
    CHECK(changes[1].properties[1].name == "iglu:com.acme/a/jsonschema/1-0-10.y");
    CHECK(changes[1].compatible());

    Diagnostics findings;
    diff::check_schema_versions(built.result.model, findings);
    REQUIRE(places(findings) == Strings{"compat.iglu-version-bump@" + path("1-0-9") + ":2:80"});
    CHECK(findings[0].message.find("x: maxLength lowered from none to 9") != std::string::npos);
    CHECK(findings[0].suggestion == "version it 1-1-0 (REVISION), or make the change compatible");
  }

  TEST_CASE("an ADDITION as Iglu users practise it: a note for an optional property, no error") {
    auto built = build({
        {path("1-0-0"),
         version("1-0-0", R"({"x": {"enum": ["a", "b"]}, "id": {"format": "uuid"}})")},
        // `type` beside the enum and a maxLength the uuid implied: nothing new is rejected.
        {path("1-0-1"), version("1-0-1", R"({"x": {"type": "string", "enum": ["a", "b"]},
                                             "id": {"format": "uuid", "maxLength": 36}})")},
        // An optional property added to an open object: an ADDITION, with a note.
        {path("1-0-2"), version("1-0-2", R"({"x": {"type": "string", "enum": ["a", "b"]},
                                             "id": {"format": "uuid", "maxLength": 36},
                                             "coupon": {"type": "string"}})")},
    });
    REQUIRE(places(built.result.diagnostics).empty());
    auto changes = diff::compare_schema_versions(built.result.model);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].compatible());
    CHECK(changes[0].notes.empty());
    CHECK(changes[1].compatible());
    CHECK(changes[1].notes.size() == 1);
    Diagnostics findings;
    diff::check_schema_versions(built.result.model, findings);
    REQUIRE(places(findings) ==
            Strings{"compat.iglu-open-property-added@" + path("1-0-2") + ":2:80"});
    CHECK(findings[0].severity == Severity::note);
    CHECK(findings[0].message.find("coupon: optional property added") != std::string::npos);
  }

  TEST_CASE("a REVISION or MODEL bump may break; separate schemas are not compared") {
    auto built = build({
        {path("1-0-0"), version("1-0-0", R"({"x": {"type": "string"}})")},
        {path("1-1-0"), version("1-1-0", R"({"x": {"type": "integer"}})")},
        {path("2-0-0"), version("2-0-0", R"({"x": {"type": "boolean"}})")},
        {"schemas/com.acme/b/jsonschema/1-0-0",
         R"({"$schema": "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#",
"self": {"vendor": "com.acme", "name": "b", "format": "jsonschema", "version": "1-0-0"},
"type": "object"})"},
    });
    auto changes = diff::compare_schema_versions(built.result.model);
    CHECK(changes.size() == 2);
    CHECK_FALSE(changes[0].compatible());
    CHECK_FALSE(changes[1].compatible());
    Diagnostics findings;
    diff::check_schema_versions(built.result.model, findings);
    CHECK(findings.empty());
  }

  TEST_CASE("native events with a version are not Iglu schemas and are not compared") {
    auto built = build({{"a.yaml", "kind: event\nname: a\nversion: 1-0-0\n"},
                        {"b.yaml", "kind: event\nname: b\nversion: 1-0-1\n"}});
    CHECK(diff::compare_schema_versions(built.result.model).empty());
  }
}
