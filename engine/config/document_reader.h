#pragma once

#include <vector>

#include "config/node.h"
#include "source/diagnostic.h"

namespace steward::config {

struct ReadResult {
  SourceRef source;  // the file read
  std::vector<Document> documents;
  Diagnostics diagnostics;  // syntax.yaml, syntax.json, syntax.too-deep
};

// Nesting beyond this is reported (syntax.too-deep) instead of read: it guards the stack against
// hostile input, and no tracking plan comes close.
inline constexpr int kMaxNestingDepth = 128;

// Parses a YAML file (several documents allowed) or a JSON file (read by the same YAML 1.2 reader,
// which keeps JSON's line numbers). Never throws: malformed input becomes a diagnostic at the
// place the reader stopped.
ReadResult read_documents(const SourceRef& source);

}  // namespace steward::config
