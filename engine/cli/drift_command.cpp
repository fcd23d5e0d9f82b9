// `steward drift --live EXPORT [--rev REV] [--format text|json|markdown]`: the model declared in
// git against an export of the live workspace; exit 1 on drift.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/project.h"
#include "cli/revision_model.h"
#include "git/worktree_reader.h"
#include "kpi/drift.h"
#include "model/model_json.h"
#include "model/snapshot_loader.h"
#include "report/json_text.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The largest model JSON `--live` reads: far above any real workspace, and a bound on memory.
constexpr uintmax_t kMaxLiveJsonBytes = 256u << 20;

struct DriftOptions {
  std::string dir = ".";
  std::string rev;
  std::string live;
  std::string format = "text";
};

json parse_model_json(const std::string& text, const std::string& where) {
  try {
    return json::parse(text);
  } catch (const json::exception& e) {
    throw InputError("'" + where + "' is not valid JSON: " + e.what(),
                     "capture the live model with `steward model > live.json`, or pass a "
                     "rudder-cli project folder");
  }
}

// A rudder-cli project export (or any folder of files steward reads): loaded like a repository.
json load_live_folder(const fs::path& folder) {
  git::Snapshot snapshot = git::read_worktree(folder, git::PathFilter());
  if (snapshot.files.empty()) {
    throw InputError("the live export '" + folder.string() + "' holds no YAML or JSON file",
                     "export the workspace with `rudder-cli` into this folder first");
  }
  model::LoadedModel loaded = model::load_snapshot(std::move(snapshot));
  if (!loaded.diagnostics.empty()) {
    std::cerr << "note: the live export has " << loaded.diagnostics.size()
              << " finding(s) in its files; what loaded is compared\n";
  }
  return json::parse(model::model_to_json(loaded.model, -1));
}

json load_live(const std::string& path) {
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    throw InputError("the live export '" + path + "' does not exist",
                     "pass --live with a rudder-cli project folder or `steward model` JSON");
  }
  if (fs::is_directory(status)) return load_live_folder(path);
  if (!fs::is_regular_file(status)) {
    throw InputError("the live export '" + path + "' is neither a folder nor a file",
                     "pass a rudder-cli project folder or a JSON file");
  }
  if (fs::file_size(path, ec) > kMaxLiveJsonBytes) {
    throw InputError("the live export '" + path +
                         "' is larger than 256 MiB, the most "
                         "`steward drift` reads",
                     "export only the tracking plan and routing, or compare a rudder-cli folder");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_model_json(text.str(), path);
}

int run_drift(const DriftOptions& options) {
  json live = load_live(options.live);
  auto revision = load_revision_model(Project::open(options.dir), revision_of(options.rev), true);
  const model::LoadedModel& declared = revision->loaded;
  kpi::Drift drift =
      kpi::compute_drift(json::parse(model::model_to_json(declared.model, -1)), live);
  if (options.format == "json")
    std::cout << report::json_text(kpi::drift_json(drift, options.live)) << "\n";
  else if (options.format == "markdown")
    std::cout << kpi::drift_markdown(drift, options.live);
  else
    std::cout << kpi::drift_text(drift, options.live);
  if (!declared.diagnostics.empty()) {
    std::cerr << "note: the data files have " << declared.diagnostics.size()
              << " finding(s); `steward check` lists them\n";
  }
  return drift.items.empty() ? kPassed : kFindings;
}

}  // namespace

void register_drift(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DriftOptions>();
  CLI::App* command =
      app.add_subcommand("drift", "Compare the model in git with an export of the live workspace");
  command->add_option("-C,--dir", options->dir, "The folder of the customer-data repository");
  command->add_option("--rev", options->rev, "Compare the files at this git revision");
  command
      ->add_option("--live", options->live,
                   "The live workspace: a rudder-cli project export folder, or the JSON of "
                   "`steward model` captured from the live system")
      ->required();
  command->add_option("--format", options->format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  command->callback([options, &exit_code] { exit_code = run_drift(*options); });
}

}  // namespace steward::cli
