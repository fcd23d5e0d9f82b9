// `steward validate EVENTS... [--dlq PATH] [--format text|json|markdown]`: a sample of events
// (JSON Lines, plain or gzip) checked against the plan, with structured reasons.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/traffic_inputs.h"
#include "source/input_error.h"
#include "traffic/validation.h"

namespace steward::cli {

namespace {

struct ValidateCommandOptions {
  std::vector<std::string> events;
  std::string dir = ".";
  std::string rev;
  std::string dlq;
  std::string format = "text";
  unsigned threads = 0;
  size_t max_listed = 20;
};

int run_validate(const ValidateCommandOptions& options) {
  std::unique_ptr<LoadedPlan> plan = load_plan(options.dir, options.rev);
  traffic::PlanChecks checks(plan->loaded.model);
  traffic::LineSource source(options.events);
  std::ofstream dlq;
  traffic::ValidateOptions run;
  run.threads = options.threads;
  run.max_listed = options.max_listed;
  if (!options.dlq.empty()) {
    dlq.open(options.dlq, std::ios::binary | std::ios::trunc);
    if (!dlq) {
      throw InputError("cannot write the dead-letter file '" + options.dlq + "'",
                       "pass a path in a folder that exists and can be written");
    }
    run.dlq = &dlq;
  }
  run.progress = terminal_progress("steward validate");
  traffic::ValidationSummary summary = traffic::validate_sample(checks, source, run);
  end_progress();
  require_sample_lines(summary.lines);
  double limit = plan->config.traffic.max_invalid_rate;
  if (options.format == "json")
    std::cout << traffic::render_validation_json(summary, limit);
  else if (options.format == "markdown")
    std::cout << traffic::render_validation_markdown(summary, limit);
  else
    std::cout << traffic::render_validation_text(summary, limit);
  if (dlq.is_open()) {
    dlq.close();
    if (!dlq)
      throw InputError("could not finish writing '" + options.dlq + "'", "check free space");
  }
  return summary.invalid > 0 && summary.invalid_rate() > limit ? kFindings : kPassed;
}

}  // namespace

void register_validate(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ValidateCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "validate", "Validate a sample of events (JSON Lines, plain or gzip) against the plan");
  command->add_option("events", options->events, "Files of events, one JSON event per line")
      ->required();
  command->add_option("-C,--dir", options->dir, "The folder of the customer-data repository");
  command->add_option("--rev", options->rev, "Validate against the plan at this git revision");
  command->add_option("--dlq", options->dlq,
                      "Write every invalid event with its reasons to this JSON Lines file");
  command->add_option("--format", options->format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  command->add_option("--threads", options->threads, "Threads to use (default: every core)");
  command->add_option("--max-listed", options->max_listed,
                      "Invalid events shown in full in the report (default 20)");
  command->callback([options, &exit_code] { exit_code = run_validate(*options); });
}

}  // namespace steward::cli
