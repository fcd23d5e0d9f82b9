// The rudder-cli reader: both spec versions and reference styles, custom types, variants,
// includes, sources, destinations with consent, connections as routes, the PII overlay, and the
// envelope's findings.

#include "formats_helpers.h"

using namespace steward;
using namespace steward::formats_testing;
using Strings = std::vector<std::string>;

namespace {

const char* const kProperties = R"(version: rudder/v1
kind: properties
metadata: {name: props}
spec:
  properties:
    - {id: email, name: email, type: string, config: {format: email}}
    - {id: plan, name: plan, type: string}
    - {id: seats, name: seats, type: integer, config: {minimum: 1}}
)";

const char* const kEvents = R"(version: rudder/v1
kind: events
metadata: {name: events}
spec:
  events:
    - {id: signed_up, name: Signed Up, event_type: track}
    - {id: identified, event_type: identify}
)";

const model::Property* find(const model::Event& event, const std::string& path) {
  return model::Model::find_property(event, path);
}

}  // namespace

TEST_SUITE("formats: rudder-cli") {
  TEST_CASE("v0.1 and v1 reference styles resolve to the same resources") {
    auto built = build({{"props.yaml", kProperties},
                        {"events.yaml", kEvents},
                        {"plan.yaml", R"(version: rudder/v0.1
kind: tp
metadata: {name: plan}
spec:
  id: p1
  display_name: Plan one
  rules:
    - type: event_rule
      id: r1
      event: {$ref: "#/events/events/signed_up", allow_unplanned: true}
      properties:
        - {$ref: "#/properties/props/email", required: true}
)"},
                        {"plan2.yaml", R"(version: rudder/v1
kind: tracking-plan
metadata: {name: plan2}
spec:
  id: p2
  display_name: Plan two
  rules:
    - type: event_rule
      id: r2
      event: "#event:signed_up"
      properties:
        - {property: "#property:plan"}
        - {property: "#property:email"}
)"}});
    CHECK(places(built.result.diagnostics).empty());
    const auto& event = *built.result.model.find_event("Signed Up");
    CHECK(find(event, "email")->required);  // required by one of the plans
    CHECK_FALSE(find(event, "plan")->required);
    CHECK_FALSE(event.additional_properties);  // allowed by p1 only
    CHECK(find(event, "email")->constraints->format == "email");
    CHECK(find(event, "email")->span.file() == "plan.yaml");  // where the first rule uses it
    CHECK(built.result.model.find_event("identified"));       // in no plan, still an event
  }

  TEST_CASE("custom types, item types, nested properties and variants") {
    auto built = build({{"props.yaml", R"(version: rudder/v1
kind: properties
metadata: {name: props}
spec:
  properties:
    - {id: address, name: address, type: "#custom-type:address"}
    - {id: street, name: street, type: string}
    - {id: zip, name: zip, type: "#custom-type:zip_code"}
    - {id: tags, name: tags, type: array, item_types: [string, integer]}
    - {id: kind, name: kind, type: string, config: {enum: [card, bank]}}
    - {id: card, name: card, type: string}
    - {id: iban, name: iban, type: string}
    - {id: meta, name: meta, type: object}
)"},
                        {"types.yaml", R"(version: rudder/v1
kind: custom-types
metadata: {name: types}
spec:
  types:
    - id: address
      name: Address
      type: object
      properties:
        - {property: "#property:street", required: true}
        - {property: "#property:zip"}
    - {id: zip_code, name: ZipCode, type: string, config: {pattern: "^[0-9]{5}$"}}
)"},
                        {"events.yaml", kEvents},
                        {"plan.yaml", R"(version: rudder/v1
kind: tracking-plan
metadata: {name: plan}
spec:
  id: p
  display_name: Plan
  rules:
    - type: event_rule
      id: r
      event: "#event:signed_up"
      properties:
        - {property: "#property:address", required: true}
        - {property: "#property:tags"}
        - {property: "#property:kind", required: true}
        - property: "#property:meta"
          additional_properties: false
          properties:
            - {property: "#property:street", required: true}
      variants:
        - type: discriminator
          discriminator: "#property:kind"
          cases:
            - {display_name: Card, match: [card], properties: [{property: "#property:card", required: true}]}
          default:
            properties: [{property: "#property:iban"}]
)"}});
    CHECK(places(built.result.diagnostics).empty());
    const auto& event = *built.result.model.find_event("Signed Up");
    CHECK(find(event, "address")->types == Strings{"object"});
    CHECK(find(event, "address.street")->required);
    CHECK(find(event, "address.zip")->constraints->pattern == "^[0-9]{5}$");
    CHECK(find(event, "address.zip")->types == Strings{"string"});
    REQUIRE(find(event, "tags")->items.size() == 1);
    CHECK(find(event, "tags")->items[0].types == Strings{"string", "integer"});
    CHECK_FALSE(find(event, "meta")->additional_properties);
    CHECK(find(event, "meta.street")->required);
    CHECK_FALSE(find(event, "card")->required);  // required in one case only
    CHECK(find(event, "iban"));
  }

  TEST_CASE("v0.1 types and config: unions as 'a,b', camelCase propConfig and itemTypes") {
    auto built = build({{"props.yaml", R"(version: rudder/v0.1
kind: properties
metadata: {name: props}
spec:
  properties:
    - id: coupon
      name: coupon
      type: string, null
      propConfig: {minLength: 2, maxLength: 8, exclusiveMinimum: 0, multipleOf: 2}
    - {id: list, name: list, type: array, propConfig: {itemTypes: [number], minItems: 1, uniqueItems: true}}
)"},
                        {"events.yaml", kEvents},
                        {"plan.yaml", R"(version: rudder/v0.1
kind: tp
metadata: {name: plan}
spec:
  id: p
  display_name: Plan
  rules:
    - type: event_rule
      id: r
      event: {$ref: "#/events/events/signed_up"}
      properties: [{$ref: "#/properties/props/coupon"}, {$ref: "#/properties/props/list"}]
)"}});
    // multipleOf and uniqueItems have no place in the model: warnings at the keys.
    CHECK(places(built.result.diagnostics) ==
          Strings{"schema.unsupported-keyword@props.yaml:9:69",
                  "schema.unsupported-keyword@props.yaml:10:90"});
    const auto& event = *built.result.model.find_event("Signed Up");
    const auto* coupon = find(event, "coupon");
    CHECK(coupon->types == Strings{"string", "null"});
    CHECK(coupon->constraints->min_length == 2);
    CHECK(coupon->constraints->exclusive_minimum == 0);
    CHECK(find(event, "list")->items.at(0).types == Strings{"number"});
    CHECK(find(event, "list")->constraints->min_items == 1);
  }

  TEST_CASE("sources, destinations with consent, and connections become routes") {
    auto built = build({{"props.yaml", kProperties},
                        {"events.yaml", kEvents},
                        {"plan.yaml", R"(version: rudder/v1
kind: tracking-plan
metadata: {name: plan}
spec:
  id: p
  display_name: Plan
  rules:
    - {type: event_rule, id: r, event: "#event:signed_up", properties: [{property: "#property:email"}]}
)"},
                        {"web.yaml", R"(version: rudder/v1
kind: event-stream-source
metadata: {name: web}
spec:
  id: web
  name: Web
  type: javascript
  governance: {validations: {tracking_plan: "#tracking-plan:p", config: {}}}
)"},
                        {"server.yaml", R"(version: rudder/v1
kind: event-stream-source
metadata: {name: server}
spec: {id: server, name: Server, type: node}
)"},
                        {"ads.yaml", R"(version: rudder/v1
kind: destination
metadata: {name: ads}
spec:
  id: ads
  display_name: Ads
  type: googleads
  config:
    consent_management:
      web: [{provider: oneTrust, consents: [advertising, marketing]}]
      android: [{provider: custom, resolution_strategy: or, consents: [advertising]}]
)"},
                        {"lake.yaml", R"(version: rudder/v1
kind: destination
metadata: {name: lake}
spec: {id: lake, display_name: Lake, type: s3}
)"},
                        {"off.yaml", R"(version: rudder/v1
kind: destination
metadata: {name: off}
spec: {id: off, display_name: Off, type: s3, enabled: false}
)"},
                        {"connections.yaml", R"(version: rudder/v1
kind: event-stream-connections
metadata: {name: c}
spec:
  connections:
    - {id: a, source: "#event-stream-source:web", destination: "#destination:ads"}
    - {id: b, source: "#event-stream-source:server", destination: "#destination:lake"}
    - {id: c, source: "#event-stream-source:web", destination: "#destination:off"}
    - {id: d, source: "#event-stream-source:server", destination: "#destination:ads", enabled: false}
)"}});
    CHECK(places(built.result.diagnostics).empty());
    const auto& model = built.result.model;
    const auto* ads = model.find_destination("ads");
    REQUIRE(ads);
    REQUIRE(ads->consent.size() == 2);
    CHECK(ads->consent[0].name == "advertising");
    CHECK(ads->consent[1].name == "marketing");
    CHECK(ads->events.size() == 1);
    CHECK(ads->events[0].name == "Signed Up");
    CHECK(model.find_destination("lake")->all_events);     // the server source has no plan
    CHECK(model.find_destination("off")->events.empty());  // disabled
    CHECK(model.find_source("web")->platform == "javascript");
    CHECK(model.find_event("Signed Up")->sources.at(0).name == "web");
    size_t routes_to_ads = 0;
    for (const auto& route : model.routes)
      routes_to_ads += route.destination->name == "ads";
    CHECK(routes_to_ads == 1);
  }

  TEST_CASE("a kind: property of steward's own format classifies a catalog property by id") {
    auto built = build({{"props.yaml", kProperties},
                        {"events.yaml", kEvents},
                        {"plan.yaml", R"(version: rudder/v1
kind: tracking-plan
metadata: {name: plan}
spec:
  id: p
  display_name: Plan
  rules:
    - {type: event_rule, id: r, event: "#event:signed_up", properties: [{property: "#property:email"}, {property: "#property:plan"}]}
)"},
                        {"steward.pii.yaml",
                         "kind: property\nname: email\npii: user.contact.email\n"
                         "consent: [marketing]\n"}});
    CHECK(places(built.result.diagnostics).empty());
    const auto& event = *built.result.model.find_event("Signed Up");
    CHECK(*find(event, "email")->pii == "user.contact.email");
    CHECK(find(event, "email")->pii_span.file() == "steward.pii.yaml");
    CHECK(find(event, "email")->consent.at(0).name == "marketing");
    CHECK(find(event, "plan")->pii->empty());
  }

  TEST_CASE("includes: the events of another plan's rules") {
    auto built = build({{"props.yaml", kProperties},
                        {"events.yaml", kEvents},
                        {"base.yaml", R"(version: rudder/v0.1
kind: tp
metadata: {name: base}
spec:
  id: base
  display_name: Base
  rules:
    - {type: event_rule, id: signup, event: {$ref: "#/events/events/signed_up"}}
)"},
                        {"app.yaml", R"(version: rudder/v0.1
kind: tp
metadata: {name: app}
spec:
  id: app
  display_name: App
  rules:
    - {type: event_rule, id: all, includes: {$ref: "#/tp/base/event_rule/*"}}
    - {type: event_rule, id: none, includes: {$ref: "#/tp/base/event_rule/nope"}}
)"},
                        {"web.yaml", R"(version: rudder/v0.1
kind: event-stream-source
metadata: {name: web}
spec: {id: web, name: Web, type: ios, governance: {validations: {tracking_plan: "#/tp/app/app", config: {}}}}
)"}});
    CHECK(places(built.result.diagnostics) ==
          Strings{"reference.unknown-tracking-plan@app.yaml:9:53"});
    CHECK(built.result.model.find_event("Signed Up")->sources.at(0).name == "web");
  }

  TEST_CASE("envelope findings: version, kind, spec shape, unknown keys, duplicate ids") {
    auto built =
        build({{"a.yaml", "version: rudder/v2\nkind: events\nspec: {}\n"},
               {"b.yaml", "version: rudder/v1\nkind: evnets\nmetadata: {name: b}\nspec: {}\n"},
               {"c.yaml",
                "version: rudder/v1\nkind: tp\nmetadata: {name: c}\n"
                "spec: {id: c, display_name: C}\n"},
               {"d.yaml", "version: rudder/v1\nkind: events\nmetadata: {name: d}\n"},
               {"e.yaml",
                "version: rudder/v1\nkind: events\nmetadata: {name: e}\n"
                "spec:\n  events:\n    - {id: x, event_type: track, nme: X}\n"
                "    - {id: x, name: X2, event_type: identify}\n"
                "    - {id: y, name: Y, event_type: click}\n"}});
    CHECK(places(built.result.diagnostics) ==
          Strings{"schema.invalid-value@a.yaml:1:10", "schema.unknown-kind@b.yaml:2:7",
                  "schema.invalid-value@c.yaml:2:7", "schema.missing-field@d.yaml:1:1",
                  "schema.unknown-key@e.yaml:6:34", "schema.missing-field@e.yaml:6:7",
                  "schema.invalid-value@e.yaml:8:36", "schema.duplicate-name@e.yaml:7:12"});
    CHECK(built.result.diagnostics[1].suggestion == "did you mean 'events'?");
    CHECK(built.result.diagnostics[4].suggestion == "did you mean 'name'?");
  }

  TEST_CASE("a native document with `version:` is still native") {
    auto built = build({{"e.yaml", "kind: event\nname: a\nversion: 2\n"}});
    CHECK(places(built.result.diagnostics).empty());
    CHECK(built.result.model.events.at(0).version == "2");
  }
}
