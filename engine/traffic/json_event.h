#pragma once

// Internal to the traffic stage: simdjson stays behind this header (docs/development.md).
#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "traffic/plan_checks.h"
#include "traffic/reason.h"

namespace steward::traffic::detail {

// Where the reasons of one event go, with the cap on their number.
struct ReasonSink {
  std::vector<Reason>* reasons;
  size_t* dropped;
  size_t limit;
  void add(ReasonKind kind, const std::string& path, std::string expected, std::string got,
           const Span* plan) {
    if (reasons->size() >= limit) {
      ++*dropped;
      return;
    }
    reasons->push_back({kind, path, std::move(expected), std::move(got), plan});
  }
};

// Checks the members of `object` against `schema` (its properties, required ones, additional
// ones); `path` is the object's JSON path and is restored on return; `granted`: the event's
// consent purposes, lower case.
void validate_object(simdjson::dom::object object, const PropertyCheck& schema,
                     const Span* object_span, std::string& path,
                     const std::vector<std::string>& granted, ReasonSink& sink);

// A value as the reports show it: JSON, shortened.
std::string describe(simdjson::dom::element value);

}  // namespace steward::traffic::detail
