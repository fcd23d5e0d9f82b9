// A property's types are held as TypeNames: the seven JSON Schema names packed into one word, any
// other list on the heap, and both read alike, as the vector of strings they replaced.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "model/model.h"

using namespace steward::model;
using Strings = std::vector<std::string>;

TEST_SUITE("type names") {
  TEST_CASE("a property's types take one word") {
    CHECK(sizeof(TypeNames) == 8);
  }

  TEST_CASE("no names is empty") {
    TypeNames none;
    CHECK(none.empty());
    CHECK(none.size() == 0);
    CHECK(none.begin() == none.end());
    CHECK(none == Strings{});
    CHECK(none == TypeNames(Strings{}));
  }

  TEST_CASE("JSON Schema names keep their order and read as strings") {
    TypeNames names = {"string", "null"};
    CHECK_FALSE(names.empty());
    CHECK(names.size() == 2);
    CHECK(names.front() == "string");
    CHECK(names[1] == "null");
    CHECK(names.to_vector() == Strings{"string", "null"});
    CHECK(names == Strings{"string", "null"});
    CHECK_FALSE(names == Strings{"null", "string"});
    CHECK(names.contains("null"));
    CHECK_FALSE(names.contains("number"));
    CHECK(std::find(names.begin(), names.end(), "null") - names.begin() == 1);
  }

  TEST_CASE("every JSON Schema name, fifteen of them, and one more") {
    const Strings all = {"string", "number", "integer", "boolean", "object", "array", "null"};
    TypeNames names;
    Strings expected;
    for (int i = 0; i < 16; ++i) {
      names.push_back(all[i % all.size()]);
      expected.push_back(all[i % all.size()]);
      CHECK(names == expected);  // the sixteenth moves the list to the heap, unchanged
    }
    CHECK(names.size() == 16);
  }

  TEST_CASE("another name moves the list to the heap, with the names before it") {
    TypeNames names = {"string", "integer"};
    names.push_back("timestamp");
    names.push_back("null");
    CHECK(names == Strings{"string", "integer", "timestamp", "null"});
    CHECK(names.contains("timestamp"));
    CHECK(TypeNames(Strings{"uuid"}) == Strings{"uuid"});
  }

  TEST_CASE("copies are independent; moves leave the source empty") {
    TypeNames heap = {"string", "uuid"};
    TypeNames copy = heap;
    copy.push_back("null");
    CHECK(heap == Strings{"string", "uuid"});
    CHECK(copy == Strings{"string", "uuid", "null"});
    CHECK_FALSE(copy == heap);

    TypeNames packed = {"number"};
    TypeNames packed_copy = packed;
    packed_copy.push_back("null");
    CHECK(packed == Strings{"number"});

    TypeNames moved = std::move(copy);
    CHECK(moved == Strings{"string", "uuid", "null"});
    CHECK(copy.empty());  // NOLINT: the moved-from state is specified
    moved = heap;
    CHECK(moved == heap);
    moved = std::move(packed_copy);
    CHECK(moved == Strings{"number", "null"});
    moved.clear();
    CHECK(moved.empty());
  }
}
