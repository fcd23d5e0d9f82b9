#include "config/fail_on.h"

#include <array>
#include <utility>

namespace steward::config {

namespace {

constexpr std::array<std::pair<FailOn, std::string_view>, 4> kLevels{{
    {FailOn::error, "error"},
    {FailOn::warning, "warning"},
    {FailOn::note, "note"},
    {FailOn::never, "never"},
}};

}  // namespace

std::string_view fail_on_name(FailOn fail_on) {
  for (const auto& [level, name] : kLevels) {
    if (level == fail_on) return name;
  }
  return "error";
}

std::optional<FailOn> parse_fail_on(std::string_view name) {
  for (const auto& [level, level_name] : kLevels) {
    if (level_name == name) return level;
  }
  return std::nullopt;
}

const std::vector<std::string>& fail_on_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const auto& entry : kLevels)
      all.emplace_back(entry.second);
    return all;
  }();
  return names;
}

}  // namespace steward::config
