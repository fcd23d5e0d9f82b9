// A property's constraints are held as a SharedValue: empty costs nothing, copies share until
// one is changed, and a change never shows through another copy.
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "model/model.h"

using namespace steward::model;
using steward::SharedValue;

TEST_SUITE("shared value") {
  TEST_CASE("unset reads as an empty value and holds nothing") {
    SharedValue<Constraints> none;
    CHECK_FALSE(none.has_value());
    CHECK(*none == Constraints{});
    CHECK(none->pattern.empty());
    CHECK_FALSE(none->minimum.has_value());
  }

  TEST_CASE("assigning an empty value holds nothing; a set one is kept") {
    SharedValue<Constraints> value = Constraints{};
    CHECK_FALSE(value.has_value());
    Constraints set;
    set.pattern = "^a";
    value = set;
    CHECK(value.has_value());
    CHECK(value->pattern == "^a");
    value = Constraints{};
    CHECK_FALSE(value.has_value());
  }

  TEST_CASE("a copy shares the value until one side is edited") {
    SharedValue<Constraints> original;
    original.edit().minimum = 0;
    SharedValue<Constraints> copy = original;
    CHECK(copy.shares_with(original));
    copy.edit().minimum = 5;
    CHECK_FALSE(copy.shares_with(original));
    CHECK(original->minimum == 0);
    CHECK(copy->minimum == 5);
  }

  TEST_CASE("editing an unshared value changes it in place") {
    SharedValue<Constraints> value;
    Constraints& first = value.edit();
    first.format = "email";
    CHECK(&value.edit() == &first);
    CHECK(value->format == "email");
  }

  TEST_CASE("a moved value leaves its source empty and keeps the same object") {
    SharedValue<Constraints> from;
    from.edit().max_length = 3;
    const Constraints* held = &*from;
    SharedValue<Constraints> to = std::move(from);
    CHECK(&*to == held);
    CHECK(to->max_length == 3);
  }

  TEST_CASE("values compare by content, unset equal to edited-but-empty") {
    SharedValue<Constraints> a, b, unset;
    a.edit().enum_values = {"x"};
    b.edit().enum_values = {"x"};
    CHECK(a == b);
    CHECK_FALSE(a.shares_with(b));
    SharedValue<Constraints> edited_empty;
    edited_empty.edit();
    CHECK(edited_empty == unset);
    b.edit().enum_values.push_back("y");
    CHECK_FALSE(a == b);
  }

  TEST_CASE(
      "a property copied from another shares its constraints; editing the copy does not "
      "change the original") {
    Property definition;
    definition.constraints.edit().pattern = "^[0-9]+$";
    Property copy = definition;
    CHECK(copy.constraints.shares_with(definition.constraints));
    copy.constraints.edit().pattern = "^x";
    CHECK(definition.constraints->pattern == "^[0-9]+$");
  }
}
