#pragma once

#include <CLI/CLI.hpp>

#include "cli/comparison.h"

namespace steward::cli {

// What `--head`, `--staged` and (when the command has it) `--no-base` say in the help of a command
// that compares two revisions; the rest of the revision options read the same everywhere.
struct RevisionHelp {
  const char* head;     // "The revision to check (default: the files as they are)"
  const char* staged;   // "Check the staged files (for pre-commit hooks)"
  const char* no_base;  // null: the command always needs a base
};

// -C/--dir, --base, [--no-base], --head and --staged (which excludes --head), in that order, for
// check, diff, replay and identity simulate.
void add_revision_options(CLI::App& command, RevisionOptions& options, const RevisionHelp& help);

}  // namespace steward::cli
