#pragma once

#include <string>

#include "findings/rule_info.h"

namespace steward::cli {

// Every rule steward can report: the data-file rules, the findings stage's own, and the rules of
// the packs that ran. Each carries the absolute URL of its documentation (SARIF helpUri, rdjson
// code.url): the standard rules' pages at this release's tag, a pack rule's own URL, or
// steward.yaml's `docs_url` for a team's rules; none when there is no page to point at.
findings::RuleTable rule_catalog(const findings::RuleTable& pack_rules = {},
                                 const std::string& docs_url = {});

}  // namespace steward::cli
