// `steward export json-schema`: one draft-07 schema per event, typed enums, required lists,
// nested objects and arrays. (tests/ci validates real events against them with python3-jsonschema.)
#include "traffic/json_schema_export.h"

#include <nlohmann/json.hpp>

#include "traffic_helpers.h"

namespace steward::traffic {

using namespace testing;

TEST_SUITE("traffic: export json-schema") {
  TEST_CASE("the schema of an event") {
    auto plan = build_plan();
    auto schemas = export_json_schemas(plan.model);
    REQUIRE(schemas.size() == 2);
    CHECK(schemas[0].file_name == "order_completed.json");
    auto schema = nlohmann::json::parse(schemas[0].text);
    CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
    CHECK(schema["properties"]["event"]["const"] == "order_completed");
    auto& props = schema["properties"]["properties"];
    CHECK(props["required"] == nlohmann::json::array({"order_id", "total"}));
    CHECK(props["properties"]["order_id"]["pattern"] == "^ord_[0-9]{4}$");
    CHECK(props["properties"]["total"]["minimum"] == 0);
    CHECK(props["properties"]["currency"]["enum"] == nlohmann::json::array({"EUR", "USD"}));
    CHECK(props["properties"]["items"]["maxItems"] == 3);
    CHECK(props["properties"]["items"]["items"]["required"] == nlohmann::json::array({"sku"}));
    auto closed = nlohmann::json::parse(schemas[1].text);
    CHECK(closed["properties"]["properties"]["properties"]["meta"]["additionalProperties"] ==
          false);
  }

  TEST_CASE("enum values keep their types; file names are safe and unique") {
    auto plan = build_plan(std::string(kPlan) + R"(---
kind: event
name: "a/b"
owner: team-a
sources: [web]
properties:
  step: {type: [integer, "null"], enum: [1, 2, null], pii: none}
---
kind: event
name: "a_b"
owner: team-a
sources: [web]
properties: {}
)");
    auto schemas = export_json_schemas(plan.model);
    REQUIRE(schemas.size() == 4);
    CHECK(schemas[2].file_name == "a_b.json");
    CHECK(schemas[3].file_name == "a_b-2.json");
    auto schema = nlohmann::json::parse(schemas[2].text);
    CHECK(schema["properties"]["properties"]["properties"]["step"]["enum"] ==
          nlohmann::json::parse("[1, 2, null]"));
  }
}

}  // namespace steward::traffic
