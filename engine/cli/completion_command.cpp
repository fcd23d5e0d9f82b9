// `steward completion bash|zsh|fish`: a shell completion script, generated from the command line
// that CLI11 parses, so that a new command or option completes without editing a script.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_code.h"

namespace steward::cli {

namespace {

struct CompletedOption {
  std::vector<std::string> flags;  // "--base", "-C"
  std::string description;
};

struct CompletedCommand {
  std::string name;
  std::string description;
  std::vector<CompletedOption> options;
};

std::vector<CompletedCommand> completed_commands(const CLI::App& app) {
  std::vector<CompletedCommand> commands;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    CompletedCommand command{sub->get_name(), sub->get_description(), {}};
    for (const CLI::Option* option : sub->get_options()) {
      CompletedOption completed{{}, option->get_description()};
      for (const auto& name : option->get_lnames())
        completed.flags.push_back("--" + name);
      for (const auto& name : option->get_snames())
        completed.flags.push_back("-" + name);
      if (!completed.flags.empty()) command.options.push_back(std::move(completed));
    }
    commands.push_back(std::move(command));
  }
  return commands;
}

// Single quotes for the shells: descriptions are steward's own text, but stay safe anyway.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void write_bash(std::ostream& out, const std::vector<CompletedCommand>& commands) {
  out << "# steward completion for bash: source it, or save it as\n"
         "# ~/.local/share/bash-completion/completions/steward\n"
         "_steward() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]}\n"
         "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
         "    COMPREPLY=($(compgen -W '--help --version";
  for (const auto& command : commands)
    out << ' ' << command.name;
  out << "' -- \"$cur\"))\n    return\n  fi\n  case ${COMP_WORDS[1]} in\n";
  for (const auto& command : commands) {
    out << "    " << command.name << ") COMPREPLY=($(compgen -W '";
    for (const auto& option : command.options)
      for (const auto& flag : option.flags)
        out << flag << ' ';
    out << "' -- \"$cur\")) ;;\n";
  }
  out << "  esac\n  if [ ${#COMPREPLY[@]} -eq 0 ]; then COMPREPLY=($(compgen -f -- \"$cur\")); fi\n"
         "}\ncomplete -F _steward steward\n";
}

void write_zsh(std::ostream& out, const std::vector<CompletedCommand>& commands) {
  out << "#compdef steward\n# steward completion for zsh: save it as _steward in a folder of "
         "$fpath\n_steward() {\n  local -a commands\n  commands=(\n";
  for (const auto& command : commands)
    out << "    " << quoted(command.name + ":" + command.description) << "\n";
  out << "  )\n  if (( CURRENT == 2 )); then\n    _describe 'steward command' commands\n"
         "    return\n  fi\n  case $words[2] in\n";
  for (const auto& command : commands) {
    out << "    " << command.name << ") _arguments";
    for (const auto& option : command.options)
      for (const auto& flag : option.flags)
        out << " \\\n        " << quoted(flag + "[" + option.description + "]");
    out << " '*:file:_files' ;;\n";
  }
  out << "  esac\n}\n_steward \"$@\"\n";
}

void write_fish(std::ostream& out, const std::vector<CompletedCommand>& commands) {
  out << "# steward completion for fish: save it as ~/.config/fish/completions/steward.fish\n";
  for (const auto& command : commands) {
    out << "complete -c steward -f -n __fish_use_subcommand -a " << command.name << " -d "
        << quoted(command.description) << "\n";
    for (const auto& option : command.options) {
      out << "complete -c steward -n " << quoted("__fish_seen_subcommand_from " + command.name);
      for (const auto& flag : option.flags)
        out << (flag.rfind("--", 0) == 0 ? " -l " + flag.substr(2) : " -s " + flag.substr(1));
      out << " -d " << quoted(option.description) << "\n";
    }
  }
}

}  // namespace

void register_completion(CLI::App& app, int& exit_code) {
  auto shell = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand("completion", "Print a shell completion script");
  command->add_option("shell", *shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  command->callback([shell, &app, &exit_code] {
    const auto commands = completed_commands(app);
    if (*shell == "bash") write_bash(std::cout, commands);
    if (*shell == "zsh") write_zsh(std::cout, commands);
    if (*shell == "fish") write_fish(std::cout, commands);
    exit_code = kPassed;
  });
}

}  // namespace steward::cli
