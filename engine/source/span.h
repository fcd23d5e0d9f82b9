#pragma once

#include <cstdint>
#include <string>

#include "source/source_file.h"

namespace steward {

// The one location type of steward: YAML/JSON nodes, policy AST nodes, model entities, changes,
// findings and reports all carry a Span. Lines and columns are 1-based; the end is inclusive of the
// last character (end_column points at it), so a one-character token has column == end_column.
struct Span {
  SourceRef source;  // null for things with no place in a file (the built-in taxonomy)
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;

  bool valid() const { return source != nullptr && line > 0; }
  const std::string& file() const {
    static const std::string none;
    return source ? source->path() : none;
  }
};

// "path:line:column", the way messages about steward's own inputs name a place.
inline std::string file_line_column(const Span& span) {
  return span.file() + ":" + std::to_string(span.line) + ":" + std::to_string(span.column);
}

}  // namespace steward
