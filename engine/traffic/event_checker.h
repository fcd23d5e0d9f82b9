#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "traffic/event_lines.h"
#include "traffic/plan_checks.h"
#include "traffic/reason.h"

namespace steward::traffic {

// Nesting deeper than this is a reason `too-deep` (real events nest a few levels).
inline constexpr size_t kMaxDepth = 64;
// An event gets at most this many reasons; the rest are counted in `reasons_dropped`.
inline constexpr size_t kMaxReasonsPerEvent = 32;

// The kind of call: the Segment/RudderStack `type`, or a Snowplow self-describing event.
enum class CallType { track, identify, page, screen, group, alias, self_describing };
std::string_view to_string(CallType type);

struct EventVerdict {
  std::string name;  // the event name (or the Iglu schema key); empty when there is none
  CallType call = CallType::track;
  // Whether the plan was consulted: track and self-describing events are; identify, page,
  // screen, group and alias calls carry no tracked event and are counted apart.
  bool checked = false;
  const model::Event* event = nullptr;  // the plan's event, when found
  const EventCheck* check = nullptr;    // the same, compiled
  bool named_as_event = false;          // whether `name` is the plan event's name
  std::vector<Reason> reasons;          // empty: the event is valid
  size_t reasons_dropped = 0;
  bool valid() const { return reasons.empty(); }
};

// Reads one line of a sample as an event (simdjson, one parser per checker: one per thread) and
// checks it against a plan. parse() then any number of check() and look-ups on the same line.
class EventChecker {
 public:
  EventChecker();
  ~EventChecker();
  EventChecker(const EventChecker&) = delete;
  EventChecker& operator=(const EventChecker&) = delete;

  // False when the line is not an event; `problem` then says why (not-json, too-deep, ...).
  bool parse(const SampleLine& line, Reason& problem);
  // The last parsed event against `plan`.
  EventVerdict check(const PlanChecks& plan) const;
  // Starts fetching what check(plan) will read of the plan into the cache, so that a caller can
  // parse the next line and check this one while it arrives (with a large plan, the checks of
  // most events are not in the cache).
  void prefetch(const PlanChecks& plan) const;

  CallType call() const;
  const std::string& name() const;
  // Whether the event's consent grants `purpose` (lower case): Segment's
  // context.consent.categoryPreferences or RudderStack's context.consentManagement.
  bool granted(std::string_view purpose) const;
  // Whether a property path of the plan ("items.sku") is present in the event's properties.
  bool has_property(std::string_view dotted_path) const;
  // An identifier: "userId", "anonymousId", "previousId", "groupId" or a path "traits.email",
  // "properties.x", "context.ip" (traits also from context.traits); strings and numbers only.
  std::optional<std::string> identifier(std::string_view from) const;

 private:
  const EventCheck* find(const PlanChecks& plan) const;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace steward::traffic
