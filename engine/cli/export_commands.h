#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "export/export_result.h"
#include "model/model.h"

namespace steward::cli {

// What every `steward export X` takes: where the repository is, which revision, where to write.
struct ExportOptions {
  std::string dir = ".";
  std::string rev;
  std::string out;  // empty: standard output
};

// Adds the options above to an export subcommand.
void add_export_options(CLI::App& command, ExportOptions& options);

// Loads the model, runs `write` on it, writes the text to --out or standard output and lists the
// findings of the data files and of the export on standard error. Exit 1 with findings: the
// export is still written (what could be exported is useful), but nothing left out passes.
int run_export(const ExportOptions& options,
               const std::function<exports::ExportResult(const model::Model&)>& write);

// The subcommands of `steward export`, one file each.
void register_export_dbt(CLI::App& export_command, int& exit_code);
void register_export_prometheus_rules(CLI::App& export_command, int& exit_code);

}  // namespace steward::cli
