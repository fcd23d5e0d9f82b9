#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "traffic/event_checker.h"
#include "traffic/event_lines.h"
#include "traffic/plan_checks.h"

// `steward validate`: a sample of events checked against the plan, with a summary per event name
// and per reason, the first invalid events in full, and optionally a dead-letter file.
namespace steward::traffic {

struct InvalidEvent {
  uint32_t file = 0;
  uint64_t line = 0;
  std::string name;
  std::vector<Reason> reasons;
  size_t reasons_dropped = 0;
};

struct EventTally {
  uint64_t total = 0;
  uint64_t invalid = 0;
};

// How often one reason occurred: a kind at a path (array indexes as [*]) of an event.
struct ReasonTally {
  ReasonKind kind = ReasonKind::not_json;
  std::string event;
  std::string path;
  std::string expected;
  const Span* plan = nullptr;
  uint64_t count = 0;
};

inline constexpr int kCallTypes = 7;

struct ValidationSummary {
  std::vector<std::string> files;
  uint64_t lines = 0;    // every non-blank line: events and lines that are not events
  uint64_t checked = 0;  // track and self-describing events checked against the plan
  uint64_t invalid = 0;  // lines with at least one reason
  std::array<uint64_t, kCallTypes> calls{};  // by CallType
  std::map<std::string, EventTally> by_event;
  std::array<uint64_t, kReasonKinds> by_kind{};
  std::vector<ReasonTally> by_reason;  // most frequent first
  std::vector<InvalidEvent> listed;    // the first `max_listed` invalid events, in sample order
  double invalid_rate() const { return lines ? static_cast<double>(invalid) / lines : 0; }
};

struct ValidateOptions {
  unsigned threads = 0;    // 0: every core
  size_t max_listed = 20;  // invalid events shown in full (the dead-letter file has every one)
  std::ostream* dlq = nullptr;
  // Called after each round with the lines read so far (progress on a terminal).
  std::function<void(uint64_t)> progress;
};

// Name under which a line that is no event is counted in `by_event`.
inline constexpr const char* kNotAnEvent = "(not an event)";
// At most this many event names and reason tallies are kept apart, so that memory does not grow
// with a sample of made-up names; the rest are counted under kOther.
inline constexpr size_t kMaxTallies = 10000;
inline constexpr const char* kOther = "(other)";

ValidationSummary validate_sample(const PlanChecks& plan, LineSource& source,
                                  const ValidateOptions& options);

// One dead-letter record: {"file", "line", "event" (the original, or "raw" text when it is not
// JSON), "reasons": [...]}, one line.
std::string dead_letter(const std::string& file, uint64_t line, std::string_view text, bool is_json,
                        const std::vector<Reason>& reasons);

// The reports of a validation: text (terminal), json (documented in docs/traffic.md), markdown.
std::string render_validation_text(const ValidationSummary& summary, double max_invalid_rate);
std::string render_validation_json(const ValidationSummary& summary, double max_invalid_rate);
std::string render_validation_markdown(const ValidationSummary& summary, double max_invalid_rate);

// "tracking-plan/a.yaml:3:5", or "" for no place.
std::string place(const Span* span);
// "1.25%".
std::string percent(double fraction);

}  // namespace steward::traffic
