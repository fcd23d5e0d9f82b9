#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "git/path_filter.h"
#include "git/snapshot.h"

namespace steward::git {

// One commit of a history walk: its id, its committer time and the first line of its message.
struct CommitSummary {
  std::string id;      // 40 hex digits
  long long time = 0;  // committer time, seconds since 1970 (UTC)
  std::string subject;
};

// A git repository read straight from its object database: any revision can be read without a
// checkout, so base and head can be compared in one process. Failures throw InputError naming the
// revision and saying how to fix it (a shallow clone says how to fetch the history).
//
// `project_dir` is the folder of the repository that holds steward.yaml, relative to the
// repository root ("" for the root itself). Snapshot paths stay relative to the repository root,
// because reports print repository-relative paths; the PathFilter sees paths relative to
// `project_dir`, because steward.yaml's `paths` and `exclude` are written relative to it.
//
// One Repository must not be used by two threads at once (libgit2 objects are not shared safely);
// the snapshots it returns are plain data and may be.
class Repository {
 public:
  // The repository enclosing `start` (a folder inside its work tree, or the repository itself).
  // Works in linked worktrees and with a detached HEAD. Throws InputError when there is none.
  static Repository discover(const std::filesystem::path& start);
  // Like discover, but nullopt when `start` is in no repository at all. A repository that exists
  // but cannot be opened (owned by another user, corrupt) still throws, so that it is not mistaken
  // for "no git here".
  static std::optional<Repository> try_discover(const std::filesystem::path& start);

  Repository(Repository&&) noexcept;
  Repository& operator=(Repository&&) noexcept;
  ~Repository();

  // The root of the work tree (for a linked worktree: that worktree's root); empty for a bare
  // repository.
  std::filesystem::path workdir() const;
  // The git folder shared by every worktree of the repository (`.git` of the main worktree, or
  // the bare repository itself): where steward keeps its cache.
  std::filesystem::path common_dir() const;

  // `path` relative to the work-tree root, '/'-separated ("" for the root). Symbolic links are
  // resolved on both sides first, so /tmp vs /private/tmp style aliases do not matter. Throws
  // InputError when `path` is outside the work tree.
  std::string relative_to_workdir(const std::filesystem::path& path) const;

  // The full commit id (40 hex digits) of any rev-parse spec: a sha (full or short), a branch, a
  // tag, HEAD~1, origin/main. Throws InputError when it cannot be resolved to a commit.
  std::string resolve(const std::string& rev) const;
  // Like resolve, but nullopt when the revision does not exist.
  std::optional<std::string> try_resolve(const std::string& rev) const;

  // The best common ancestor of two revisions, as a commit id. Throws InputError when there is
  // none (in a shallow clone: with how to fetch the missing history).
  std::string merge_base(const std::string& a, const std::string& b) const;
  // Like merge_base, but nullopt when the two have no common history. Every other failure (a
  // corrupt object, a shallow clone that lacks the history) still throws, so that it is never
  // taken for "no merge-base".
  std::optional<std::string> try_merge_base(const std::string& a, const std::string& b) const;

  // `rev` and its first-parent ancestors, newest first, at most `limit` of them (the line of a
  // main branch, one commit per merged pull request). In a shallow clone the walk stops where the
  // history is cut off, so fewer may come back. Throws InputError when `rev` cannot be resolved.
  std::vector<CommitSummary> first_parent_history(const std::string& rev, size_t limit) const;

  // Whether the repository is a shallow clone (history cut off, so an old base may be missing).
  bool is_shallow() const;

  // The data files at a commit. `label` is set to `rev` and `revision` to the commit id; callers
  // rename the label ("base", "head"). A `project_dir` that does not exist at that commit yields
  // an empty snapshot (the configuration was added later); one that is a file throws.
  // Content::ids_only lists the files with their blob ids and leaves their content empty (enough
  // to key a cache); read_contents reads it later.
  enum class Content { read, ids_only };
  Snapshot read_commit(const std::string& rev, const std::string& project_dir,
                       const PathFilter& filter, Content content = Content::read) const;

  // The staged data files (what the next commit will hold), for a pre-commit hook. `index_file`
  // overrides the repository's index: pass $GIT_INDEX_FILE, which git sets for hooks (with
  // `git commit -a` the staged content is only in that file). Entries marked intent-to-add are not
  // staged content and are skipped; an accepted file with unresolved conflicts throws.
  Snapshot read_index(const std::string& project_dir, const PathFilter& filter,
                      const std::filesystem::path& index_file = {},
                      Content content = Content::read) const;

  // Reads the content of every file of a snapshot listed with Content::ids_only, by its blob id.
  // Throws InputError, as the reads above do, for a blob that is missing or damaged. A file that
  // `read_already` holds at the same path with the same blob id is left unread: a loader given both
  // snapshots parses such a file once, from `read_already` (model::load_snapshots does), so
  // reading it twice would only cost time and the memory of a second copy.
  void read_contents(Snapshot& snapshot, const Snapshot* read_already = nullptr) const;

  // The content of one file at a revision (`path` relative to the repository root), or nullopt when
  // the revision has no such file. Throws InputError when `rev` cannot be resolved.
  std::optional<std::string> read_file_at(const std::string& rev, const std::string& path) const;
  // The staged content of one file, or nullopt when the index has none (`index_file` as above).
  std::optional<std::string> read_staged_file(const std::string& path,
                                              const std::filesystem::path& index_file = {}) const;

 private:
  // Defined in internal/repository_impl.h, so that the readers of each kind of revision can live in
  // their own files.
  struct Impl;

  explicit Repository(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace steward::git
