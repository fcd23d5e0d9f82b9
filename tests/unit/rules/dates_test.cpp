#include <doctest/doctest.h>

#include "call.h"

using namespace steward::rules::testing;

TEST_CASE("dates") {
  CHECK(call("is_date", {str("2026-02-28")}).as_bool());
  CHECK(!call("is_date", {str("2026-02-30")}).as_bool());
  CHECK(!call("is_date", {str("10/01/2026")}).as_bool());
  CHECK(!call("is_date", {Value()}).as_bool());
  CHECK(show(call("days_between", {str("2026-01-10"), str("2026-06-30")})) == "171");
  CHECK(show(call("days_between", {str("2024-03-01"), str("2024-02-28")})) == "-2");
  CHECK(show(call("days_between", {str("x"), str("2024-02-28")})) == "none");
  CHECK(show(call("add_days", {str("2026-12-31"), num(1)})) == "2027-01-01");
  CHECK(show(call("add_days", {str("2024-03-01"), num(-1)})) == "2024-02-29");
  // Out of the years 0000-9999, or not a finite number of days: none, never undefined behaviour.
  CHECK(show(call("add_days", {str("2026-01-01"), num(1e300)})) == "none");
  CHECK(show(call("add_days", {str("2026-01-01"), num(-1e300)})) == "none");
  CHECK(show(call("add_days", {str("9999-12-31"), num(1)})) == "none");
  CHECK(show(call("add_days", {str("2027-02-30"), num(1)})) == "none");
  CHECK(!call("is_date", {str("2027-02-29")}).as_bool());
  CHECK(call("is_date", {str("2028-02-29")}).as_bool());
}
