#include "model/formats/rudder_refs.h"

#include <utility>

namespace steward::model::formats {

namespace {

// The path segment of the v0.1 style and the kind it names.
constexpr std::pair<std::string_view, std::string_view> kLegacyKinds[] = {
    {"properties", "property"},
    {"events", "event"},
    {"custom-types", "custom-type"},
    {"categories", "category"},
    {"tp", "tracking-plan"}};

}  // namespace

std::optional<RudderRef> parse_rudder_ref(std::string_view text) {
  if (text.size() < 3 || text.front() != '#') return std::nullopt;
  if (text[1] == '/') {
    // #/KINDS/GROUP/ID: the ID is everything after the group.
    auto first = text.find('/', 2);
    if (first == std::string_view::npos) return std::nullopt;
    auto second = text.find('/', first + 1);
    if (second == std::string_view::npos || second + 1 >= text.size()) return std::nullopt;
    std::string_view kinds = text.substr(2, first - 2);
    for (const auto& [segment, kind] : kLegacyKinds) {
      if (segment == kinds)
        return RudderRef{std::string(kind), std::string(text.substr(second + 1))};
    }
    return RudderRef{std::string(kinds), std::string(text.substr(second + 1))};
  }
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 1 || colon + 1 >= text.size()) {
    return std::nullopt;
  }
  return RudderRef{std::string(text.substr(1, colon - 1)), std::string(text.substr(colon + 1))};
}

std::string rudder_ref_forms(std::string_view kind) {
  // Appended piece by piece: GCC 12 warns (-Wrestrict, wrongly) about "#" + std::string(kind).
  std::string out = "#";
  out.append(kind).append(":ID");
  for (const auto& [segment, legacy] : kLegacyKinds) {
    if (legacy == kind) out.append(" or #/").append(segment).append("/GROUP/ID");
  }
  return out;
}

std::optional<RudderInclude> parse_rudder_include(std::string_view text) {
  constexpr std::string_view prefix = "#/tp/";
  constexpr std::string_view middle = "/event_rule/";
  if (!text.starts_with(prefix)) return std::nullopt;
  auto at = text.find(middle, prefix.size());
  if (at == std::string_view::npos || at == prefix.size() || at + middle.size() >= text.size()) {
    return std::nullopt;
  }
  return RudderInclude{std::string(text.substr(prefix.size(), at - prefix.size())),
                       std::string(text.substr(at + middle.size()))};
}

}  // namespace steward::model::formats
