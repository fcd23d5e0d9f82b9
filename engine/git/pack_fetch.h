#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// Rule packs published in git repositories (`packs: [git+URL@REF#path]` in steward.yaml): a bare
// clone per URL in steward's cache, fetched only when asked, and packs read straight from the
// pinned commit's tree (no checkout). libgit2 recomputes every object's id as it reads it, so the
// files read are the ones the commit id names.
namespace steward::git {

// One file of a pack: its path below the pack's folder ("pii.policy") and its text.
struct PackFile {
  std::string path;
  std::string text;
};

class PackCache {
 public:
  // `folder` holds one bare clone per URL (created when first fetched).
  explicit PackCache(std::filesystem::path folder);

  // Fetches the branches and tags of `url` into its clone and returns the commit `ref` names (a
  // tag, a branch, or a full commit id). Throws InputError when the URL cannot be fetched or the
  // ref names no commit.
  std::string fetch(const std::string& url, const std::string& ref) const;

  // The commit `ref` names in the clone as it is (no fetch), or nullopt when the clone or the ref
  // is missing.
  std::optional<std::string> resolve_cached(const std::string& url, const std::string& ref) const;

  // Whether the clone of `url` holds `commit` (40 hex digits).
  bool has_commit(const std::string& url, const std::string& commit) const;

  // The `.policy` files below `path` ("" for the root) at `commit`, sorted, skipping the folder
  // `tests/` directly below it (fixtures, as in a local pack) and symbolic links. Throws
  // InputError when the commit or the folder is missing, or a file is larger than
  // `max_file_bytes` (checked before it is read).
  std::vector<PackFile> read_pack(const std::string& url, const std::string& commit,
                                  const std::string& path, size_t max_file_bytes) const;

  // The clone's folder for `url`: a digest of the URL, so no URL can name a path.
  std::filesystem::path clone_folder(const std::string& url) const;

 private:
  std::filesystem::path folder_;
};

// Whether `text` is a full commit id (40 hex digits).
bool is_commit_id(const std::string& text);

}  // namespace steward::git
