#include "cli/command_line_help.h"

#include <vector>

#include "source/spelling.h"

namespace steward::cli {

namespace {

constexpr const char* kFooter = R"(Examples:
  steward check                          check the pull request: head against its merge-base
  steward check --staged                 check what `git commit` would record (pre-commit)
  steward check --format sarif=steward.sarif --format text
  steward diff --base origin/main        the semantic change summary a reviewer reads
  steward explain compat.property-removed
  steward completion bash > ~/.local/share/bash-completion/completions/steward

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on
  2  usage, configuration, policy or internal error (the message says where and how to fix it)

Environment: NO_COLOR turns colour off; FORCE_COLOR or CLICOLOR_FORCE turn it on off a terminal.
Documentation: docs/ in the steward repository; `steward explain RULE-ID` for one rule.)";

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(command->get_name());
  return names;
}

}  // namespace

void describe_program(CLI::App& app) {
  app.name("steward");
  app.footer(kFooter);
}

std::optional<std::string> unknown_subcommand_error(const CLI::App& app, int argc,
                                                    const char* const* argv) {
  if (argc < 2 || argv[1][0] == '-' || argv[1][0] == '\0') return std::nullopt;
  const std::string word = argv[1];
  const std::vector<std::string> names = subcommand_names(app);
  for (const auto& name : names) {
    if (name == word) return std::nullopt;
  }
  std::string message = "error: '" + word + "' is not a steward command";
  if (auto guess = closest_match(word, names)) message += "; did you mean '" + *guess + "'?";
  std::string list;
  for (const auto& name : names)
    list += (list.empty() ? "" : ", ") + name;
  return message + "\n  fix: run `steward --help`; the commands are " + list;
}

}  // namespace steward::cli
