#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "git/snapshot.h"
#include "source/diagnostic.h"

// The annotations of fixture files: what `steward test` expects on each line.
//
//   # expect: RULE [severity=S] [count=N] [message~"text"] [message~/regex/] [review] [by=TEAM]
//   # ok: RULE
//
// Several annotations are separated by commas (outside quotes and slashes). docs/testing-rules.md
// is the reference.
namespace steward::policy {

struct Expectation {
  std::string side;         // "head" or "base"
  std::string file;         // relative to the side's folder
  uint32_t line = 0;        // the line the annotation applies to
  uint32_t written_on = 0;  // the line the annotation is written on (for messages)
  std::string rule;
  bool expect = true;  // false: `# ok:`
  std::optional<Severity> severity;
  std::optional<int> count;  // exactly this many findings; unset: at least one
  std::string message;       // `message~`: a substring, or a pattern when message_is_pattern
  bool message_is_pattern = false;
  bool review = false;  // a review request (`review`, or `by=TEAM`)
  std::string team;     // `by=TEAM`

  // `pii.x severity=error count=2`: the annotation as a reader would write it, for messages.
  std::string describe() const;
};

struct AnnotationError {
  std::string side;
  std::string file;
  uint32_t line = 0;  // where the annotation is written
  std::string message;
};

// Appends the annotations of one fixture file to `out`; malformed ones to `errors`. An annotation
// after content applies to its own line; one alone on its line applies to the next line with
// content. A `#` starts a comment only at the start of a line or after white space, as in YAML.
void read_annotations(const std::string& side, const git::SnapshotFile& file,
                      std::vector<Expectation>& out, std::vector<AnnotationError>& errors);

}  // namespace steward::policy
