#include "source/calendar_date.h"

#include <doctest/doctest.h>

#include <limits>

using steward::add_days;
using steward::format_iso_date;
using steward::parse_iso_date;

TEST_SUITE("calendar_date") {
  TEST_CASE("only days that exist, written exactly YYYY-MM-DD, are dates") {
    CHECK(parse_iso_date("2026-12-31").has_value());
    CHECK(parse_iso_date("2028-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2027-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2027-02-30").has_value());
    CHECK_FALSE(parse_iso_date("2026-04-31").has_value());
    CHECK_FALSE(parse_iso_date("2026-13-01").has_value());
    CHECK_FALSE(parse_iso_date("2026-00-10").has_value());
    CHECK_FALSE(parse_iso_date("2026-1-1").has_value());
    CHECK_FALSE(parse_iso_date("+026-01-01").has_value());
    CHECK_FALSE(parse_iso_date("31/12/2026").has_value());
    CHECK_FALSE(parse_iso_date("").has_value());
  }

  TEST_CASE("a date writes back as it was read") {
    CHECK(format_iso_date(*parse_iso_date("0001-01-09")) == "0001-01-09");
    CHECK(format_iso_date(*parse_iso_date("2024-02-29")) == "2024-02-29");
  }

  TEST_CASE("adding days stays within 0000-9999 or gives nothing") {
    auto day = *parse_iso_date("2026-12-31");
    CHECK(format_iso_date(*add_days(day, 1)) == "2027-01-01");
    CHECK(format_iso_date(*add_days(day, -365)) == "2025-12-31");
    CHECK(format_iso_date(*add_days(day, 1.9)) == "2027-01-01");
    CHECK_FALSE(add_days(day, 1e300).has_value());
    CHECK_FALSE(add_days(day, -1e300).has_value());
    CHECK_FALSE(add_days(day, std::numeric_limits<double>::infinity()).has_value());
    CHECK_FALSE(add_days(*parse_iso_date("9999-12-31"), 1).has_value());
    CHECK_FALSE(add_days(*parse_iso_date("0000-01-01"), -1).has_value());
  }
}
