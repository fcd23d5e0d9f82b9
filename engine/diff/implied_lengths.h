#pragma once

#include <optional>
#include <string_view>

#include "model/model.h"

// The string lengths a schema allows without saying so in minLength/maxLength: its enum or const
// values, a fixed-length format, an anchored pattern of fixed-width parts. So that writing out a
// bound that was already implied is not judged a narrowing.
namespace steward::diff {

// Lengths in Unicode code points, as JSON Schema counts them.
struct LengthBounds {
  std::optional<long long> min;
  std::optional<long long> max;
};

// The tightest bounds on the length of the strings `schema` accepts, from minLength/maxLength,
// enum/const values, `format: uuid` (36) and `date` (10), and a pattern (its maximum only).
LengthBounds implied_lengths(const model::Property& schema);

// The longest string an ECMA-262 pattern `^...$` of literals, escapes, classes and `.` with
// quantifiers matches, in code points; nullopt when it is unbounded or not of that form (groups,
// alternation, backreferences, an unanchored end).
std::optional<long long> pattern_max_length(std::string_view pattern);

// Code points of UTF-8 text.
long long code_points(std::string_view text);

}  // namespace steward::diff
