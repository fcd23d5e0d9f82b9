#pragma once

#include <vector>

#include "config/node.h"
#include "config/read_limits.h"
#include "source/diagnostic.h"

namespace steward::config {

struct ReadResult {
  SourceRef source;  // the file read
  std::vector<Document> documents;
  // syntax.yaml, syntax.json, syntax.too-deep, syntax.too-large, schema.duplicate-key
  Diagnostics diagnostics;
};

// Parses a YAML file (several documents allowed) or a JSON file (checked as strict JSON, then read
// by the same YAML reader, which keeps JSON's line numbers). Never throws: malformed input, or a
// file beyond the limits of read_limits.h, becomes a diagnostic and nothing of the file is read.
ReadResult read_documents(const SourceRef& source);

}  // namespace steward::config
