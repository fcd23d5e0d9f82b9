// The string lengths a schema implies: patterns of fixed-width parts, enum values, formats.

#include "diff/implied_lengths.h"

#include <doctest/doctest.h>

#include <optional>

using namespace steward;

TEST_SUITE("diff: implied string lengths") {
  TEST_CASE("pattern_max_length: anchored patterns of fixed-width parts") {
    struct Case {
      const char* pattern;
      std::optional<long long> longest;
    };
    const Case cases[] = {
        {"^[0-9]{5}$", 5},
        {"^[A-Z]{2}-[0-9]{3,4}$", 7},
        {"^\\d{3}\\.\\d?$", 5},
        {"^[^\\]x]{2}$", 2},
        {"^\\u00e9{2}x$", 3},
        {"^ab?c{0,2}$", 4},
        {"^é{2}$", 2},  // code points, not bytes
        {"^[0-9]+$", std::nullopt},
        {"^[0-9]{2,}$", std::nullopt},
        {"^a*$", std::nullopt},
        {"[0-9]{5}", std::nullopt},      // not anchored: longer strings match
        {"^[0-9]{5}", std::nullopt},     // no end anchor
        {"^[0-9]{5}\\$", std::nullopt},  // an escaped `$` is a literal
        {"^(ab){2}$", std::nullopt},     // groups are not read
        {"^a|bcd$", std::nullopt},       // alternation
        {"^(a)\\1$", std::nullopt},      // backreference
        {"^[0-9$", std::nullopt},        // unclosed class
        {"^a{99999999}$", std::nullopt},
    };
    for (const Case& c : cases) {
      std::string pattern = c.pattern;
      CAPTURE(pattern);
      CHECK(diff::pattern_max_length(c.pattern) == c.longest);
    }
  }

  TEST_CASE("implied_lengths: the tightest of maxLength, enum, const, format and pattern") {
    model::Property p;
    p.constraints.edit().enum_values = {"ab", "cdé"};
    auto bounds = diff::implied_lengths(p);
    CHECK(bounds.min == 2);
    CHECK(bounds.max == 3);
    p = {};
    p.constraints.edit().format = "uuid";
    p.constraints.edit().max_length = 100;
    bounds = diff::implied_lengths(p);
    CHECK(bounds.min == 36);
    CHECK(bounds.max == 36);
    p = {};
    p.constraints.edit().pattern = "^[0-9]{5}$";
    p.constraints.edit().min_length = 1;
    bounds = diff::implied_lengths(p);
    CHECK(bounds.min == 1);  // a pattern bounds the maximum only (UTF-16 units, not code points)
    CHECK(bounds.max == 5);
    p = {};
    p.constraints.edit().const_value = "web";
    CHECK(diff::implied_lengths(p).max == 3);
    CHECK_FALSE(diff::implied_lengths(model::Property()).max);
  }
}
