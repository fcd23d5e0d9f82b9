// `steward identity simulate EVENTS... [--base REV] [--head REV | --staged]`: the identity graph
// of a sample under the base and the head identity rules; `traffic.identity` decides the exit.
#include <iostream>

#include "cli/commands.h"
#include "cli/comparison.h"
#include "cli/exit_code.h"
#include "cli/traffic_inputs.h"
#include "source/input_error.h"
#include "traffic/identity_simulation.h"

namespace steward::cli {

namespace {

struct IdentitySimulateOptions {
  std::vector<std::string> events;
  RevisionOptions revisions;
  std::string format = "text";
  unsigned threads = 0;
};

int run_identity_simulate(const IdentitySimulateOptions& options) {
  std::unique_ptr<Comparison> comparison = load_comparison(options.revisions, true);
  if (!comparison->base) {
    throw InputError("steward identity simulate needs a base revision to compare with",
                     "pass --base REV (a branch, tag or commit)");
  }
  if (comparison->head.model.identities.empty()) {
    throw InputError("the head revision has no identity rules (`kind: identity`) to simulate",
                     "add a `kind: identity` document, or check `paths` in steward.yaml");
  }
  traffic::LineSource source(options.events);
  traffic::IdentityOptions run;
  run.threads = options.threads;
  run.progress = terminal_progress("steward identity simulate");
  traffic::IdentitySummary summary =
      traffic::simulate_identity(comparison->base->model, comparison->head.model, source, run);
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
    std::cout << traffic::render_identity_markdown(summary, criteria, base_label, head_label);
  else
    std::cout << traffic::render_identity_text(summary, criteria, base_label, head_label);
  return traffic::identity_failures(summary, criteria).empty() ? kPassed : kFindings;
}

}  // namespace

void register_identity(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<IdentitySimulateOptions>();
  CLI::App* identity = app.add_subcommand("identity", "Identity resolution on sampled traffic");
  identity->require_subcommand(1);
  CLI::App* command = identity->add_subcommand(
      "simulate", "Build the identity graph of a sample under the base and the head rules");
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
  command->callback([options, &exit_code] { exit_code = run_identity_simulate(*options); });
}

}  // namespace steward::cli
