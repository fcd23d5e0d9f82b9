#include "config/node.h"

#include <doctest/doctest.h>

#include <deque>

#include "read_helpers.h"

using steward::config::Node;
using steward::config::testing::read;

namespace {

// The value under `key` of the first document of a YAML text. A node is a view into its read,
// so the reads are kept for the whole run.
Node value_of(const std::string& yaml, const std::string& key) {
  static std::deque<steward::config::ReadResult> reads;
  const auto& result = reads.emplace_back(read("t.yaml", yaml));
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.documents.size() == 1);
  const Node* node = result.documents[0].root.find(key);
  REQUIRE(node != nullptr);
  return *node;
}

}  // namespace

TEST_SUITE("node") {
  TEST_CASE("a quoted \"1\" is a string, a plain 1 a number") {
    Node quoted = value_of("v: \"1\"\n", "v");
    CHECK(quoted.is_scalar());
    CHECK(quoted.quoted);
    CHECK(quoted.is_string());
    CHECK_FALSE(quoted.as_number().has_value());
    CHECK_FALSE(quoted.as_integer().has_value());
    CHECK(quoted.type_name() == "string");

    Node single = value_of("v: '1'\n", "v");
    CHECK(single.is_string());
    CHECK_FALSE(single.as_number().has_value());

    Node plain = value_of("v: 1\n", "v");
    CHECK_FALSE(plain.quoted);
    CHECK_FALSE(plain.is_string());
    CHECK(plain.as_number() == 1.0);
    CHECK(plain.as_integer() == 1);
    CHECK(plain.type_name() == "number");
  }

  TEST_CASE("numbers: signs, fractions, exponents; integers only without a fraction") {
    CHECK(value_of("v: -2.5\n", "v").as_number() == -2.5);
    CHECK_FALSE(value_of("v: -2.5\n", "v").as_integer().has_value());
    CHECK(value_of("v: +7\n", "v").as_integer() == 7);
    CHECK(value_of("v: 1e3\n", "v").as_number() == 1000.0);
    CHECK(value_of("v: 0\n", "v").as_integer() == 0);
    CHECK_FALSE(value_of("v: 12abc\n", "v").as_number().has_value());
    CHECK(value_of("v: 12abc\n", "v").type_name() == "string");
    CHECK_FALSE(value_of("v: inf\n", "v").as_number().has_value());
    CHECK_FALSE(value_of("v: nan\n", "v").as_number().has_value());
    CHECK_FALSE(value_of("v: 99999999999999999999\n", "v").as_integer().has_value());
  }

  TEST_CASE("true and false are booleans when plain, strings when quoted") {
    for (const char* text : {"true", "True", "TRUE"}) {
      Node node = value_of(std::string("v: ") + text + "\n", "v");
      CHECK(node.as_bool() == true);
      CHECK(node.type_name() == "boolean");
      CHECK_FALSE(node.is_string());
    }
    for (const char* text : {"false", "False", "FALSE"}) {
      CHECK(value_of(std::string("v: ") + text + "\n", "v").as_bool() == false);
    }
    CHECK_FALSE(value_of("v: \"true\"\n", "v").as_bool().has_value());
    CHECK(value_of("v: \"true\"\n", "v").is_string());
    // YAML 1.2: yes/no/on/off are strings.
    CHECK_FALSE(value_of("v: yes\n", "v").as_bool().has_value());
    CHECK(value_of("v: off\n", "v").is_string());
  }

  TEST_CASE("null: ~, null and an empty value; a quoted 'null' is a string") {
    CHECK(value_of("v: ~\n", "v").is_null());
    CHECK(value_of("v: null\n", "v").is_null());
    CHECK(value_of("v: Null\n", "v").is_null());
    CHECK(value_of("v:\nw: 1\n", "v").is_null());
    CHECK(value_of("v: ~\n", "v").type_name() == "null");
    Node quoted = value_of("v: \"null\"\n", "v");
    CHECK(quoted.is_scalar());
    CHECK(quoted.is_string());
    CHECK(quoted.text == "null");
  }

  TEST_CASE("collections: type names, lookup by key in file order") {
    Node list = value_of("v: [a, b]\n", "v");
    CHECK(list.is_sequence());
    CHECK(list.type_name() == "list");
    CHECK(list.items.size() == 2);
    CHECK(list.items[1].text == "b");
    CHECK_FALSE(list.as_bool().has_value());

    Node map = value_of("v: {b: 2, a: 1}\n", "v");
    CHECK(map.is_mapping());
    CHECK(map.type_name() == "mapping");
    REQUIRE(map.entries.size() == 2);
    CHECK(map.entries[0].key.text == "b");  // file order, not sorted
    REQUIRE(map.find("a") != nullptr);
    CHECK(map.find("a")->as_integer() == 1);
    CHECK(map.find("c") == nullptr);
    CHECK(map.find_entry("b")->key.span.column == 5);
    CHECK(list.find("a") == nullptr);  // a list has no keys
  }
}
