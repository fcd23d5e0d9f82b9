// `steward export FORMAT`: the plan written in another tool's format. Each format registers
// itself under the `export` command.
#include "cli/commands.h"

namespace steward::cli {

void register_export(CLI::App& app, int& exit_code) {
  CLI::App* command = app.add_subcommand("export", "Write the plan in another tool's format");
  command->require_subcommand(1);
  register_export_json_schema(*command, exit_code);
}

}  // namespace steward::cli
