// `steward export prometheus-rules [--out FILE]`: alerting rules from the `kind: slo` files.
#include "cli/export_commands.h"
#include "export/prometheus_rules.h"

namespace steward::cli {

void register_export_prometheus_rules(CLI::App& export_command, int& exit_code) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* command = export_command.add_subcommand(
      "prometheus-rules", "Prometheus alerting rules from the SLOs, labelled with the owning team");
  add_export_options(*command, *options);
  command->callback(
      [options, &exit_code] { exit_code = run_export(*options, exports::prometheus_rules); });
}

}  // namespace steward::cli
