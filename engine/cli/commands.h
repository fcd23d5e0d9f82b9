#pragma once

#include <CLI/CLI.hpp>

namespace steward::cli {

// Each command: an options struct, a register function that adds it to the app, and a run
// function in the engine that returns the exit code. `exit_code` receives the result.
void register_cache(CLI::App& app, int& exit_code);
void register_catalog(CLI::App& app, int& exit_code);
void register_check(CLI::App& app, int& exit_code);
void register_completion(CLI::App& app, int& exit_code);
void register_coverage(CLI::App& app, int& exit_code);
void register_diff(CLI::App& app, int& exit_code);
void register_drift(CLI::App& app, int& exit_code);
void register_eval(CLI::App& app, int& exit_code);
void register_explain(CLI::App& app, int& exit_code);
void register_export(CLI::App& app, int& exit_code);
void register_identity(CLI::App& app, int& exit_code);
void register_init(CLI::App& app, int& exit_code);
void register_model(CLI::App& app, int& exit_code);
void register_packs(CLI::App& app, int& exit_code);
void register_replay(CLI::App& app, int& exit_code);
void register_sample(CLI::App& app, int& exit_code);
void register_scorecard(CLI::App& app, int& exit_code);
void register_test(CLI::App& app, int& exit_code);
void register_validate(CLI::App& app, int& exit_code);

// Subcommands of `steward export` that are not declared in export_commands.h.
void register_export_json_schema(CLI::App& export_command, int& exit_code);

}  // namespace steward::cli
