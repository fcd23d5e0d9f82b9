#pragma once

#include "findings/rule_info.h"

namespace steward::cli {

// Every rule steward can report: the data-file rules, the findings stage's own, and the rules of
// the packs that ran.
findings::RuleTable rule_catalog(const findings::RuleTable& pack_rules = {});

}  // namespace steward::cli
