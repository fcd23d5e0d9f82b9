#include "source/spelling.h"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace steward {

namespace {

// Words longer than this get no suggestion: nobody mistypes a paragraph, and the comparison costs
// the product of the lengths.
constexpr size_t kMaxSuggestedLength = 256;

bool same_letter(char a, char b) {
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  // Three rows of the table (the transposition looks two rows back), so memory stays linear.
  std::vector<size_t> before(m + 1), previous(m + 1), current(m + 1);
  std::iota(previous.begin(), previous.end(), size_t{0});
  for (size_t i = 1; i <= n; ++i) {
    current[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = same_letter(a[i - 1], b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && same_letter(a[i - 1], b[j - 2]) && same_letter(a[i - 2], b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[m];
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
  if (word.size() > kMaxSuggestedLength) return std::nullopt;
  // A third of the word's length (at least 1, at most 3) keeps suggestions plausible.
  size_t limit = std::clamp<size_t>(word.size() / 3, 1, 3);
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    // Each edit changes the length by at most one, so a candidate this much longer or shorter is
    // too far without comparing.
    size_t length_difference =
        std::max(word.size(), candidate.size()) - std::min(word.size(), candidate.size());
    if (length_difference >= best_distance) continue;
    size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

}  // namespace steward
