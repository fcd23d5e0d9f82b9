// `steward explain RULE-ID`: the rule's title, severity, help and its documentation page (an
// example that triggers it and its fix).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/pack_loading.h"
#include "cli/persistent_cache.h"
#include "cli/project.h"
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

// The folder's steward.yaml, or the defaults when it has none.
config::StewardConfig folder_config(const std::string& dir) {
  std::filesystem::path config_path = std::filesystem::path(dir) / "steward.yaml";
  std::error_code ec;
  if (!std::filesystem::exists(config_path, ec)) return {};
  std::ifstream in(config_path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return config::parse_steward_config(make_source("steward.yaml", text));
}

// Every rule steward knows here: the built-in ones, every stdlib pack, and the local packs that
// the folder's steward.yaml names.
findings::RuleTable known_rules(const std::string& dir, const config::StewardConfig& config) {
  findings::RuleTable pack_rules;
  std::vector<std::string> specs;
  for (const auto& name : policy::stdlib_pack_names())
    specs.push_back("stdlib:" + name);
  for (const auto& spec : config.packs) {
    if (!spec.starts_with("stdlib:")) specs.push_back(spec);
  }
  // Git packs as the last `steward packs fetch` left them: explaining a rule fetches nothing.
  GitPackOptions git{{}, true};
  for (const auto& spec : specs) {
    if (config::parse_git_pack(spec)) git.clones = pack_clone_folder({}, Project::open(dir));
  }
  for (const auto& spec : specs) {
    auto pack = load_checked_pack(spec, dir, {}, git);
    for (const auto& rule : pack->pack().rules())
      pack_rules.push_back(to_rule_info(rule));
  }
  return rule_catalog(pack_rules, config.docs_url);
}

// "severity: warning (set in steward.yaml; error by default)": what `check` reports here.
std::string severity_line(const findings::RuleInfo& rule, const config::StewardConfig& config) {
  std::string by_default(to_string(rule.default_severity));
  auto it = config.severity.find(rule.id);
  if (it == config.severity.end()) return "severity: " + by_default + " (by default)";
  const config::SeverityOverride& configured = it->second;
  std::string now(configured.severity ? to_string(*configured.severity) : "off");
  return "severity: " + now + " (set in steward.yaml; " + by_default + " by default)";
}

int run_explain(const ExplainOptions& options) {
  config::StewardConfig config = folder_config(options.dir);
  findings::RuleTable rules = known_rules(options.dir, config);
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
  std::cout << rule->id << ": " << rule->title << "\n" << severity_line(*rule, config) << "\n";
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
