// A property's constraints are held as a SharedValue: empty costs nothing, copies share until
// one is changed, and a change never shows through another copy.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <utility>
#include <vector>

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

  TEST_CASE("one pointer each; copies on several threads keep the count, the last frees it") {
    static_assert(sizeof(SharedValue<std::string>) == sizeof(void*));
    SharedValue<std::string> original(std::string(100, 'v'));
    {
      std::vector<std::thread> threads;
      std::vector<std::vector<SharedValue<std::string>>> copies(4);
      for (auto& mine : copies) {
        threads.emplace_back([&original, &mine] {
          for (int i = 0; i < 10000; ++i)
            mine.push_back(original);
          mine.resize(100);  // the rest released here, on this thread
        });
      }
      for (auto& thread : threads)
        thread.join();
      for (const auto& mine : copies)
        CHECK(mine.back().shares_with(original));
      // Editing a copy while others hold the value gives the copy its own.
      copies[0][0].edit() = "own";
      CHECK(*original == std::string(100, 'v'));
    }
    // Every copy is gone: the original is alone, so an edit changes it in place.
    const std::string* before = &*original;
    original.edit().push_back('!');
    CHECK(&*original == before);
  }
}
