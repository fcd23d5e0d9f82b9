// The model holds one copy of each distinct set of constraints (property_value_pool.h).
#include "model/property_value_pool.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "model_helpers.h"

using namespace steward::model;
using namespace steward::model::testing;
using steward::SharedValue;

namespace {

SharedValue<Constraints> with_minimum(double minimum) {
  SharedValue<Constraints> value;
  value.edit().minimum = minimum;
  return value;
}

}  // namespace

TEST_SUITE("constraints pool") {
  TEST_CASE("identical constraints end up shared; different ones stay apart") {
    PropertyValuePool pool;
    SharedValue<Constraints> a = with_minimum(0), b = with_minimum(0), c = with_minimum(1);
    pool.intern(a);
    pool.intern(b);
    pool.intern(c);
    CHECK(a.shares_with(b));
    CHECK_FALSE(a.shares_with(c));
    CHECK(b->minimum == 0);
    CHECK(c->minimum == 1);
    CHECK(pool.size() == 2);
  }

  TEST_CASE("unset constraints are not pooled, and edited-to-empty ones are released") {
    PropertyValuePool pool;
    SharedValue<Constraints> unset, emptied;
    emptied.edit();
    pool.intern(unset);
    pool.intern(emptied);
    CHECK_FALSE(unset.has_value());
    CHECK_FALSE(emptied.has_value());
    CHECK(pool.size() == 0);
  }

  TEST_CASE("-0 and 0 compare equal but are kept apart, so each prints as written") {
    PropertyValuePool pool;
    SharedValue<Constraints> zero = with_minimum(0.0), negative_zero = with_minimum(-0.0);
    pool.intern(zero);
    pool.intern(negative_zero);
    CHECK_FALSE(zero.shares_with(negative_zero));
    CHECK(std::signbit(*negative_zero->minimum));
  }

  TEST_CASE("every field takes part: constraints differing in any one are not merged") {
    PropertyValuePool pool;
    SharedValue<Constraints> a, b;
    a.edit().enum_values = {"x", "y"};
    b.edit().enum_values = {"x", "y"};
    b.edit().value_types = {"string"};
    pool.intern(a);
    pool.intern(b);
    CHECK_FALSE(a.shares_with(b));
    CHECK(a->value_types.empty());
  }

  TEST_CASE("a changed copy of a pooled value leaves the others alone") {
    PropertyValuePool pool;
    SharedValue<Constraints> a = with_minimum(0), b = with_minimum(0);
    pool.intern(a);
    pool.intern(b);
    b.edit().maximum = 9;
    CHECK_FALSE(a->maximum.has_value());
    CHECK(b->minimum == 0);
  }

  TEST_CASE("a model read from files shares equal constraints across events and nesting") {
    auto built = build({{"basics.yaml", kBasics},
                        {"a.yaml",
                         "kind: event\nname: a_done\nowner: team-a\nproperties:\n"
                         "  total: {type: number, minimum: 0, pii: none}\n"
                         "  flag: {type: boolean, pii: none}\n"
                         "  items:\n"
                         "    type: array\n"
                         "    pii: none\n"
                         "    items:\n"
                         "      type: object\n"
                         "      properties:\n"
                         "        price: {type: number, minimum: 0, pii: none}\n"},
                        {"b.yaml",
                         "kind: event\nname: b_done\nowner: team-a\nproperties:\n"
                         "  total: {type: number, minimum: 0, pii: none}\n"
                         "  tax: {type: number, minimum: 1, pii: none}\n"}});
    REQUIRE(places(built.diagnostics).empty());
    const Model& m = built.model;
    const Property* a_total = Model::find_property(*m.find_event("a_done"), "total");
    const Property* a_price = Model::find_property(*m.find_event("a_done"), "items.price");
    const Property* b_total = Model::find_property(*m.find_event("b_done"), "total");
    const Property* b_tax = Model::find_property(*m.find_event("b_done"), "tax");
    const Property* a_flag = Model::find_property(*m.find_event("a_done"), "flag");
    REQUIRE(a_total);
    REQUIRE(a_price);
    REQUIRE(b_total);
    REQUIRE(b_tax);
    REQUIRE(a_flag);
    CHECK(a_total->constraints.shares_with(b_total->constraints));
    CHECK(a_total->constraints.shares_with(a_price->constraints));
    CHECK_FALSE(a_total->constraints.shares_with(b_tax->constraints));
    CHECK(b_tax->constraints->minimum == 1);
    CHECK_FALSE(a_flag->constraints.has_value());
  }
}

TEST_SUITE("property value pool: categories") {
  TEST_CASE("equal categories end up shared; unset ones hold nothing") {
    PropertyValuePool pool;
    SharedValue<std::string> a = std::string("user.contact.email");
    SharedValue<std::string> b = std::string("user.contact.email");
    SharedValue<std::string> c = std::string("none");
    SharedValue<std::string> unset;
    CHECK_FALSE(a.shares_with(b));
    for (auto* category : {&a, &b, &c, &unset})
      pool.intern_category(*category);
    CHECK(a.shares_with(b));
    CHECK_FALSE(a.shares_with(c));
    CHECK(*b == "user.contact.email");
    CHECK_FALSE(unset.has_value());
    CHECK(pool.categories() == 2);
  }

  TEST_CASE("a model's properties share one copy of each category") {
    auto built =
        build({{"basics.yaml", kBasics},
               {"e.yaml",
                "kind: event\nname: e\nowner: team-a\nproperties:\n"
                "  a: {type: string, pii: none}\n"
                "  b: {type: object, pii: none, properties: {c: {type: string, pii: none}}}\n"
                "  d: {type: string}\n"},
               {"f.yaml",
                "kind: event\nname: f\nowner: team-a\nproperties:\n"
                "  a: {type: string, pii: none}\n"}});
    const Event& e = built.model.events[0];
    const Event& f = built.model.events[1];
    const Property& a = e.properties[0];
    CHECK(*a.pii == "none");
    CHECK(a.pii.shares_with(e.properties[1].pii));
    CHECK(a.pii.shares_with(e.properties[1].properties[0].pii));  // nested ones too
    CHECK(a.pii.shares_with(f.properties[0].pii));                // and across files
    CHECK_FALSE(e.properties[2].pii.has_value());                 // unclassified: nothing held
  }
}
