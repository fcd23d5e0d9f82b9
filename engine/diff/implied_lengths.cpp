#include "diff/implied_lengths.h"

#include <algorithm>
#include <cctype>

namespace steward::diff {

namespace {

constexpr long long kUnbounded = -1;
constexpr long long kMaxRepeat = 1'000'000;  // larger counts: not worth bounding

bool continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The end of the atom starting at `i` (one character wide), or npos when it is not one.
size_t atom_end(std::string_view body, size_t i) {
  char c = body[i];
  if (c == '\\') {
    if (i + 1 >= body.size()) return std::string_view::npos;
    char e = body[i + 1];
    if (e == 'u') return i + 6 <= body.size() ? i + 6 : std::string_view::npos;
    if (e == 'x') return i + 4 <= body.size() ? i + 4 : std::string_view::npos;
    // Backreferences, word boundaries, property and named escapes: not one character.
    if ((e >= '1' && e <= '9') || e == 'b' || e == 'B' || e == 'p' || e == 'P' || e == 'k' ||
        e == 'c') {
      return std::string_view::npos;
    }
    return i + 2;
  }
  if (c == '[') {
    size_t j = i + 1;
    if (j < body.size() && body[j] == '^') ++j;
    while (j < body.size() && body[j] != ']')
      j += body[j] == '\\' ? 2 : 1;
    return j < body.size() ? j + 1 : std::string_view::npos;
  }
  if (std::string_view("()|^$*+?{}]").find(c) != std::string_view::npos) {
    return std::string_view::npos;
  }
  size_t j = i + 1;
  while (j < body.size() && continuation(body[j]))
    ++j;
  return j;
}

// Reads a quantifier at `i` into [low, high] (high kUnbounded for none); returns its end, `i` when
// there is none, npos when it is malformed.
size_t quantifier(std::string_view body, size_t i, long long& low, long long& high) {
  low = high = 1;
  if (i >= body.size()) return i;
  size_t end = i + 1;
  if (body[i] == '*') {
    low = 0, high = kUnbounded;
  } else if (body[i] == '+') {
    high = kUnbounded;
  } else if (body[i] == '?') {
    low = 0;
  } else if (body[i] == '{') {
    auto digits = [&](size_t& at, long long& out) {
      size_t start = at;
      out = 0;
      while (at < body.size() && std::isdigit(static_cast<unsigned char>(body[at])) &&
             out <= kMaxRepeat) {
        out = out * 10 + (body[at++] - '0');
      }
      return at > start && out <= kMaxRepeat;
    };
    size_t at = i + 1;
    if (!digits(at, low)) return std::string_view::npos;
    high = low;
    if (at < body.size() && body[at] == ',') {
      ++at;
      high = kUnbounded;
      if (at < body.size() && body[at] != '}' && !digits(at, high)) return std::string_view::npos;
    }
    if (at >= body.size() || body[at] != '}') return std::string_view::npos;
    end = at + 1;
  } else {
    return i;
  }
  if (end < body.size() && body[end] == '?') ++end;  // lazy: the same lengths
  return end;
}

void tighten(LengthBounds& bounds, std::optional<long long> min, std::optional<long long> max) {
  if (min && (!bounds.min || *min > *bounds.min)) bounds.min = min;
  if (max && (!bounds.max || *max < *bounds.max)) bounds.max = max;
}

}  // namespace

long long code_points(std::string_view text) {
  return std::count_if(text.begin(), text.end(), [](char c) { return !continuation(c); });
}

std::optional<long long> pattern_max_length(std::string_view pattern) {
  if (pattern.size() < 2 || pattern.front() != '^' || pattern.back() != '$') return std::nullopt;
  std::string_view body = pattern.substr(1, pattern.size() - 2);
  size_t escapes = 0;  // an escaped `$` is a literal: the pattern is not anchored
  while (escapes < body.size() && body[body.size() - 1 - escapes] == '\\')
    ++escapes;
  if (escapes % 2 == 1) return std::nullopt;
  // Counted in UTF-16 code units as ECMA-262 matches without the `u` flag; a code point is one or
  // two of them, so this bounds code points from above.
  long long longest = 0;
  for (size_t i = 0; i < body.size();) {
    size_t end = atom_end(body, i);
    if (end == std::string_view::npos) return std::nullopt;
    long long low = 1, high = 1;
    size_t after = quantifier(body, end, low, high);
    if (after == std::string_view::npos || high == kUnbounded) return std::nullopt;
    longest += high;
    if (longest > kMaxRepeat) return std::nullopt;
    i = after;
  }
  return longest;
}

LengthBounds implied_lengths(const model::Property& schema) {
  const model::Constraints& c = *schema.constraints;
  LengthBounds bounds{c.min_length, c.max_length};
  std::vector<std::string> values = c.enum_values;
  if (c.const_value) values = {*c.const_value};
  if (!values.empty()) {
    // Without the values' types, every value's text bounds the strings among them.
    long long shortest = code_points(values.front()), longest = shortest;
    for (const auto& value : values) {
      shortest = std::min(shortest, code_points(value));
      longest = std::max(longest, code_points(value));
    }
    tighten(bounds, shortest, longest);
  }
  if (c.format == "uuid") tighten(bounds, 36, 36);  // RFC 4122's string form
  if (c.format == "date") tighten(bounds, 10, 10);  // RFC 3339 full-date: YYYY-MM-DD
  if (!c.pattern.empty()) tighten(bounds, std::nullopt, pattern_max_length(c.pattern));
  return bounds;
}

}  // namespace steward::diff
