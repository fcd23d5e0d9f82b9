#include <doctest/doctest.h>

#include "call.h"

using namespace steward::rules::testing;

TEST_CASE("category ancestry") {
  CHECK(call("category_under", {str("user.contact.email"), str("user.contact")}).as_bool());
  CHECK(call("category_under", {str("user.contact"), str("user.contact")}).as_bool());
  CHECK(!call("category_under", {str("user.contacts"), str("user.contact")}).as_bool());
  CHECK(!call("category_under", {str("user"), str("user.contact")}).as_bool());
  CHECK(!call("category_under", {Value(), str("user")}).as_bool());
}

TEST_CASE("parent, root and depth") {
  CHECK(show(call("parent", {str("user.contact.email")})) == "user.contact");
  CHECK(show(call("parent", {str("user")})) == "none");
  CHECK(show(call("category_root", {str("user.contact.email")})) == "user");
  CHECK(show(call("category_depth", {str("user.contact.email")})) == "3");
  CHECK(show(call("category_depth", {Value()})) == "0");
}
