// `steward identity simulate EVENTS... [--base REV] [--head REV | --staged]`: the identity graph
// of a sample under the base and the head identity rules; `traffic.identity` decides the exit.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/traffic_inputs.h"
#include "source/input_error.h"
#include "traffic/identity_simulation.h"

namespace steward::cli {

namespace {

int run_identity_simulate(const TrafficCommandOptions& options) {
  TrafficRevisions revisions =
      load_traffic_revisions(options.revisions, "steward identity simulate");
  const Comparison& comparison = *revisions.comparison;
  if (comparison.head.model.identities.empty()) {
    throw InputError("the head revision has no identity rules (`kind: identity`) to simulate",
                     "add a `kind: identity` document, or check `paths` in steward.yaml");
  }
  traffic::LineSource source(options.events);
  traffic::IdentityOptions run;
  run.threads = options.threads;
  run.progress = terminal_progress("steward identity simulate");
  traffic::IdentitySummary summary =
      traffic::simulate_identity(comparison.base->model, comparison.head.model, source, run);
  end_progress();
  require_sample_lines(summary.lines);
  std::cout << render_traffic_report<traffic::IdentitySummary>(
      options.format, summary, revisions,
      {traffic::render_identity_text, traffic::render_identity_markdown,
       traffic::render_identity_json});
  return traffic::identity_failures(summary, comparison.config.traffic).empty() ? kPassed
                                                                                : kFindings;
}

}  // namespace

void register_identity(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TrafficCommandOptions>();
  CLI::App* identity = app.add_subcommand("identity", "Identity resolution on sampled traffic");
  identity->require_subcommand(1);
  CLI::App* command = identity->add_subcommand(
      "simulate", "Build the identity graph of a sample under the base and the head rules");
  add_traffic_options(*command, *options);
  command->callback([options, &exit_code] { exit_code = run_identity_simulate(*options); });
}

}  // namespace steward::cli
