#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "cli/comparison.h"
#include "cli/project.h"
#include "cli/revision_model.h"
#include "config/steward_config.h"
#include "model/snapshot_loader.h"

namespace steward::cli {

// The plan the traffic commands (validate, sample, export json-schema) read: the project's
// steward.yaml and data files at one revision (the work tree by default).
using LoadedPlan = RevisionModel;

// Throws InputError for a revision that cannot be read. Findings in the data files do not stop
// the command (`steward check` reports them); their count is noted on standard error.
std::unique_ptr<LoadedPlan> load_plan(const std::string& dir, const std::string& rev);

// The base and head of `steward replay` and `steward identity simulate`, with their labels for
// the reports. Throws InputError when there is no base to compare with (`command` names the
// command in the message).
struct TrafficRevisions {
  std::unique_ptr<Comparison> comparison;
  std::string base_label;  // "main (428236309047)"
  std::string head_label;  // "work tree", "index" or the revision
};
TrafficRevisions load_traffic_revisions(const RevisionOptions& revisions,
                                        const std::string& command);

// The options replay and identity simulate share: the sample, -C, --base, --head, --staged,
// --format (text, markdown or json) and --threads.
struct TrafficCommandOptions {
  std::vector<std::string> events;
  RevisionOptions revisions;
  std::string format = "text";
  unsigned threads = 0;
};
void add_traffic_options(CLI::App& command, TrafficCommandOptions& options);

// The three renderings of a comparison's report, as the traffic stage declares them.
template <class Summary>
struct TrafficRenderers {
  using Render = std::string (*)(const Summary&, const config::TrafficCriteria&,
                                 const std::string& base_label, const std::string& head_label);
  Render text, markdown, json;
};

// The report in `format` (text, markdown or json), for standard output.
template <class Summary>
std::string render_traffic_report(const std::string& format, const Summary& summary,
                                  const TrafficRevisions& revisions,
                                  const TrafficRenderers<Summary>& renderers) {
  auto render = format == "markdown" ? renderers.markdown
                : format == "json"   ? renderers.json
                                     : renderers.text;
  return render(summary, revisions.comparison->config.traffic, revisions.base_label,
                revisions.head_label);
}

// Throws InputError when the sample held no line at all.
void require_sample_lines(uint64_t lines);

// Progress of a long run on standard error, only when it is a terminal ("" otherwise: silent).
std::function<void(uint64_t)> terminal_progress(const std::string& what);
// Ends the progress line, if one was printed.
void end_progress();

}  // namespace steward::cli
