// `steward replay EVENTS... [--base REV] [--head REV | --staged] [--format text|markdown]`: a
// sample of events through the base and the head plan and routing; steward.yaml's
// `traffic.replay` criteria decide the exit code.
#include <iostream>

#include "cli/commands.h"
#include "cli/comparison.h"
#include "cli/exit_code.h"
#include "cli/traffic_inputs.h"
#include "source/input_error.h"
#include "traffic/replay.h"

namespace steward::cli {

namespace {

struct ReplayCommandOptions {
  std::vector<std::string> events;
  RevisionOptions revisions;
  std::string format = "text";
  unsigned threads = 0;
};

int run_replay(const ReplayCommandOptions& options) {
  std::unique_ptr<Comparison> comparison = load_comparison(options.revisions, true);
  if (!comparison->base) {
    throw InputError("steward replay needs a base revision to compare with",
                     "pass --base REV (a branch, tag or commit)");
  }
  traffic::PlanChecks base(comparison->base->model), head(comparison->head.model);
  traffic::LineSource source(options.events);
  traffic::ReplayOptions run;
  run.threads = options.threads;
  run.progress = terminal_progress("steward replay");
  traffic::ReplaySummary summary = traffic::replay_sample(base, head, source, run);
  end_progress();
  if (summary.lines == 0) {
    throw InputError("the sample holds no event (every file is empty)",
                     "pass JSON Lines files with one event per line");
  }
  std::string base_label =
      (options.revisions.base.empty() ? std::string("(default)") : options.revisions.base) + " (" +
      comparison->base_commit.substr(0, 12) + ")";
  std::string head_label = options.revisions.staged         ? "index"
                           : options.revisions.head.empty() ? "work tree"
                                                            : options.revisions.head;
  const config::TrafficCriteria& criteria = comparison->config.traffic;
  if (options.format == "markdown")
    std::cout << traffic::render_replay_markdown(summary, criteria, base_label, head_label);
  else
    std::cout << traffic::render_replay_text(summary, criteria, base_label, head_label);
  return traffic::replay_failures(summary, criteria).empty() ? kPassed : kFindings;
}

}  // namespace

void register_replay(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ReplayCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "replay", "Replay a sample of events through the base and the head plan and routing");
  command->add_option("events", options->events, "Files of events, one JSON event per line")
      ->required();
  command->add_option("-C,--dir", options->revisions.dir,
                      "The folder of the customer-data repository (where steward.yaml is)");
  command->add_option("--base", options->revisions.base,
                      "The revision to compare against (default: the merge-base with the CI "
                      "target branch, else origin/main, main or master)");
  auto* head = command->add_option("--head", options->revisions.head,
                                   "The revision to compare (default: the files as they are)");
  command->add_flag("--staged", options->revisions.staged, "Compare the staged files")
      ->excludes(head);
  command->add_option("--format", options->format, "text or markdown")
      ->check(CLI::IsMember({"text", "markdown"}));
  command->add_option("--threads", options->threads, "Threads to use (default: every core)");
  command->callback([options, &exit_code] { exit_code = run_replay(*options); });
}

}  // namespace steward::cli
