// `steward cache info` and `steward cache clear`: the persistent cache, seen and emptied.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/persistent_cache.h"
#include "cli/project.h"
#include "source/input_error.h"

namespace steward::cli {

namespace {

struct CacheCommandOptions {
  std::string dir = ".";
  CacheOptions cache;
};

// The store the options name, or InputError saying how to name one.
std::unique_ptr<config::BlobCacheStore> named_store(const CacheCommandOptions& options) {
  Project project = Project::open(options.dir);
  if (auto store = open_cache_store(options.cache, project)) return store;
  throw InputError("no cache folder: '" + options.dir + "' is not in a git repository",
                   "pass --cache-dir DIR or set STEWARD_CACHE_DIR to the folder `steward check` "
                   "uses");
}

int run_info(const CacheCommandOptions& options) {
  auto store = named_store(options);
  config::BlobCacheSummary summary = store->summary();
  std::cout << "cache: " << store->dir().string() << "\n"
            << "entries: " << summary.entries << "\n";
  for (const auto& [kind, count] : summary.kinds)
    std::cout << "  " << kind << ": " << count << "\n";
  std::cout << "bytes: " << summary.bytes << " (limit " << config::BlobCacheStore::kDefaultMaxBytes
            << ")\n"
            << "last run: " << summary.last_run.value_or("not recorded") << "\n";
  return kPassed;
}

int run_clear(const CacheCommandOptions& options) {
  auto store = named_store(options);
  size_t removed = store->clear();
  std::cout << "removed " << removed << (removed == 1 ? " entry" : " entries") << " from "
            << store->dir().string() << "\n";
  return kPassed;
}

void add_location_options(CLI::App& command, CacheCommandOptions& options) {
  command.add_option("-C,--dir", options.dir,
                     "A folder of the repository whose cache to use (default: the current one)");
  command.add_option("--cache-dir", options.cache.dir,
                     "The cache folder (default: STEWARD_CACHE_DIR, else .git/steward-cache)");
}

}  // namespace

void register_cache(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CacheCommandOptions>();
  CLI::App* command = app.add_subcommand("cache", "Show or clear steward's persistent cache");
  command->require_subcommand(1);
  CLI::App* info = command->add_subcommand(
      "info", "Where the cache is, its entries and bytes, and the last run's hits and misses");
  add_location_options(*info, *options);
  info->callback([options, &exit_code] { exit_code = run_info(*options); });
  CLI::App* clear = command->add_subcommand("clear", "Remove every entry of the cache");
  add_location_options(*clear, *options);
  clear->callback([options, &exit_code] { exit_code = run_clear(*options); });
}

}  // namespace steward::cli
