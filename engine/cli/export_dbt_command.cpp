// `steward export dbt [--out FILE]`: dbt sources YAML for the warehouse destinations.
#include "cli/export_commands.h"
#include "export/dbt_sources.h"

namespace steward::cli {

void register_export_dbt(CLI::App& export_command, int& exit_code) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = export_command.add_subcommand(
      "dbt", "dbt sources YAML: a table per event routed to each warehouse destination");
  add_export_options(*command, *options);
  command->callback(
      [options, &exit_code] { exit_code = run_export(*options, exports::dbt_sources); });
}

}  // namespace steward::cli
