#include "cli/rule_catalog.h"

#include "findings/builtin_rules.h"
#include "findings/rule_doc_url.h"
#include "model/data_file_rules.h"
#include "policy/stdlib_packs.h"

namespace steward::cli {

namespace {

// "<repository>/blob/v<version>/docs/PAGE": a page of steward's documentation at this release.
std::string release_page(const std::string& page) {
  return std::string(STEWARD_REPOSITORY_URL) + "/blob/v" + STEWARD_VERSION + "/docs/" + page;
}

}  // namespace

findings::RuleTable rule_catalog(const findings::RuleTable& pack_rules,
                                 const std::string& docs_url) {
  findings::RuleTable table;
  for (const auto& rule : model::data_file_rules()) {
    table.push_back(
        {rule.id, rule.title, rule.description, rule.severity, release_page("data-file-rules.md")});
  }
  for (auto rule : findings::findings_rules()) {
    rule.help_uri = release_page("suppressions.md");
    table.push_back(std::move(rule));
  }
  const findings::RuleDocLinks links{
      findings::stdlib_rule_pages(STEWARD_REPOSITORY_URL, STEWARD_VERSION), docs_url};
  for (auto rule : pack_rules) {
    rule.help_uri = findings::rule_doc_url(rule, policy::rule_doc(rule.id).has_value(), links);
    table.push_back(std::move(rule));
  }
  return table;
}

}  // namespace steward::cli
