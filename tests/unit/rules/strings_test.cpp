#include <doctest/doctest.h>

#include "call.h"
#include "policy/limits.h"

using namespace steward::rules::testing;
namespace policy = steward::policy;

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

TEST_CASE("replace and join stop at the string size limit instead of growing without bound") {
  std::string hundred(100, 'a');
  Value s = Value::owned(hundred);
  Value s2 = call("replace", {s, str("a"), s});  // 10,000 characters
  CHECK(s2.as_string().size() == 10000);
  // 10,000 x 10,000 would be 100 MB: refused, with the limit named.
  CHECK_THROWS_WITH_AS(call("replace", {s2, str("a"), s2}),
                       doctest::Contains("(limit: string size)"), policy::EvaluationError);
  std::vector<Value> parts(200, s2);
  CHECK_THROWS_WITH_AS(call("join", {list(parts), str(",")}),
                       doctest::Contains("(limit: string size)"), policy::EvaluationError);
  // Up to the limit, results are whole.
  std::string almost(policy::kMaxStringBytes - 1, 'b');
  CHECK(call("replace", {Value::owned(almost + "a"), str("a"), str("c")}).as_string().size() ==
        policy::kMaxStringBytes);
}
