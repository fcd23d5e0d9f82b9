#pragma once

#include <optional>
#include <string>

#include "traffic/seeded_random.h"

namespace steward::traffic {

// A string that matches `pattern` (checked with RE2), for synthetic events. Understands what
// tracking plans write: literals, escapes (\d \w \s), classes with ranges, groups with
// alternatives, and the quantifiers ? * + {n} {n,} {n,m}; nullopt when it cannot make one.
std::optional<std::string> sample_matching(const std::string& pattern, SeededRandom& random);

}  // namespace steward::traffic
