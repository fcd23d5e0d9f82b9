#pragma once

#include <string>
#include <string_view>

#include "source/span.h"

// Why an event of a sample is not accepted by the plan: the structured reasons of
// `steward validate`, its dead-letter file and `steward replay` (docs/traffic.md lists each).
namespace steward::traffic {

enum class ReasonKind {
  // The plan's contract.
  unknown_event,        // no event of that name (or Iglu schema) in the plan
  missing_required,     // a required property is absent
  wrong_type,           // the value's JSON type is not one the plan allows
  enum_value,           // not one of the plan's enum (or const) values
  bounds,               // minimum, maximum, lengths, item and property counts
  pattern,              // does not match the plan's pattern
  format,               // not a valid email, uuid, date-time, date, uri, ipv4 or ipv6
  additional_property,  // a property the plan does not list where it allows none
  consent_missing,      // a property (or event) needs a consent purpose the event lacks
  // The sample itself: the line cannot be read as an event.
  not_json,       // the line is not JSON (or not a JSON object)
  line_too_long,  // over kMaxLineBytes; skipped
  too_deep,       // nested deeper than kMaxDepth
  no_event_name,  // a track call without `event`, a self-describing event without `schema`
  unreadable,     // the file ends early (a truncated gzip) or cannot be read
};

inline constexpr int kReasonKinds = static_cast<int>(ReasonKind::unreadable) + 1;

// The kind's stable name: "unknown-event", "missing-required", ...
std::string_view to_string(ReasonKind kind);

// One reason an event is invalid. `plan` points into the model the sample was checked against
// (null when the plan declares nothing for it: an unknown event, a line that is not JSON).
struct Reason {
  ReasonKind kind = ReasonKind::not_json;
  std::string path;      // JSON path in the event: "$.properties.products[2].sku"
  std::string expected;  // "number", "one of [EUR, GBP]", ">= 0"
  std::string got;       // the value as sent, shortened: "\"12\"", "-3", "object"
  const Span* plan = nullptr;
};

}  // namespace steward::traffic
