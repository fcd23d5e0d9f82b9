// `steward replay EVENTS... [--base REV] [--head REV | --staged] [--format text|markdown|json]`:
// a sample of events through the base and the head plan and routing; steward.yaml's
// `traffic.replay` criteria decide the exit code.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/traffic_inputs.h"
#include "traffic/replay.h"

namespace steward::cli {

namespace {

int run_replay(const TrafficCommandOptions& options) {
  TrafficRevisions revisions = load_traffic_revisions(options.revisions, "steward replay");
  const Comparison& comparison = *revisions.comparison;
  traffic::PlanChecks base(comparison.base->model), head(comparison.head.model);
  traffic::LineSource source(options.events);
  traffic::ReplayOptions run;
  run.threads = options.threads;
  run.progress = terminal_progress("steward replay");
  traffic::ReplaySummary summary = traffic::replay_sample(base, head, source, run);
  end_progress();
  require_sample_lines(summary.lines);
  std::cout << render_traffic_report<traffic::ReplaySummary>(
      options.format, summary, revisions,
      {traffic::render_replay_text, traffic::render_replay_markdown, traffic::render_replay_json});
  return traffic::replay_failures(summary, comparison.config.traffic).empty() ? kPassed : kFindings;
}

}  // namespace

void register_replay(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TrafficCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "replay", "Replay a sample of events through the base and the head plan and routing");
  add_traffic_options(*command, *options);
  command->callback([options, &exit_code] { exit_code = run_replay(*options); });
}

}  // namespace steward::cli
