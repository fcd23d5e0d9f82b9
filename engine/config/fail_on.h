#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace steward::config {

// The lowest severity that fails a check run (`fail_on:` in steward.yaml, `--fail-on`).
enum class FailOn { error, warning, note, never };

// "error", "warning", "note", "never": the one table of the names both inputs accept and every
// report prints.
std::string_view fail_on_name(FailOn fail_on);
// The level a name spells, or nullopt when it is none of them.
std::optional<FailOn> parse_fail_on(std::string_view name);
// Every name, in order of the enum: {"error", "warning", "note", "never"}.
const std::vector<std::string>& fail_on_names();

}  // namespace steward::config
