#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace steward {

// Edit distance (Damerau-Levenshtein with adjacent transpositions), for did-you-mean suggestions.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible typo.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

}  // namespace steward
