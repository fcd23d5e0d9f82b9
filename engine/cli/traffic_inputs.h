#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "cli/project.h"
#include "config/steward_config.h"
#include "model/snapshot_loader.h"

namespace steward::cli {

// The plan the traffic commands (validate, sample, export json-schema) read: the project's
// steward.yaml and data files at one revision (the work tree by default).
struct LoadedPlan {
  config::StewardConfig config;
  model::LoadedModel loaded;
};

// Throws InputError for a revision that cannot be read. Findings in the data files do not stop
// the command (`steward check` reports them); their count is noted on standard error.
std::unique_ptr<LoadedPlan> load_plan(const std::string& dir, const std::string& rev);

// Progress of a long run on standard error, only when it is a terminal ("" otherwise: silent).
std::function<void(uint64_t)> terminal_progress(const std::string& what);
// Ends the progress line, if one was printed.
void end_progress();

}  // namespace steward::cli
