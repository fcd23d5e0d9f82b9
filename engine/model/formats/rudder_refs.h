#pragma once

#include <optional>
#include <string>
#include <string_view>

// References between rudder-cli resources, in both styles rudder-cli accepts:
// `#/properties/GROUP/ID` (rudder/v0.1, where GROUP is a file's metadata.name) and `#property:ID`
// (rudder/v1). rudder-cli resolves either by the ID alone, and so does steward.
namespace steward::model::formats {

struct RudderRef {
  // property, event, custom-type, category, tracking-plan, event-stream-source, destination, ...
  std::string kind;
  std::string id;
};

std::optional<RudderRef> parse_rudder_ref(std::string_view text);

// How a reference to `kind` is written, for messages: "#property:ID or #/properties/GROUP/ID".
std::string rudder_ref_forms(std::string_view kind);

// An `includes` reference of a tracking-plan rule: `#/tp/PLAN/event_rule/RULE` (RULE may be `*`).
struct RudderInclude {
  std::string tracking_plan;
  std::string rule;
};
std::optional<RudderInclude> parse_rudder_include(std::string_view text);

}  // namespace steward::model::formats
