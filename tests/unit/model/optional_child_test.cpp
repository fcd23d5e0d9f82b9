// An array property's item schema is an OptionalChild: none or one property of its own, read like
// the vector of at most one it replaces, copied deeply.
#include <doctest/doctest.h>

#include <stdexcept>
#include <utility>

#include "model/model.h"

using namespace steward::model;

TEST_SUITE("optional child") {
  TEST_CASE("none reads as an empty list") {
    Property array;
    CHECK(sizeof(array.items) == sizeof(void*));
    CHECK(array.items.empty());
    CHECK(array.items.size() == 0);
    CHECK(array.items.begin() == array.items.end());
    CHECK_THROWS_AS(array.items.at(0), std::out_of_range);
    int visited = 0;
    for (const Property& item : array.items)
      visited += item.required ? 1 : 2;
    CHECK(visited == 0);
  }

  TEST_CASE("one item reads as a list of one") {
    Property array;
    array.items.emplace_back().name = "sku";
    CHECK(array.items.size() == 1);
    CHECK(array.items[0].name == "sku");
    CHECK(array.items.front().name == "sku");
    CHECK(array.items.at(0).name == "sku");
    CHECK_THROWS_AS(array.items.at(1), std::out_of_range);
    int visited = 0;
    for (const Property& item : array.items)
      visited += item.name == "sku" ? 1 : 0;
    CHECK(visited == 1);
  }

  TEST_CASE("a copy has its own item; a move leaves none") {
    Property array;
    Property item;
    item.name = "tag";
    item.items.emplace_back().name = "nested";  // items of items, copied all the way down
    array.items.push_back(std::move(item));
    Property copy = array;
    copy.items[0].name = "changed";
    copy.items[0].items[0].name = "changed too";
    CHECK(array.items[0].name == "tag");
    CHECK(array.items[0].items[0].name == "nested");
    Property moved = std::move(copy);
    CHECK(moved.items[0].name == "changed");
    CHECK(copy.items.empty());  // NOLINT: the moved-from state is specified
    moved.items = array.items;
    CHECK(moved.items[0].name == "tag");
    moved.items.clear();
    CHECK(moved.items.empty());
  }
}
