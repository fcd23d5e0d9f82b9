#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "source/shared_value.h"
#include "source/span.h"

namespace steward {

enum class Severity { note = 0, warning = 1, error = 2 };

inline std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::note:
      return "note";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

// One problem found: in the data files (syntax.*, schema.*, reference.*) or by a policy rule.
// Diagnostics stay data until the report stage renders them.
struct Diagnostic {
  std::string rule;  // "schema.unknown-key", "pii.destination-allowlist"
  Severity severity = Severity::error;
  std::string message;
  Span span;                      // in head (or the only revision)
  Span base_span;                 // in base, for what was removed or changed
  SharedValue<std::string> help;  // how to fix it, in general (a pack rule's: one copy for all)
  std::string suggestion;         // a concrete fix for this occurrence ("did you mean ...")
  // What the finding is about, independent of the message's wording: "checkout_started.coupon",
  // a destination's name. Waiver targets in steward.yaml match it.
  std::string subject;
};

using Diagnostics = std::vector<Diagnostic>;

// A `require review by TEAM` outcome: the change needs that team's approval.
struct ReviewRequest {
  std::string rule;
  std::string team;  // a `kind: team` name
  std::string reason;
  Span span;
};

}  // namespace steward
