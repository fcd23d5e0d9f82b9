// `steward sample --events N [--seed S] [--violation KIND=SHARE]... [--out PATH]`: synthetic
// events that follow the plan, with a chosen share of each kind of violation.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/traffic_inputs.h"
#include "source/input_error.h"
#include "traffic/sample_generator.h"

namespace steward::cli {

namespace {

struct SampleCommandOptions {
  std::string dir = ".";
  std::string rev;
  std::string out;
  std::vector<std::string> violations;
  traffic::SampleOptions sample;
};

int run_sample(SampleCommandOptions& options) {
  for (const auto& item : options.violations) {
    size_t eq = item.find('=');
    double share = -1;
    try {
      if (eq != std::string::npos) share = std::stod(item.substr(eq + 1));
    } catch (...) {
    }
    if (eq == std::string::npos || share < 0 || share > 1) {
      throw InputError("--violation '" + item + "' is not KIND=SHARE with a share from 0 to 1",
                       "write e.g. --violation wrong-type=0.02");
    }
    options.sample.violations[traffic::violation_kind(item.substr(0, eq))] = share;
  }
  std::unique_ptr<LoadedPlan> plan = load_plan(options.dir, options.rev);
  if (plan->loaded.model.events.empty())
    throw InputError("the plan has no event to sample", "add `kind: event` documents");
  traffic::SampleCounts counts;
  if (options.out.empty()) {
    counts = traffic::generate_sample(plan->loaded.model, options.sample, std::cout);
  } else {
    std::ofstream file(options.out, std::ios::binary | std::ios::trunc);
    if (!file) throw InputError("cannot write '" + options.out + "'", "pass a writable path");
    counts = traffic::generate_sample(plan->loaded.model, options.sample, file);
    file.close();
    if (!file)
      throw InputError("could not finish writing '" + options.out + "'", "check free space");
  }
  // What was asked and could not be planted is said, never dropped silently.
  for (const auto& [kind, n] : counts.skipped) {
    std::cerr << "note: " << n << " " << traffic::to_string(kind)
              << " violation(s) not planted: no event of the plan has a property that can carry "
                 "one\n";
  }
  for (const auto& [kind, n] : counts.planted)
    std::cerr << "planted: " << n << " " << traffic::to_string(kind) << "\n";
  return kPassed;
}

}  // namespace

void register_sample(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<SampleCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "sample", "Write synthetic events that follow the plan (JSON Lines), with chosen violations");
  command->add_option("--events", options->sample.events, "How many events (default 1000)");
  command->add_option("--seed", options->sample.seed, "Seed: the same seed, the same sample");
  command->add_option("--violation", options->violations,
                      "KIND=SHARE: the share of events with that violation (repeatable), e.g. "
                      "wrong-type=0.02");
  command
      ->add_option("--identify-share", options->sample.identify_share,
                   "The share of identify calls (default 0.05)")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--users", options->sample.users, "Distinct users (default: events / 20)");
  command
      ->add_option("--household", options->sample.household,
                   "Users that share one phone number (default 3)")
      ->check(CLI::PositiveNumber);
  command->add_option("-o,--out", options->out, "Write to this file (default: standard output)");
  command->add_option("-C,--dir", options->dir, "The folder of the customer-data repository");
  command->add_option("--rev", options->rev, "Read the plan at this git revision");
  command->callback([options, &exit_code] { exit_code = run_sample(*options); });
}

}  // namespace steward::cli
