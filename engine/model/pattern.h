#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "source/diagnostic.h"
#include "source/span.h"

namespace re2 {
class RE2;
}

// Regular expressions, wherever steward meets one: the policy language's `matches`, a property's
// `pattern:` constraint, identity `suppress` patterns. All are RE2, which matches in time linear
// in the text: a hostile pattern or text cannot stall a check (std::regex backtracks
// exponentially on `(a+)+$`). RE2 has no backreferences and no lookaround; a pattern that uses
// them is reported as a feature steward cannot check, not accepted silently.
namespace steward::model {

// Patterns longer than this are refused: the compiled program grows with the pattern.
inline constexpr size_t kMaxPatternBytes = 4096;

struct CompiledPattern {
  std::shared_ptr<const re2::RE2> regex;  // null when the pattern cannot be used
  std::string problem;                    // why not, in a sentence; empty when `regex` is set
};

// Compiles `pattern` (RE2 syntax, unanchored search unless it anchors itself).
CompiledPattern compile_pattern(std::string_view pattern);

// Whether `regex` finds a match anywhere in `text`.
bool pattern_search(const re2::RE2& regex, std::string_view text);

// Reports `schema.invalid-pattern` at `span` when a pattern written in a data file cannot be
// compiled; `what` names the field ("pattern", "suppress pattern"). Always true: the pattern is
// kept as written either way (rules and `steward model` show it), only never compiled.
bool check_data_pattern(std::string_view pattern, const Span& span, std::string_view what,
                        Diagnostics& diagnostics);

}  // namespace steward::model
