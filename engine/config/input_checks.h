#pragma once

#include <optional>

#include "source/diagnostic.h"

namespace steward::config {

// What is wrong with a file as a whole, found before it is parsed: a file larger than
// kMaxFileBytes (syntax.too-large), UTF-16 text, or a merge conflict left in it (the parser would
// report only a confusing error somewhere near the marker). Nothing when the file may be parsed.
std::optional<Diagnostic> check_input(const SourceRef& source, bool json);

// The finding for a file beyond one of the limits of read_limits.h.
Diagnostic too_large(const Span& span, const std::string& what);

}  // namespace steward::config
