#include <doctest/doctest.h>

#include "call.h"

using namespace steward::rules::testing;

TEST_CASE("count and empty") {
  CHECK(show(call("count", {list({num(1), num(2)})})) == "2");
  CHECK(show(call("count", {Value()})) == "0");
  CHECK(call("empty", {list({})}).as_bool());
  CHECK(!call("empty", {list({num(1)})}).as_bool());
  CHECK(call("empty", {Value()}).as_bool());
  CHECK(call("empty", {str("")}).as_bool());
  CHECK(!call("empty", {str("x")}).as_bool());
  CHECK(!call("empty", {num(0)}).as_bool());
}

TEST_CASE("first, distinct, duplicates, sum") {
  CHECK(show(call("first", {list({str("a"), str("b")})})) == "a");
  CHECK(show(call("first", {list({})})) == "none");
  CHECK(show(call("distinct", {list({str("a"), str("b"), str("a")})})) == "a, b");
  CHECK(show(call("duplicates", {list({str("a"), str("b"), str("a"), str("a"), str("b")})})) ==
        "a, b");
  CHECK(show(call("duplicates", {list({str("a")})})) == "");
  CHECK(show(call("sum", {list({num(1), num(2.5), Value()})})) == "3.5");
}
