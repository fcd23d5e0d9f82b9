#include "model/model_json.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "model_helpers.h"

using namespace steward::model;
using namespace steward::model::testing;
using nlohmann::json;

TEST_SUITE("model_json") {
  TEST_CASE("every entity carries its span") {
    auto built =
        build({{"basics.yaml", kBasics},
               {"e.yaml",
                "kind: event\nname: e\nowner: team-a\nsources: [web]\nproperties:\n"
                "  items:\n    type: array\n    pii: none\n    items:\n      type: object\n"
                "      properties:\n        sku: {type: string, pii: none, enum: [A, B]}\n"},
               {"d.yaml",
                "kind: destination\nname: d\nenvironments: [production]\nevents: [e]\n"
                "mappings: [{event: e, from: properties.items.sku, to: sku}]\n"}});
    REQUIRE(places(built.diagnostics).empty());
    json model = json::parse(model_to_json(built.model));
    CHECK(model["version"] == 1);
    const json& event = model["events"][0];
    CHECK(event["name"] == "e");
    CHECK(event["span"] ==
          json{{"file", "e.yaml"}, {"line", 2}, {"column", 7}, {"end_line", 2}, {"end_column", 7}});
    const json& items = event["properties"][0];
    CHECK(items["path"] == "items");
    CHECK(items["span"]["line"] == 6);
    CHECK(items["span"]["column"] == 3);
    const json& sku = items["items"]["properties"][0];
    CHECK(sku["path"] == "items.sku");
    CHECK(
        sku["span"] ==
        json{
            {"file", "e.yaml"}, {"line", 12}, {"column", 9}, {"end_line", 12}, {"end_column", 11}});
    CHECK(sku["constraints"]["enum"] == json::array({"A", "B"}));
    CHECK(model["destinations"][0]["span"]["file"] == "d.yaml");
    CHECK(model["destinations"][0]["mappings"][0]["span"]["line"] == 5);
    CHECK(model["sources"][0]["span"]["line"] == 5);
    CHECK(model["teams"][0]["span"]["column"] == 7);
    // The default taxonomy has no file: no span, and `builtin` says so.
    CHECK(model["taxonomy"]["builtin"] == true);
    const json& route = model["routes"][0];
    CHECK(route["destination"] == "d");
    CHECK(route["environments"] == json::array({"production"}));
    CHECK(route["delivered_properties"][1]["path"] == "items.sku");
  }

  TEST_CASE("invalid UTF-8 in the model is replaced, not fatal") {
    // The reader refuses such bytes in a file (syntax.yaml), but a name can still carry them
    // from elsewhere, such as a git path; the model's JSON must print regardless.
    auto built =
        build({{"basics.yaml", kBasics}, {"e.yaml", "kind: event\nname: cafe\nowner: team-a\n"}});
    REQUIRE(built.model.events.size() == 1);
    built.model.events[0].name = "caf\xe9";
    std::string text = model_to_json(built.model);
    json model = json::parse(text);
    CHECK(model["events"][0]["name"] == "caf\xef\xbf\xbd");
  }
}
