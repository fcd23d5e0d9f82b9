// `steward export SUBCOMMAND`: the model in other tools' formats (dbt sources, Prometheus rules,
// JSON Schema per event).
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/export_commands.h"
#include "cli/project.h"
#include "model/snapshot_loader.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

void print_findings(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    std::cerr << d.span.file() << ":" << d.span.line << ":" << d.span.column << ": "
              << to_string(d.severity) << "[" << d.rule << "]: " << d.message << "\n";
    if (!d.help.empty()) std::cerr << "  help: " << d.help << "\n";
  }
}

bool has_errors(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::error) return true;
  }
  return false;
}

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
  Project project = Project::open(options.dir);
  Revision revision =
      options.rev.empty() ? Revision::work_tree() : Revision::commit(options.rev, options.rev);
  config::StewardConfig config = project.read_config(revision);
  git::Snapshot snapshot = project.read(revision, config);
  project.require_data(snapshot, config);
  model::LoadedModel loaded = model::load_snapshot(std::move(snapshot));
  exports::ExportResult result = write(loaded.model);
  write_text(result.text, options.out);
  print_findings(loaded.diagnostics);
  print_findings(result.diagnostics);
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
