#pragma once

// Internal to steward_git: what a Repository holds, shared by the files that implement it.

#include <filesystem>
#include <optional>
#include <string>

#include "git/internal/git_handle.h"
#include "git/repository.h"

namespace steward::git {

struct Repository::Impl {
  internal::RepositoryHandle repo;
  mutable bool objects_verified = false;

  // Guards the reads of loose objects, once, before the first object is read
  // (internal/loose_objects.h).
  void verify_objects() const;

  bool shallow() const;
  // The commit `rev` names, or nullopt when it names nothing. Throws InputError when it names
  // something that is not a commit (a tree, a blob) or the lookup fails for another reason.
  std::optional<internal::CommitHandle> find_commit(const std::string& rev) const;
  // As find_commit, but a missing revision throws InputError naming it.
  internal::CommitHandle commit(const std::string& rev) const;
  // The repository's index, or the one in `index_file` when it is not empty; re-read from disk.
  internal::IndexHandle index(const std::filesystem::path& index_file) const;
};

}  // namespace steward::git
