#pragma once

#include <string>
#include <string_view>

#include "findings/rule_info.h"

namespace steward::findings {

// Where rules' documentation pages live, for SARIF helpUri, rdjson code.url and Markdown links.
struct RuleDocLinks {
  // The folder of the standard packs' pages, "<repository>/blob/v<version>/docs/rules": RULE.md
  // is appended (stdlib_rule_pages builds it).
  std::string stdlib_pages;
  // steward.yaml's `docs_url:` for a team's own packs: "{rule}" is replaced by the rule id.
  std::string team_template;
};

// "<repository_url>/blob/v<version>/docs/rules": the pages at the release tag of this version.
std::string stdlib_rule_pages(std::string_view repository_url, std::string_view version);

// The absolute URL of `rule`'s documentation, or "" when there is none (reports then leave the
// link out rather than print a relative one). In order: the rule's own absolute URL
// (RuleInfo::help_uri); its page in steward's repository when `has_stdlib_page` (the rule is
// documented under docs/rules); the team's docs_url. The rule id is percent-encoded.
std::string rule_doc_url(const RuleInfo& rule, bool has_stdlib_page, const RuleDocLinks& links);

// True for an http:// or https:// URL with a host.
bool is_absolute_url(std::string_view url);

}  // namespace steward::findings
