#pragma once

#include <optional>

#include "source/diagnostic.h"

namespace steward::config {

// Checks that a .json file is strict JSON. The YAML reader that gives JSON nodes their spans is
// more lenient (it takes trailing commas and bare words), so JSON syntax is judged here first.
// Returns the syntax.json (or syntax.too-deep) diagnostic, or nothing when the text is valid.
std::optional<Diagnostic> check_json_syntax(const SourceRef& source, int max_depth);

// 1-based line and column of a byte offset in `source`.
Span span_at_offset(const SourceRef& source, size_t offset);

}  // namespace steward::config
