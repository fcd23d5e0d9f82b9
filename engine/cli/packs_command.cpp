// `steward packs fetch`: fetches the git packs steward.yaml names into steward's cache and pins
// the commits their refs name in steward.lock, so that `steward check --offline` needs no network
// and a moved tag is caught.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/pack_loading.h"
#include "cli/pack_lock.h"
#include "cli/persistent_cache.h"
#include "cli/project.h"
#include "config/steward_config.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

struct PacksFetchOptions {
  std::string dir = ".";
  bool update = false;
  CacheOptions cache;
};

int run_packs_fetch(const PacksFetchOptions& options) {
  Project project = Project::open(options.dir);
  config::StewardConfig config = project.read_config(Revision::work_tree());
  GitPackOptions git{pack_clone_folder(options.cache, project), false};
  const PackLock old = read_pack_lock(project.dir());
  PackLock lock;
  std::vector<std::string> lines;
  for (const auto& spec : config.packs) {
    if (!config::parse_git_pack(spec)) continue;
    std::string commit = fetch_git_pack(spec, git);
    std::optional<std::string> locked = old.commit_of(spec);
    if (locked && *locked != commit && !options.update) {
      throw InputError("the pack '" + spec + "' now names commit " + commit +
                           ", but steward.lock pins " + *locked + ": its ref moved",
                       "review what changed in the pack, then run `steward packs fetch --update` "
                       "to pin the new commit");
    }
    lock.set(spec, commit);
    lines.push_back(commit + " " + spec +
                    (locked && *locked != commit ? " (was " + *locked + ")" : ""));
  }
  if (lock.packs.empty() && old.packs.empty()) {
    std::cout << "steward.yaml names no git pack (git+URL@REF#path): nothing to fetch\n";
    return kPassed;
  }
  write_pack_lock(project.dir(), lock);
  // Every pack must load and check at its pinned commit before anyone relies on the lock.
  for (const auto& p : lock.packs)
    load_checked_pack(p.spec, project.dir(), project.boundary(), git);
  for (const auto& line : lines)
    std::cout << line << "\n";
  std::cout << "steward.lock pins " << lock.packs.size() << " git pack"
            << (lock.packs.size() == 1 ? "" : "s") << "\n";
  return kPassed;
}

}  // namespace

void register_packs(CLI::App& app, int& exit_code) {
  CLI::App* packs = app.add_subcommand("packs", "Manage rule packs kept in git repositories");
  packs->require_subcommand(1);
  auto options = std::make_shared<PacksFetchOptions>();
  CLI::App* fetch = packs->add_subcommand(
      "fetch", "Fetch the git packs of steward.yaml and pin their commits in steward.lock");
  fetch->add_option("-C,--dir", options->dir, "The folder of the customer-data repository");
  fetch->add_flag("--update", options->update,
                  "Accept refs that now name another commit than steward.lock pins");
  fetch->add_option("--cache-dir", options->cache.dir,
                    "Keep the clones under this folder (default: STEWARD_CACHE_DIR, else "
                    ".git/steward-cache)");
  fetch->callback([options, &exit_code] { exit_code = run_packs_fetch(*options); });
}

}  // namespace steward::cli
