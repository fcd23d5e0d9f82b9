#pragma once

// Shared by the config tests: read a text as a file, find diagnostics by rule.

#include <string>

#include "../doctest_strings.h"
#include "config/document_reader.h"

namespace steward::config::testing {

inline ReadResult read(const std::string& path, const std::string& text) {
  return read_documents(make_source(path, text));
}

// "rule@line:col" of every diagnostic, for compact exact assertions.
inline std::vector<std::string> places(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) {
    out.push_back(d.rule + "@" + std::to_string(d.span.line) + ":" + std::to_string(d.span.column));
  }
  return out;
}

// "line:col-end_line:end_col" of a span.
inline std::string extent(const Span& span) {
  return std::to_string(span.line) + ":" + std::to_string(span.column) + "-" +
         std::to_string(span.end_line) + ":" + std::to_string(span.end_column);
}

}  // namespace steward::config::testing
