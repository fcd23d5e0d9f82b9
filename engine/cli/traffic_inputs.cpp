#include "cli/traffic_inputs.h"

#include <unistd.h>

#include <iostream>

namespace steward::cli {

namespace {
bool progress_shown = false;
}

std::unique_ptr<LoadedPlan> load_plan(const std::string& dir, const std::string& rev) {
  Project project = Project::open(dir);
  Revision revision = rev.empty() ? Revision::work_tree() : Revision::commit(rev, rev);
  auto plan = std::make_unique<LoadedPlan>();
  plan->config = project.read_config(revision);
  git::Snapshot snapshot = project.read(revision, plan->config);
  project.require_data(snapshot, plan->config);
  plan->loaded = model::load_snapshot(std::move(snapshot));
  if (!plan->loaded.diagnostics.empty()) {
    std::cerr << "note: the plan has " << plan->loaded.diagnostics.size()
              << " finding(s) in its data files; `steward check` lists them\n";
  }
  return plan;
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
