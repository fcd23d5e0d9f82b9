#include <doctest/doctest.h>

#include "model_helpers.h"

using namespace steward::model;
using namespace steward::model::testing;
using Strings = std::vector<std::string>;

namespace {

const char* const kEvents =
    "kind: event\nname: checkout_started\nowner: team-a\nsources: [web]\nproperties:\n"
    "  email: {type: string, pii: user.contact.email}\n"
    "  total: {type: number, pii: none}\n"
    "  address:\n"
    "    type: object\n"
    "    pii: user.contact.address\n"
    "    properties:\n"
    "      city: {type: string, pii: user.contact.address}\n"
    "---\n"
    "kind: event\nname: app_opened\nowner: team-a\nsources: [ios]\nproperties:\n"
    "  email: {type: string, pii: user.contact.email}\n"
    "---\n"
    "kind: event\nname: everywhere\nowner: team-a\nproperties:\n"
    "  n: {type: number, pii: none}\n"
    "---\n"
    "kind: event\nname: gone\nowner: team-a\nstatus: removed\nsources: [web]\n";

const Route* route(const Model& model, std::string_view destination, std::string_view event) {
  for (const auto& r : model.routes) {
    if (r.destination->name == destination && r.event->name == event) return &r;
  }
  return nullptr;
}

Strings delivered_paths(const Route& route) {
  Strings out;
  for (const auto& d : route.delivered_properties)
    out.push_back(d.property->path);
  return out;
}

const DeliveredProperty* delivered(const Route& route, std::string_view path) {
  for (const auto& d : route.delivered_properties) {
    if (d.property->path == path) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("routes") {
  TEST_CASE("one route per destination and listed event, every property delivered") {
    auto built = build({{"basics.yaml", kBasics},
                        {"events.yaml", kEvents},
                        {"d.yaml",
                         "kind: destination\nname: crm\nenvironments: [production]\n"
                         "events: [checkout_started, app_opened]\n"}});
    CHECK(places(built.diagnostics).empty());
    const Model& model = built.model;
    REQUIRE(model.routes.size() == 2);
    const Route* checkout = route(model, "crm", "checkout_started");
    REQUIRE(checkout != nullptr);
    CHECK(checkout->destination == model.find_destination("crm"));
    CHECK(checkout->event == model.find_event("checkout_started"));
    CHECK(delivered_paths(*checkout) == Strings{"email", "total", "address", "address.city"});
    CHECK(delivered(*checkout, "email")->pii() == "user.contact.email");
    CHECK(delivered(*checkout, "email")->transformed_by() == nullptr);
    CHECK(route(model, "crm", "everywhere") == nullptr);  // not listed
  }

  TEST_CASE("environments: the destination's, where a source of the event runs") {
    auto built = build({{"basics.yaml", kBasics},
                        {"events.yaml", kEvents},
                        {"d.yaml",
                         "kind: destination\nname: crm\nenvironments: [development, staging, "
                         "production]\nevents: [checkout_started, app_opened, everywhere]\n"
                         "---\n"
                         "kind: destination\nname: dev_only\nenvironments: [development]\n"
                         "events: [checkout_started, app_opened]\n"
                         "---\n"
                         "kind: destination\nname: anywhere\nevents: [checkout_started]\n"}});
    CHECK(places(built.diagnostics).empty());
    const Model& model = built.model;
    // web runs in development and production, ios in staging and production.
    CHECK(route(model, "crm", "checkout_started")->environments ==
          Strings{"development", "production"});
    CHECK(route(model, "crm", "app_opened")->environments == Strings{"staging", "production"});
    // An event that names no sources is sent by all of them.
    CHECK(route(model, "crm", "everywhere")->environments ==
          Strings{"development", "staging", "production"});
    CHECK(route(model, "dev_only", "checkout_started")->environments == Strings{"development"});
    // No source of app_opened runs in development: there is no route at all.
    CHECK(route(model, "dev_only", "app_opened") == nullptr);
    // A destination that names no environments is connected wherever the event's sources run.
    CHECK(route(model, "anywhere", "checkout_started")->environments ==
          Strings{"development", "production"});
    // Routes that reach the same environments hold one list between them (Route::environments),
    // whichever destination they start from; routes that reach others hold their own.
    const auto& development_and_production = route(model, "crm", "checkout_started")->environments;
    CHECK(development_and_production.shares_with(
        route(model, "anywhere", "checkout_started")->environments));
    CHECK_FALSE(
        development_and_production.shares_with(route(model, "crm", "app_opened")->environments));
  }

  TEST_CASE("\"*\" routes every event that is not removed; removed events have no routes") {
    auto built = build({{"basics.yaml", kBasics},
                        {"events.yaml", kEvents},
                        {"d.yaml",
                         "kind: destination\nname: warehouse\nenvironments: [production]\n"
                         "events: \"*\"\n"
                         "---\n"
                         "kind: destination\nname: listed\nenvironments: [production]\n"
                         "events: [gone]\n"}});
    CHECK(places(built.diagnostics).empty());
    const Model& model = built.model;
    CHECK(model.find_destination("warehouse")->all_events);
    Strings events;
    for (const auto& r : model.routes)
      events.push_back(r.destination->name + "/" + r.event->name);
    CHECK(events ==
          Strings{"warehouse/checkout_started", "warehouse/app_opened", "warehouse/everywhere"});
    CHECK(model.find_event("gone")->status == EventStatus::removed);
  }

  TEST_CASE("exclusions remove a property, and everything inside an excluded object") {
    auto built = build({{"basics.yaml", kBasics},
                        {"events.yaml", kEvents},
                        {"d.yaml",
                         "kind: destination\nname: analytics\nenvironments: [production]\n"
                         "events: [checkout_started, app_opened]\n"
                         "exclude_properties:\n"
                         "  checkout_started: [email, address]\n"}});
    CHECK(places(built.diagnostics).empty());
    const Model& model = built.model;
    CHECK(delivered_paths(*route(model, "analytics", "checkout_started")) == Strings{"total"});
    // Exclusions are per event.
    CHECK(delivered_paths(*route(model, "analytics", "app_opened")) == Strings{"email"});
  }

  TEST_CASE("excluding a nested property keeps its parent") {
    auto built = build({{"basics.yaml", kBasics},
                        {"events.yaml", kEvents},
                        {"d.yaml",
                         "kind: destination\nname: analytics\nenvironments: [production]\n"
                         "events: [checkout_started]\n"
                         "exclude_properties: {checkout_started: [address.city]}\n"}});
    CHECK(places(built.diagnostics).empty());
    CHECK(delivered_paths(*route(built.model, "analytics", "checkout_started")) ==
          Strings{"email", "total", "address"});
  }

  TEST_CASE("a destination's transformations change the PII class it receives") {
    auto built = build(
        {{"basics.yaml", kBasics},
         {"events.yaml", kEvents},
         {"t.yaml",
          "kind: transformation\nname: hash_email\nevents: [checkout_started]\nreads: [email]\n"
          "writes: {email: user.contact.email.hashed}\n"},
         {"d.yaml",
          "kind: destination\nname: ads\nenvironments: [production]\n"
          "events: [checkout_started, app_opened]\ntransformations: [hash_email]\n"
          "---\n"
          "kind: destination\nname: crm\nenvironments: [production]\n"
          "events: [checkout_started]\n"}});
    CHECK(places(built.diagnostics).empty());
    const Model& model = built.model;
    const DeliveredProperty* hashed = delivered(*route(model, "ads", "checkout_started"), "email");
    REQUIRE(hashed != nullptr);
    CHECK(hashed->pii() == "user.contact.email.hashed");
    CHECK(hashed->transformed_by() == model.find_transformation("hash_email"));
    CHECK(*hashed->property->pii == "user.contact.email");  // the property itself is unchanged
    // The transformation runs only on the events it names...
    CHECK(delivered(*route(model, "ads", "app_opened"), "email")->pii() == "user.contact.email");
    // ...and only for the destinations that list it.
    CHECK(delivered(*route(model, "crm", "checkout_started"), "email")->pii() ==
          "user.contact.email");
    // One copy of each class delivered, in the model (rules read a million deliveries' classes
    // without touching their properties): two deliveries of one class share it.
    const DeliveredProperty* plain = delivered(*route(model, "crm", "checkout_started"), "email");
    CHECK(plain->category() == delivered(*route(model, "ads", "app_opened"), "email")->category());
    CHECK(plain->category() != &*plain->property->pii);
    CHECK(plain->delivery == delivered(*route(model, "ads", "app_opened"), "email")->delivery);
    CHECK(hashed->delivery != plain->delivery);  // written by a transformation: its own class
    CHECK(model.delivered_categories.count("user.contact.email.hashed") == 1);
    for (const auto& r : model.routes) {
      for (const auto& d : r.delivered_properties) {
        CHECK(&*model.delivered_categories.find(d.pii()) == d.category());
        CHECK(&*model.delivery_classes.find(*d.delivery) == d.delivery);
      }
    }
  }

  TEST_CASE("a transformation on \"*\" runs on every event") {
    auto built = build({{"basics.yaml", kBasics},
                        {"events.yaml", kEvents},
                        {"t.yaml",
                         "kind: transformation\nname: drop\nevents: \"*\"\n"
                         "writes: {n: none}\n"},
                        {"d.yaml",
                         "kind: destination\nname: d\nenvironments: [production]\n"
                         "events: [everywhere]\ntransformations: [drop]\n"}});
    // `n` exists only in `everywhere`; a "*" transformation must find it in every event.
    CHECK(places(built.diagnostics) == Strings{"reference.unknown-property@t.yaml:4:10",
                                               "reference.unknown-property@t.yaml:4:10",
                                               "reference.unknown-property@t.yaml:4:10"});
    const DeliveredProperty* n = delivered(*route(built.model, "d", "everywhere"), "n");
    REQUIRE(n != nullptr);
    CHECK(n->pii() == "none");
    CHECK(n->transformed_by() != nullptr);
  }
}
