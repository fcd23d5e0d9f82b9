#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace steward::cli {

// The top-level help: a fixed program name in the usage line (not argv[0], which is an absolute
// build path in CI logs), examples and the exit codes.
void describe_program(CLI::App& app);

// When argv names a subcommand that does not exist ("steward chek"), the error to print, with a
// did-you-mean; nullopt when the first argument is an option or a known subcommand.
std::optional<std::string> unknown_subcommand_error(const CLI::App& app, int argc,
                                                    const char* const* argv);

}  // namespace steward::cli
