// `steward scorecard [--format markdown|json]`: checklist C1 and the minimum controls before AI
// assistance, graded from the evidence in the repository's work tree.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/project.h"
#include "cli/revision_model.h"
#include "kpi/scorecard.h"
#include "model/snapshot_loader.h"
#include "report/json_text.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

namespace fs = std::filesystem;

// How much of the work tree the scorecard looks at: enough for any real repository, and a bound
// on the time a hostile one can take (docs/kpis.md).
constexpr size_t kMaxListedFiles = 200'000;
constexpr uintmax_t kMaxEvidenceFileBytes = 1 << 20;

struct ScorecardOptions {
  std::string dir = ".";
  std::string format = "markdown";
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every regular file below `root` (its paths relative to it), and the text of the CI, review and
// agent files. Symbolic links are neither followed nor read, so nothing outside `root` is; .git
// is skipped. More than kMaxListedFiles files, or an evidence file over 1 MiB, is exit 2.
kpi::RepositoryFiles list_files(const fs::path& root, const std::string& project_dir) {
  kpi::RepositoryFiles files;
  files.project_dir = project_dir;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    if (entry.is_symlink(ec)) continue;
    if (entry.is_directory(ec)) {
      if (entry.path().filename() == ".git") it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(ec)) continue;
    if (files.paths.size() == kMaxListedFiles) {
      throw InputError("the repository holds more than " + std::to_string(kMaxListedFiles) +
                           " files, the most `steward scorecard` lists",
                       "run it in the repository of the customer-data files (-C DIR)");
    }
    std::string path = entry.path().lexically_relative(root).generic_string();
    if (kpi::text_wanted(project_dir, path)) {
      if (entry.file_size(ec) > kMaxEvidenceFileBytes) {
        throw InputError("'" + path + "' is larger than 1 MiB, the most `steward scorecard` reads",
                         "keep CI and CODEOWNERS files under 1 MiB");
      }
      files.texts[path] = read_text(entry.path());
    }
    files.paths.push_back(std::move(path));
  }
  if (ec)
    throw InputError("cannot list '" + root.string() + "': " + ec.message(),
                     "check its permissions");
  std::sort(files.paths.begin(), files.paths.end());
  return files;
}

int run_scorecard(const ScorecardOptions& options) {
  Project project = Project::open(options.dir);
  auto revision = load_revision_model(project, Revision::work_tree(), false);
  const model::LoadedModel& loaded = revision->loaded;
  kpi::RepositoryFiles files = list_files(project.boundary(), project.prefix());
  std::vector<kpi::ScorecardItem> items = kpi::score(files, loaded.model, revision->config);
  if (options.format == "json")
    std::cout << report::json_text(kpi::scorecard_json(items)) << "\n";
  else
    std::cout << kpi::scorecard_markdown(items);
  if (!loaded.diagnostics.empty()) {
    std::cerr << "note: the data files have " << loaded.diagnostics.size()
              << " finding(s); `steward check` lists them\n";
  }
  return kPassed;
}

}  // namespace

void register_scorecard(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ScorecardOptions>();
  CLI::App* command = app.add_subcommand(
      "scorecard", "Grade checklist C1 and the controls before AI assistance from the repository");
  command->add_option("-C,--dir", options->dir, "The folder of the customer-data repository");
  command->add_option("--format", options->format, "markdown or json")
      ->check(CLI::IsMember({"markdown", "json"}));
  command->callback([options, &exit_code] { exit_code = run_scorecard(*options); });
}

}  // namespace steward::cli
