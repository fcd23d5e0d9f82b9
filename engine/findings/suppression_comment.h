#pragma once

#include <string>
#include <vector>

#include "source/span.h"

namespace steward::findings {

// One `# steward:ignore RULE-ID[, RULE-ID...] -- reason` comment found in a file.
struct SuppressionComment {
  struct RuleRef {
    std::string id;
    Span span;  // the id inside the comment
  };
  enum class Problem { none, missing_reason, invalid };

  Span span;            // the whole comment, from `#` to its last character
  uint32_t covers = 0;  // the other line it covers, besides its own (0: none)
  std::vector<RuleRef> rules;
  std::string reason;
  Problem problem = Problem::none;
  std::string problem_message;  // why it is invalid or lacks a reason
};

// Every suppression comment of `file`, in line order. A comment covers its own line; a comment
// alone on its line also covers the next line that is not itself a comment (so comments stack).
std::vector<SuppressionComment> scan_suppressions(const SourceRef& file);

}  // namespace steward::findings
