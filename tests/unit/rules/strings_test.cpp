#include <doctest/doctest.h>

#include "call.h"

using namespace steward::rules::testing;

TEST_CASE("case and white space") {
  CHECK(show(call("lower", {str("Checkout_Started")})) == "checkout_started");
  CHECK(show(call("upper", {str("eu")})) == "EU");
  CHECK(show(call("trim", {str("  a b \t")})) == "a b");
  CHECK(show(call("lower", {Value()})) == "none");
  CHECK(show(call("length", {str("h\xc3\xa9llo")})) == "5");
}

TEST_CASE("affixes and search") {
  CHECK(call("starts_with", {str("checkout_started"), str("checkout")}).as_bool());
  CHECK(!call("starts_with", {Value(), str("x")}).as_bool());
  CHECK(call("ends_with", {str("checkout_started"), str("_started")}).as_bool());
  CHECK(call("contains", {str("checkout_started"), str("out_st")}).as_bool());
  CHECK(!call("contains", {str("abc"), str("d")}).as_bool());
}

TEST_CASE("replace, split and join") {
  CHECK(show(call("replace", {str("a-b-c"), str("-"), str("_")})) == "a_b_c");
  CHECK(show(call("replace", {str("abc"), str(""), str("_")})) == "abc");
  CHECK(show(call("split", {str("user.contact.email"), str(".")})) == "user, contact, email");
  CHECK(show(call("split", {str("a"), str(",")})) == "a");
  CHECK(show(call("join", {list({str("a"), num(2)}), str("/")})) == "a/2");
}
