#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policy/rule_pack.h"

namespace steward::policy {

// The packs built into the steward binary from stdlib-policies/ (`stdlib:NAME` in steward.yaml),
// so an installed steward needs no source tree. Generated at build time by
// stdlib-policies/embed.cmake; fixture trees (tests/) are not embedded.
std::vector<std::string> stdlib_pack_names();
std::optional<std::vector<PackSource>> stdlib_pack_sources(std::string_view name);

}  // namespace steward::policy

namespace steward::policy {

// The documentation page of a rule (docs/rules/<rule-id>.md), embedded like the packs, for
// `steward explain`.
std::optional<std::string> rule_doc(std::string_view rule_id);

}  // namespace steward::policy
