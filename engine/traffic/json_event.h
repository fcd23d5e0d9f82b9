#pragma once

// Internal to the traffic stage: simdjson stays behind this header (docs/development.md).
#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "traffic/plan_checks.h"
#include "traffic/reason.h"

namespace steward::traffic::detail {

// The JSON path of the value being checked, as a stack of keys and array indexes. It becomes
// text ("$.properties.items[2].sku") only when a reason is recorded: a valid event builds none.
class JsonPath {
 public:
  void reset(std::string_view root) {
    root_ = root;
    segments_.clear();
  }
  void push(std::string_view key) { segments_.push_back({key, kKey}); }
  void push_index(size_t index) { segments_.push_back({{}, index}); }
  void pop() { segments_.pop_back(); }
  std::string text() const;

 private:
  static constexpr size_t kKey = SIZE_MAX;
  struct Segment {
    std::string_view key;  // into the parsed event or the model: both outlive the check
    size_t index = kKey;   // kKey: the segment is `key`
  };
  std::string_view root_;
  std::vector<Segment> segments_;
};

// Where the reasons of one event go, with the cap on their number.
struct ReasonSink {
  std::vector<Reason>* reasons;
  size_t* dropped;
  size_t limit;
  // False once the cap is reached: the caller need not describe what will not be kept.
  bool room() {
    if (reasons->size() < limit) return true;
    ++*dropped;
    return false;
  }
  void add(ReasonKind kind, std::string path, std::string expected, std::string got,
           const Span* plan) {
    if (room())
      reasons->push_back({kind, std::move(path), std::move(expected), std::move(got), plan});
  }
};

// What the walk over one event carries: where it is, the consent the event grants (by index in
// PlanChecks::purposes()) and where its reasons go.
struct Walk {
  const EventCheck& event;
  JsonPath& path;
  const std::vector<char>& granted;
  ReasonSink& sink;
  void add(ReasonKind kind, std::string expected, std::string got, const Span* plan) {
    if (sink.room())
      sink.reasons->push_back({kind, path.text(), std::move(expected), std::move(got), plan});
  }
};

// Checks the members of `object` against the node `schema` of the walk's event (its properties,
// required ones, additional ones); the walk's path is the object's JSON path, and is as it was
// on return.
void validate_object(simdjson::dom::object object, const PropertyCheck& schema, Walk& walk);

// A value as the reports show it: JSON, shortened.
std::string describe(simdjson::dom::element value);

}  // namespace steward::traffic::detail
