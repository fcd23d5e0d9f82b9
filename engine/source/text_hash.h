#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace steward {

// A transparent hash of text: with std::equal_to<>, a set or map keyed by std::string is searched
// with a string_view, without making a string of it first.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

}  // namespace steward
