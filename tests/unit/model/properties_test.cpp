#include <doctest/doctest.h>

#include "model_helpers.h"

using namespace steward::model;
using namespace steward::model::testing;
using Strings = std::vector<std::string>;

TEST_SUITE("properties") {
  TEST_CASE("nested objects and arrays have dotted paths; array items add no segment") {
    auto built = build({{"basics.yaml", kBasics},
                        {"e.yaml",
                         "kind: event\n"
                         "name: order_completed\n"
                         "owner: team-a\n"
                         "properties:\n"
                         "  total: {type: number, pii: none}\n"
                         "  items:\n"
                         "    type: array\n"
                         "    pii: none\n"
                         "    items:\n"
                         "      type: object\n"
                         "      properties:\n"
                         "        sku: {type: string, required: true, pii: none}\n"
                         "        tags: {type: array, items: {type: string}, pii: none}\n"
                         "  address:\n"
                         "    type: object\n"
                         "    pii: user.contact.address\n"
                         "    properties:\n"
                         "      city: {type: string, pii: user.contact.address}\n"}});
    CHECK(places(built.diagnostics).empty());
    REQUIRE(built.model.events.size() == 1);
    const Event& event = built.model.events[0];
    CHECK(paths_of(event) ==
          Strings{"total", "items", "items.sku", "items.tags", "address", "address.city"});
    const Property* items = Model::find_property(event, "items");
    REQUIRE(items != nullptr);
    CHECK(items->types == Strings{"array"});
    REQUIRE(items->items.size() == 1);
    CHECK(items->items[0].path == "items");
    CHECK(items->items[0].types == Strings{"object"});
    const Property* sku = Model::find_property(event, "items.sku");
    REQUIRE(sku != nullptr);
    CHECK(sku->name == "sku");
    CHECK(sku->required);
    CHECK(sku->event == &event);
    CHECK(sku->span.line == 12);
    CHECK(sku->span.column == 9);
    CHECK(sku->type_span.line == 12);
    CHECK(sku->type_span.column == 21);
    CHECK(sku->pii_span.column == 50);
    const Property* city = Model::find_property(event, "address.city");
    REQUIRE(city != nullptr);
    CHECK(*city->pii == "user.contact.address");
    CHECK(city->event == &event);
    CHECK(Model::find_property(event, "items.nope") == nullptr);
    CHECK(Model::find_property(event, "sku") == nullptr);
    for (const Property* p : event.all_properties)
      CHECK(p->event == &event);
  }

  TEST_CASE("unions: a list of types") {
    auto built = build({{"basics.yaml", kBasics},
                        {"e.yaml",
                         "kind: event\nname: e\nowner: team-a\nproperties:\n"
                         "  coupon: {type: [string, \"null\"], pii: none}\n"
                         "  any: {pii: none}\n"}});
    CHECK(places(built.diagnostics).empty());
    const Event& event = built.model.events[0];
    CHECK(event.properties[0].types == Strings{"string", "null"});
    CHECK(event.properties[1].types.empty());  // no type: anything
  }

  TEST_CASE("an unknown type is schema.invalid-value at the type, with a did-you-mean") {
    auto built = build({{"basics.yaml", kBasics},
                        {"e.yaml",
                         "kind: event\nname: e\nowner: team-a\nproperties:\n"
                         "  a: {type: [string, nmber], pii: none}\n"
                         "  b: {type: {x: 1}, pii: none}\n"}});
    CHECK(places(built.diagnostics) ==
          Strings{"schema.invalid-value@e.yaml:5:22", "schema.wrong-type@e.yaml:6:13"});
    CHECK(built.diagnostics[0].suggestion == "did you mean 'number'?");
    CHECK(built.model.events[0].properties[0].types == Strings{"string"});
  }

  TEST_CASE("a pattern repeated across events is checked once and reported at every use") {
    // check_data_pattern remembers each distinct pattern's verdict: the second event's bad
    // pattern must still be reported (with the same reason), the good one must stay silent.
    auto event = [](const std::string& name) {
      return "kind: event\nname: " + name +
             "\nowner: team-a\nproperties:\n"
             "  a: {type: string, pattern: '[z-', pii: none}\n"
             "  b: {type: string, pattern: '^[A-Z]{2}$', pii: none}\n";
    };
    auto built = build({{"basics.yaml", kBasics},
                        {"e1.yaml", event("e1")},
                        {"e2.yaml", event("e2")},
                        {"e3.yaml", event("e3")}});
    CHECK(places(built.diagnostics) == Strings{"schema.invalid-pattern@e1.yaml:5:30",
                                               "schema.invalid-pattern@e2.yaml:5:30",
                                               "schema.invalid-pattern@e3.yaml:5:30"});
    REQUIRE(built.diagnostics.size() == 3);
    CHECK(built.diagnostics[0].message == built.diagnostics[2].message);
    CHECK(built.diagnostics[2].message.find("invalid regular expression") != std::string::npos);
  }

  TEST_CASE("a pattern steward cannot check is schema.invalid-pattern at the pattern") {
    auto built =
        build({{"basics.yaml", kBasics},
               {"e.yaml",
                "kind: event\nname: e\nowner: team-a\nproperties:\n"
                "  a: {type: string, pattern: '[a-', pii: none}\n"
                "  b: {type: string, pattern: '^(?!test)', pii: none}\n"
                "  c: {type: string, pattern: '(x)\\1', pii: none}\n"
                "  d: {type: string, pattern: '^(a+)+$', pii: none}\n"},
               {"identity.yaml",
                "kind: identity\nname: default\nowner: team-a\nmatch_keys: [{key: user_id}]\n"
                "suppress: [{key: user_id, pattern: '(?<=x)y'}]\n"}});
    CHECK(places(built.diagnostics) == Strings{"schema.invalid-pattern@e.yaml:5:30",
                                               "schema.invalid-pattern@e.yaml:6:30",
                                               "schema.invalid-pattern@e.yaml:7:30",
                                               "schema.invalid-pattern@identity.yaml:5:36"});
    REQUIRE(built.diagnostics.size() == 4);
    CHECK(built.diagnostics[0].message.find("invalid regular expression") != std::string::npos);
    CHECK(built.diagnostics[1].message.find("lookahead") != std::string::npos);
    CHECK(built.diagnostics[2].message.find("backreference") != std::string::npos);
    CHECK(built.diagnostics[3].message.find("lookbehind") != std::string::npos);
    // The pattern stays in the model, as written, for the diff and the rules.
    CHECK(built.model.events[0].properties[0].constraints->pattern == "[a-");
    // ECMA-262 spellings RE2 writes differently are accepted: \uXXXX, named groups.
    auto ecma =
        build({{"basics.yaml", kBasics},
               {"e.yaml",
                "kind: event\nname: e\nowner: team-a\nproperties:\n"
                "  a: {type: string, pattern: '^[\\u0000-\\u007F]*(?<tail>x)?$', pii: none}\n"}});
    CHECK(places(ecma.diagnostics).empty());
  }

  TEST_CASE("constraints") {
    auto built =
        build({{"basics.yaml", kBasics},
               {"e.yaml",
                "kind: event\nname: e\nowner: team-a\nproperties:\n"
                "  currency: {type: string, enum: [EUR, 1, ~], pii: none}\n"
                "  code: {type: string, pattern: '^[A-Z]+$', format: uuid, min_length: 1,"
                " max_length: 64, const: X, pii: none}\n"
                "  total: {type: number, minimum: 0, maximum: 1.5e3, exclusive_minimum: -1,"
                " exclusive_maximum: 2000, pii: none}\n"
                "  items: {type: array, min_items: 1, max_items: 200, pii: none}\n"}});
    CHECK(places(built.diagnostics).empty());
    const Event& event = built.model.events[0];
    const Constraints& currency = *event.properties[0].constraints;
    CHECK(currency.enum_values == Strings{"EUR", "1", ""});
    const Constraints& code = *event.properties[1].constraints;
    CHECK(code.pattern == "^[A-Z]+$");
    CHECK(code.format == "uuid");
    CHECK(code.min_length == 1);
    CHECK(code.max_length == 64);
    CHECK(code.const_value == "X");
    const Constraints& total = *event.properties[2].constraints;
    CHECK(total.minimum == 0.0);
    CHECK(total.maximum == 1500.0);
    CHECK(total.exclusive_minimum == -1.0);
    CHECK(total.exclusive_maximum == 2000.0);
    CHECK_FALSE(total.min_length.has_value());
    const Constraints& items = *event.properties[3].constraints;
    CHECK(items.min_items == 1);
    CHECK(items.max_items == 200);
  }

  TEST_CASE("constraints of the wrong type or out of range are reported at the value") {
    auto built = build({{"basics.yaml", kBasics},
                        {"e.yaml",
                         "kind: event\nname: e\nowner: team-a\nproperties:\n"
                         "  a: {type: number, minimum: low, pii: none}\n"
                         "  b: {type: string, min_length: -1, pii: none}\n"
                         "  c: {type: string, max_length: 1.5, pii: none}\n"
                         "  d: {type: string, enum: red, pii: none}\n"
                         "  e: {type: string, required: \"true\", pii: none}\n"}});
    CHECK(places(built.diagnostics) ==
          Strings{"schema.wrong-type@e.yaml:5:30", "schema.invalid-value@e.yaml:6:33",
                  "schema.wrong-type@e.yaml:7:33", "schema.wrong-type@e.yaml:8:27",
                  "schema.wrong-type@e.yaml:9:31"});
  }

  TEST_CASE("$ref fills what the event leaves out from the property library") {
    auto built = build({{"basics.yaml", kBasics},
                        {"library.yaml",
                         "kind: property\nname: email\ntype: string\nformat: email\n"
                         "description: An address.\npii: user.contact.email\nconsent: [marketing]\n"
                         "---\n"
                         "kind: property\nname: products\ntype: array\npii: none\n"
                         "items:\n  type: object\n  properties:\n"
                         "    sku: {type: string, required: true, pii: none}\n"
                         "    dims:\n      type: object\n      properties:\n"
                         "        w: {type: number, pii: none}\n"},
                        {"e.yaml",
                         "kind: event\nname: e\nowner: team-a\nproperties:\n"
                         "  email: {$ref: email}\n"
                         "  hashed: {$ref: email, pii: user.contact.email.hashed}\n"
                         "  lines: {$ref: products}\n"}});
    CHECK(places(built.diagnostics).empty());
    REQUIRE(built.model.property_library.size() == 2);
    CHECK(built.model.find_library_property("email") != nullptr);
    CHECK(built.model.find_library_property("email")->event == nullptr);
    const Event& event = built.model.events[0];
    const Property& email = event.properties[0];
    CHECK(email.ref->name == "email");
    CHECK(email.ref->span.line == 5);
    CHECK(email.ref->span.column == 17);
    CHECK(email.types == Strings{"string"});
    CHECK(email.constraints->format == "email");
    CHECK(*email.pii == "user.contact.email");
    CHECK(email.pii_span.file() == "library.yaml");  // the category was written in the library
    CHECK(email.consent.size() == 1);
    CHECK(*email.description == "An address.");
    // One copy of the description, the library's (Property::description is a SharedValue), and
    // none at all where there is no description.
    CHECK(email.description.shares_with(built.model.find_library_property("email")->description));
    CHECK_FALSE(Model::find_property(event, "lines.sku")->description.has_value());
    CHECK(email.span.file() == "e.yaml");  // the property itself is the event's
    // A property without `$ref` holds no Ref at all (Property::ref is a SharedValue).
    CHECK(email.ref.has_value());
    CHECK_FALSE(Model::find_property(event, "lines.sku")->ref.has_value());
    CHECK(Model::find_property(event, "lines.sku")->ref->name.empty());
    // What the event writes wins.
    const Property& hashed = event.properties[1];
    CHECK(*hashed.pii == "user.contact.email.hashed");
    CHECK(hashed.types == Strings{"string"});
    // Nested properties come along, their paths rebased onto the event's key.
    CHECK(paths_of(event) ==
          Strings{"email", "hashed", "lines", "lines.sku", "lines.dims", "lines.dims.w"});
    const Property* sku = Model::find_property(event, "lines.sku");
    REQUIRE(sku != nullptr);
    CHECK(sku->required);
    CHECK(sku->event == &event);
    CHECK(Model::find_property(event, "lines.dims.w") != nullptr);
    CHECK(Model::find_property(event, "products.sku") == nullptr);
    // The library entry keeps its own paths.
    const Property& products = *built.model.find_library_property("products");
    CHECK(products.items[0].properties[0].path == "products.sku");
  }

  TEST_CASE("a $ref to no library entry is reported at the reference") {
    auto built =
        build({{"basics.yaml", kBasics},
               {"library.yaml", "kind: property\nname: currency\ntype: string\npii: none\n"},
               {"e.yaml",
                "kind: event\nname: e\nowner: team-a\nproperties:\n"
                "  currency: {$ref: curency}\n"}});
    CHECK(places(built.diagnostics) ==
          Strings{"reference.unknown-property-definition@e.yaml:5:20"});
    CHECK(built.diagnostics[0].suggestion == "did you mean 'currency'?");
  }

  TEST_CASE("properties must be mappings; an empty definition is reported at its key") {
    auto built = build({{"basics.yaml", kBasics},
                        {"e.yaml",
                         "kind: event\nname: e\nowner: team-a\nproperties:\n"
                         "  a:\n"
                         "  b: {type: string, pii: none}\n"
                         "  c: [string]\n"}});
    CHECK(places(built.diagnostics) ==
          Strings{"schema.wrong-type@e.yaml:5:3", "schema.wrong-type@e.yaml:7:6"});
  }
}
