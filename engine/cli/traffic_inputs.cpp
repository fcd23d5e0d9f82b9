#include "cli/traffic_inputs.h"

#include <unistd.h>

#include <iostream>

#include "cli/revision_options.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {
bool progress_shown = false;
}

std::unique_ptr<LoadedPlan> load_plan(const std::string& dir, const std::string& rev) {
  auto plan = load_revision_model(Project::open(dir), revision_of(rev), true);
  if (!plan->loaded.diagnostics.empty()) {
    std::cerr << "note: the plan has " << plan->loaded.diagnostics.size()
              << " finding(s) in its data files; `steward check` lists them\n";
  }
  return plan;
}

TrafficRevisions load_traffic_revisions(const RevisionOptions& revisions,
                                        const std::string& command) {
  TrafficRevisions out;
  out.comparison = load_comparison(revisions, true);
  if (!out.comparison->base) {
    throw InputError(command + " needs a base revision to compare with",
                     "pass --base REV (a branch, tag or commit)");
  }
  out.base_label = (revisions.base.empty() ? std::string("(default)") : revisions.base) + " (" +
                   out.comparison->base_commit.substr(0, 12) + ")";
  out.head_label = revisions.staged         ? "index"
                   : revisions.head.empty() ? "work tree"
                                            : revisions.head;
  return out;
}

void add_traffic_options(CLI::App& command, TrafficCommandOptions& options) {
  command.add_option("events", options.events, "Files of events, one JSON event per line")
      ->required();
  add_revision_options(command, options.revisions,
                       {.head = "The revision to compare (default: the files as they are)",
                        .staged = "Compare the staged files",
                        .no_base = nullptr});
  command.add_option("--format", options.format, "text, markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  command.add_option("--threads", options.threads, "Threads to use (default: every core)");
}

void require_sample_lines(uint64_t lines) {
  if (lines == 0) {
    throw InputError("the sample holds no event (every file is empty)",
                     "pass JSON Lines files with one event per line");
  }
}

std::function<void(uint64_t)> terminal_progress(const std::string& what) {
  if (!isatty(STDERR_FILENO)) return {};
  return [what](uint64_t lines) {
    std::cerr << "\r" << what << ": " << lines << " lines" << std::flush;
    progress_shown = true;
  };
}

void end_progress() {
  if (progress_shown) std::cerr << "\r\033[K" << std::flush;
  progress_shown = false;
}

}  // namespace steward::cli
