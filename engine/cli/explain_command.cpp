// `steward explain RULE-ID`: the rule's title, severity, help and its documentation page (an
// example that triggers it and its fix).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/pack_loading.h"
#include "cli/rule_catalog.h"
#include "config/steward_config.h"
#include "policy/stdlib_packs.h"
#include "source/input_error.h"
#include "source/spelling.h"

namespace steward::cli {

namespace {

struct ExplainOptions {
  std::string rule;
  std::string dir = ".";
};

// Every rule steward knows here: the built-in ones, every stdlib pack, and the local packs that
// the folder's steward.yaml names.
findings::RuleTable known_rules(const std::string& dir) {
  findings::RuleTable pack_rules;
  std::vector<std::string> specs;
  std::string docs_url;
  for (const auto& name : policy::stdlib_pack_names())
    specs.push_back("stdlib:" + name);
  std::filesystem::path config_path = std::filesystem::path(dir) / "steward.yaml";
  std::error_code ec;
  if (std::filesystem::exists(config_path, ec)) {
    std::ifstream in(config_path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    config::StewardConfig config = config::parse_steward_config(make_source("steward.yaml", text));
    for (const auto& spec : config.packs) {
      if (!spec.starts_with("stdlib:")) specs.push_back(spec);
    }
    docs_url = config.docs_url;
  }
  for (const auto& spec : specs) {
    auto pack = load_checked_pack(spec, dir);
    for (const auto& rule : pack->pack().rules())
      pack_rules.push_back(to_rule_info(rule));
  }
  return rule_catalog(pack_rules, docs_url);
}

int run_explain(const ExplainOptions& options) {
  findings::RuleTable rules = known_rules(options.dir);
  const findings::RuleInfo* rule = findings::find_rule(rules, options.rule);
  if (!rule) {
    std::vector<std::string> ids;
    for (const auto& r : rules)
      ids.push_back(r.id);
    auto guess = closest_match(options.rule, ids);
    throw InputError("no rule '" + options.rule + "'",
                     guess
                         ? "did you mean '" + *guess + "'?"
                         : "rule ids look like pii.destination-allowlist; docs/rules/ lists them");
  }
  std::cout << rule->id << ": " << rule->title << "\n"
            << "severity: " << to_string(rule->default_severity) << " (by default)\n";
  if (!rule->help_uri.empty()) std::cout << "docs: " << rule->help_uri << "\n";
  for (size_t i = 0; i < rule->tags.size(); ++i)
    std::cout << (i == 0 ? "tags: " : ", ") << rule->tags[i]
              << (i + 1 == rule->tags.size() ? "\n" : "");
  if (!rule->description.empty()) std::cout << "\n" << rule->description << "\n";
  if (auto page = policy::rule_doc(rule->id)) std::cout << "\n" << *page;
  return kPassed;
}

}  // namespace

void register_explain(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* command = app.add_subcommand("explain", "Show a rule's documentation");
  command->add_option("rule", options->rule, "The rule id, e.g. pii.destination-allowlist")
      ->required();
  command->add_option("-C,--dir", options->dir,
                      "Also look in the packs of this folder's steward.yaml");
  command->callback([options, &exit_code] { exit_code = run_explain(*options); });
}

}  // namespace steward::cli
