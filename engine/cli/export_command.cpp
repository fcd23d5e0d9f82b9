// `steward export SUBCOMMAND`: the model in other tools' formats (dbt sources, Prometheus rules,
// JSON Schema per event).
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/export_commands.h"
#include "cli/project.h"
#include "cli/revision_model.h"
#include "model/snapshot_loader.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

void write_text(const std::string& text, const std::string& out) {
  if (out.empty() || out == "-") {
    std::cout << text;
    return;
  }
  std::ofstream file(out, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) {
    throw InputError("cannot write --out '" + out + "'",
                     "name a file in a folder that exists and that you may write to");
  }
}

}  // namespace

void add_export_options(CLI::App& command, ExportOptions& options) {
  command.add_option("-C,--dir", options.dir, "The folder of the customer-data repository");
  command.add_option("--rev", options.rev, "Export the model at this git revision");
  command.add_option("--out", options.out, "Write to this file instead of standard output");
}

int run_export(const ExportOptions& options,
               const std::function<exports::ExportResult(const model::Model&)>& write) {
  auto revision = load_revision_model(Project::open(options.dir), revision_of(options.rev), true);
  const model::LoadedModel& loaded = revision->loaded;
  exports::ExportResult result = write(loaded.model);
  write_text(result.text, options.out);
  print_findings(loaded.diagnostics, true);
  print_findings(result.diagnostics, true);
  return has_errors(loaded.diagnostics) || has_errors(result.diagnostics) ? kFindings : kPassed;
}

void register_export(CLI::App& app, int& exit_code) {
  CLI::App* command = app.add_subcommand(
      "export", "Write the model in another tool's format (dbt, Prometheus, JSON Schema)");
  command->require_subcommand(1);
  register_export_dbt(*command, exit_code);
  register_export_json_schema(*command, exit_code);
  register_export_prometheus_rules(*command, exit_code);
}

}  // namespace steward::cli
