// `steward model [--rev REV | --staged]`: the combined model as JSON, with spans.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/project.h"
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
  Project project = Project::open(options.dir);
  Revision revision = options.staged        ? Revision::index()
                      : options.rev.empty() ? Revision::work_tree()
                                            : Revision::commit(options.rev, options.rev);
  config::StewardConfig config = project.read_config(revision);
  model::LoadedModel loaded = model::load_snapshot(project.read(revision, config));
  std::cout << model::model_to_json(loaded.model) << "\n";
  // The model is printed even with findings in the files (what loaded is still useful to see);
  // they are listed on standard error and make the exit code 1.
  for (const auto& d : loaded.diagnostics) {
    std::cerr << d.span.file() << ":" << d.span.line << ":" << d.span.column << ": "
              << to_string(d.severity) << "[" << d.rule << "]: " << d.message << "\n";
  }
  for (const auto& d : loaded.diagnostics) {
    if (d.severity == Severity::error) return kFindings;
  }
  return kPassed;
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
