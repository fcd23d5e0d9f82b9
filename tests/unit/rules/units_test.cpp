#include <doctest/doctest.h>

#include "call.h"

using namespace steward::rules::testing;

TEST_CASE("percentages") {
  CHECK(show(call("percent", {str("1%")})) == "1");
  CHECK(show(call("percent", {str("0.5 %")})) == "0.5");
  CHECK(show(call("percent", {str("2")})) == "2");
  CHECK(show(call("percent", {str("fast")})) == "none");
  CHECK(show(call("percent", {str("5m")})) == "none");
}

TEST_CASE("durations") {
  CHECK(show(call("duration_seconds", {str("5m")})) == "300");
  CHECK(show(call("duration_seconds", {str("250ms")})) == "0.25");
  CHECK(show(call("duration_seconds", {str("2h")})) == "7200");
  CHECK(show(call("duration_seconds", {str("1d")})) == "86400");
  CHECK(show(call("duration_seconds", {str("30")})) == "30");
  CHECK(show(call("duration_seconds", {str("5 weeks")})) == "none");
}
