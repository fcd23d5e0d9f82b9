#include "traffic/reason.h"

namespace steward::traffic {

std::string_view to_string(ReasonKind kind) {
  switch (kind) {
    case ReasonKind::unknown_event:
      return "unknown-event";
    case ReasonKind::missing_required:
      return "missing-required";
    case ReasonKind::wrong_type:
      return "wrong-type";
    case ReasonKind::enum_value:
      return "enum";
    case ReasonKind::bounds:
      return "bounds";
    case ReasonKind::pattern:
      return "pattern";
    case ReasonKind::format:
      return "format";
    case ReasonKind::additional_property:
      return "additional-property";
    case ReasonKind::consent_missing:
      return "consent-missing";
    case ReasonKind::not_json:
      return "not-json";
    case ReasonKind::line_too_long:
      return "line-too-long";
    case ReasonKind::too_deep:
      return "too-deep";
    case ReasonKind::no_event_name:
      return "no-event-name";
    case ReasonKind::unreadable:
      return "unreadable";
  }
  return "unknown";
}

}  // namespace steward::traffic
