#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "cli/persistent_cache.h"
#include "cli/project.h"
#include "config/parse_cache.h"
#include "git/snapshot.h"
#include "model/snapshot_loader.h"

namespace steward::cli {

// Which revisions a command compares: the options `check` and `diff` share.
struct RevisionOptions {
  std::string dir = ".";
  std::string base;  // empty: the default base (CI target branch or main), when in git
  bool no_base = false;
  std::string head;  // empty: the work tree
  bool staged = false;
  CacheOptions cache;  // where parses (and base findings) are kept between runs
};

// Head's and (when there is one) base's files as read, before any is parsed: enough to key what
// a check decided (cli/check_outcome_cache.h) and to load the models when that is not cached.
struct ComparisonFiles {
  config::StewardConfig config;
  // Files of commits and of the index are listed with their blob ids only; load_comparison reads
  // their content (the work tree's is read at once: its blob ids are computed from it).
  git::Snapshot head;
  std::optional<git::Snapshot> base;
  bool head_content_read = true;
  bool base_content_read = true;
  std::unique_ptr<Project> project;
  std::string base_commit;            // the resolved base commit id, when there is a base
  std::filesystem::path project_dir;  // the folder of steward.yaml: local packs are relative to it
  std::filesystem::path boundary;     // the repository's work tree: local packs must be inside
  std::filesystem::path pack_clones;  // steward's clones of git packs (pack_clone_folder)
  std::unique_ptr<config::BlobCacheStore> store;  // null: no persistent cache
};

// Head and (when there is one) base, loaded through one parse cache, so that every blob the two
// share is parsed once. Base is read with head's steward.yaml: a finding is new only because the
// data changed, not because the configuration did.
struct Comparison {
  config::StewardConfig config;
  model::LoadedModel head;
  std::optional<model::LoadedModel> base;
  std::string base_commit;            // the resolved base commit id, when there is a base
  std::filesystem::path project_dir;  // the folder of steward.yaml: local packs are relative to it
  std::filesystem::path boundary;     // the repository's work tree: local packs must be inside
  std::filesystem::path pack_clones;  // steward's clones of git packs (pack_clone_folder)
  std::unique_ptr<config::BlobCacheStore> store;  // null: no persistent cache
  config::ParseCache cache;                       // declared after the store it uses
};

// Throws InputError when a revision cannot be read (with the fix: fetch the history, ...).
// `require_base`: a missing default base is an error instead of a note (steward diff).
ComparisonFiles read_comparison(const RevisionOptions& options, bool require_base);
// Parses the files (their text moves into the models) and builds head's and base's models.
std::unique_ptr<Comparison> load_comparison(ComparisonFiles files);
// Both of the above.
std::unique_ptr<Comparison> load_comparison(const RevisionOptions& options, bool require_base);

}  // namespace steward::cli
