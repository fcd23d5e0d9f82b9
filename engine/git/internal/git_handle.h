#pragma once

// Internal to steward_git: owning handles for libgit2 objects. Never include this from a public
// header; libgit2 types stay inside the git stage.

#include <git2.h>

#include <memory>

namespace steward::git::internal {

template <typename T, void (*Free)(T*)>
struct GitFree {
  void operator()(T* object) const { Free(object); }
};

template <typename T, void (*Free)(T*)>
using GitHandle = std::unique_ptr<T, GitFree<T, Free>>;

using RepositoryHandle = GitHandle<git_repository, git_repository_free>;
using ObjectHandle = GitHandle<git_object, git_object_free>;
using CommitHandle = GitHandle<git_commit, git_commit_free>;
using TreeHandle = GitHandle<git_tree, git_tree_free>;
using TreeEntryHandle = GitHandle<git_tree_entry, git_tree_entry_free>;
using BlobHandle = GitHandle<git_blob, git_blob_free>;
using IndexHandle = GitHandle<git_index, git_index_free>;

}  // namespace steward::git::internal
