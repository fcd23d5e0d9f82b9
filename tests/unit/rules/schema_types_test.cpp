#include <doctest/doctest.h>

#include "call.h"

using namespace steward::rules::testing;

TEST_CASE("widening type changes keep old values valid") {
  CHECK(call("widens", {str("integer"), str("number")}).as_bool());
  CHECK(call("widens", {str("string"), str("string|null")}).as_bool());
  CHECK(call("widens", {str("string"), Value()}).as_bool());  // to any
  CHECK(call("widens", {str("string"), str("string")}).as_bool());
  CHECK(call("widens", {list({str("integer")}), list({str("number"), str("null")})}).as_bool());
  CHECK(!call("widens", {str("number"), str("integer")}).as_bool());
  CHECK(!call("widens", {str("string"), str("number")}).as_bool());
  CHECK(!call("widens", {Value(), str("string")}).as_bool());
}

TEST_CASE("narrowing") {
  CHECK(call("narrows", {str("string|null"), str("string")}).as_bool());
  CHECK(call("narrows", {str("number"), str("integer")}).as_bool());
  CHECK(!call("narrows", {str("string"), str("string")}).as_bool());
  CHECK(!call("narrows", {str("string"), str("number")}).as_bool());
}
