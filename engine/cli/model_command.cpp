// `steward model [--rev REV | --staged]`: the combined model as JSON, with spans.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/project.h"
#include "cli/revision_model.h"
#include "model/model_json.h"
#include "model/snapshot_loader.h"

namespace steward::cli {

namespace {

struct ModelOptions {
  std::string dir = ".";
  std::string rev;
  bool staged = false;
  std::string format = "json";
};

int run_model(const ModelOptions& options) {
  auto revision = load_revision_model(Project::open(options.dir),
                                      revision_of(options.rev, options.staged), false);
  const model::LoadedModel& loaded = revision->loaded;
  std::cout << model::model_to_json(loaded.model) << "\n";
  // The model is printed even with findings in the files (what loaded is still useful to see);
  // they are listed on standard error and make the exit code 1.
  print_findings(loaded.diagnostics, false);
  return has_errors(loaded.diagnostics) ? kFindings : kPassed;
}

}  // namespace

void register_model(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ModelOptions>();
  CLI::App* command = app.add_subcommand("model", "Print the combined model as JSON");
  command->add_option("-C,--dir", options->dir, "The folder of the customer-data repository");
  command->add_option("--rev", options->rev, "Read the model at this git revision");
  command->add_flag("--staged", options->staged, "Read the model from the git index");
  command->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"json"}));
  command->callback([options, &exit_code] { exit_code = run_model(*options); });
}

}  // namespace steward::cli
