#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "model/model_json.h"
#include "model_helpers.h"

using namespace steward::model;
using namespace steward::model::testing;
using Strings = std::vector<std::string>;

namespace {

const char* const kPlan =
    "kind: event\nname: ad_clicked\nowner: team-a\nsources: [web]\nconsent: [marketing]\n"
    "properties:\n  email: {type: string, pii: user.contact.email}\n"
    "---\n"
    "kind: event\nname: page_viewed\nowner: team-a\nsources: [web]\nproperties:\n"
    "  email: {type: string, pii: user.contact.email}\n"
    "---\n"
    "kind: event\nname: app_opened\nowner: team-a\nsources: [ios]\n"
    "---\n"
    "kind: event\nname: gone\nowner: team-a\nstatus: removed\nsources: [web]\n"
    "---\n"
    "kind: destination\nname: ads\nenvironments: [development]\nconsent: [advertising]\n"
    "events: \"*\"\n"
    "---\n"
    "kind: identity\nname: default\nmatch_keys:\n  - {key: email, from: traits.email}\n";

const Route& route(const Model& model, std::string_view event) {
  for (const auto& r : model.routes) {
    if (r.event->name == event) return r;
  }
  FAIL("no route for " << event);
  return model.routes.front();
}

}  // namespace

TEST_SUITE("event consent") {
  TEST_CASE("an event's consent is read and a route requires the destination's and the event's") {
    auto built = build({{"basics.yaml", kBasics}, {"plan.yaml", kPlan}});
    CHECK(places(built.diagnostics).empty());
    const Model& model = built.model;
    REQUIRE(model.find_event("ad_clicked") != nullptr);
    REQUIRE(model.find_event("ad_clicked")->consent.size() == 1);
    CHECK(model.find_event("ad_clicked")->consent[0].name == "marketing");
    CHECK(model.find_event("ad_clicked")->consent[0].span.line == 5);
    CHECK(route(model, "ad_clicked").consent() == Strings{"advertising", "marketing"});
    CHECK(route(model, "page_viewed").consent() == Strings{"advertising"});
  }

  TEST_CASE("an event's consent purpose must be in the taxonomy") {
    auto built =
        build({{"basics.yaml", kBasics},
               {"e.yaml", "kind: event\nname: a\nowner: team-a\nconsent: [marketting]\n"}});
    CHECK(places(built.diagnostics) == Strings{"reference.unknown-consent-purpose@e.yaml:4:11"});
  }

  TEST_CASE("a match key lists every property its `from` reads") {
    auto built = build({{"basics.yaml", kBasics}, {"plan.yaml", kPlan}});
    const MatchKey& key = built.model.identities.at(0).match_keys.at(0);
    REQUIRE(key.properties.size() == 2);
    CHECK(key.properties[0]->event->name == "ad_clicked");
    CHECK(key.properties[1]->event->name == "page_viewed");
    CHECK(key.pii == "user.contact.email");
  }

  TEST_CASE("steward model shows what `events: \"*\"` receives and each route's consent") {
    auto built = build({{"basics.yaml", kBasics}, {"plan.yaml", kPlan}});
    auto json = nlohmann::json::parse(model_to_json(built.model, 2));
    const auto& ads = json["destinations"][0];
    CHECK(ads["events"] == "*");
    // app_opened comes only from ios, which is not connected in development; gone is removed.
    CHECK(ads["received_events"] == nlohmann::json::array({"ad_clicked", "page_viewed"}));
    CHECK(json["events"][0]["consent"] == nlohmann::json::array({"marketing"}));
    CHECK(json["routes"][0]["consent"] == nlohmann::json::array({"advertising", "marketing"}));
    CHECK(json["identities"][0]["match_keys"][0]["properties"] ==
          nlohmann::json::array({"ad_clicked.email", "page_viewed.email"}));
  }
}
