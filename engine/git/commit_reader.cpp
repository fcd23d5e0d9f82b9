// Repository::read_commit and read_file_at: files of a commit, read from its tree.

#include <algorithm>
#include <exception>

#include "git/internal/git_error.h"
#include "git/internal/objects.h"
#include "git/internal/repo_paths.h"
#include "git/internal/repository_impl.h"
#include "source/input_error.h"

namespace steward::git {

using internal::TreeEntryHandle;
using internal::TreeHandle;

namespace {

TreeHandle tree_of(git_commit* commit) {
  git_tree* raw = nullptr;
  internal::check(git_commit_tree(&raw, commit), "cannot read the tree of a commit");
  return TreeHandle(raw);
}

// The entry at a repository path, or null when there is none.
TreeEntryHandle entry_at(git_tree* root, const std::string& path) {
  git_tree_entry* raw = nullptr;
  int code = git_tree_entry_bypath(&raw, root, path.c_str());
  if (code == GIT_ENOTFOUND) return nullptr;
  internal::check(code, "cannot look up '" + path + "'");
  return TreeEntryHandle(raw);
}

// The content of the file at `path`, following symbolic links inside the repository (a link
// checked out reads as its target, so the work tree and a commit must agree).
internal::LinkedFile file_at(git_repository* repo, git_tree* root, const std::string& path) {
  std::string current = path;
  for (int depth = 0; depth <= internal::kMaxLinkDepth; ++depth) {
    TreeEntryHandle entry = entry_at(root, current);
    if (!entry) return {std::nullopt, depth == 0 ? "" : internal::kLinkNowhere};
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) {
      return {std::nullopt, depth == 0 ? "" : internal::kLinkNotFile};
    }
    const git_oid* oid = git_tree_entry_id(entry.get());
    std::string content = internal::read_blob(repo, *oid, current);
    if (git_tree_entry_filemode(entry.get()) != GIT_FILEMODE_LINK) {
      return {SnapshotFile{path, internal::oid_hex(*oid), std::move(content)}, ""};
    }
    auto target = internal::link_target_path(current, content);
    if (!target) return {std::nullopt, internal::kLinkOutside};
    current = *target;
  }
  return {std::nullopt, internal::kLinkLoops};
}

struct TreeWalk {
  git_repository* repo;
  git_tree* root;
  const std::string& project_dir;
  const PathFilter& filter;
  bool read_content;
  std::vector<SnapshotFile> files;
  std::vector<UnreadPath> unread;
  std::exception_ptr failure;  // exceptions must not unwind through libgit2's C frames
};

// git_tree_walk callback: `folder` is relative to the walked tree and ends with '/' (or is "").
int visit(const char* folder, const git_tree_entry* entry, void* payload) {
  auto& walk = *static_cast<TreeWalk*>(payload);
  try {
    std::string relative = std::string(folder) + git_tree_entry_name(entry);
    switch (git_tree_entry_type(entry)) {
      case GIT_OBJECT_TREE:
        return walk.filter.may_contain(relative) ? 0 : 1;  // 1 skips it
      case GIT_OBJECT_BLOB:
        break;
      default:
        return 0;  // a submodule's commit: its files are not in this repository
    }
    if (!walk.filter.accepts(relative)) return 0;
    std::string path = internal::join_path(walk.project_dir, relative);
    if (git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK) {
      internal::LinkedFile linked = file_at(walk.repo, walk.root, path);
      if (linked.file) {
        if (!walk.read_content) linked.file->content.clear();
        walk.files.push_back(std::move(*linked.file));
      } else {
        walk.unread.push_back({path, linked.problem});
      }
      return 0;
    }
    const git_oid* oid = git_tree_entry_id(entry);
    walk.files.push_back({path, internal::oid_hex(*oid),
                          walk.read_content ? internal::read_blob(walk.repo, *oid, path) : ""});
    return 0;
  } catch (...) {
    walk.failure = std::current_exception();
    return -1;
  }
}

}  // namespace

Snapshot Repository::read_commit(const std::string& rev, const std::string& project_dir,
                                 const PathFilter& filter, Content content) const {
  internal::CommitHandle commit = impl_->commit(rev);
  TreeHandle root = tree_of(commit.get());
  std::string folder = internal::normalize_repo_path(project_dir);
  Snapshot snapshot{rev, internal::oid_hex(*git_commit_id(commit.get())), {}, {}};

  TreeHandle project_tree;
  if (folder.empty()) {
    git_tree* copy = nullptr;
    internal::check(git_tree_dup(&copy, root.get()), "cannot read the tree of '" + rev + "'");
    project_tree.reset(copy);
  } else {
    TreeEntryHandle entry = entry_at(root.get(), folder);
    if (!entry) return snapshot;  // the configuration folder was added after this commit
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) {
      throw InputError("'" + folder + "' is not a folder at revision '" + rev + "'",
                       "run steward from the folder that holds steward.yaml");
    }
    git_object* object = nullptr;
    internal::check(git_tree_entry_to_object(&object, impl_->repo.get(), entry.get()),
                    "cannot read '" + folder + "' at '" + rev + "'");
    project_tree.reset(reinterpret_cast<git_tree*>(object));
  }

  TreeWalk walk{impl_->repo.get(),        root.get(), folder, filter,
                content == Content::read, {},         {},     nullptr};
  int code = git_tree_walk(project_tree.get(), GIT_TREEWALK_PRE, visit, &walk);
  if (walk.failure) std::rethrow_exception(walk.failure);
  internal::check(code, "cannot read the files of '" + rev + "'");
  snapshot.files = std::move(walk.files);
  snapshot.unread = std::move(walk.unread);
  std::sort(snapshot.files.begin(), snapshot.files.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  return snapshot;
}

std::optional<std::string> Repository::read_file_at(const std::string& rev,
                                                    const std::string& path) const {
  internal::CommitHandle commit = impl_->commit(rev);
  TreeHandle root = tree_of(commit.get());
  std::string normalized = internal::normalize_repo_path(path);
  if (normalized.empty()) return std::nullopt;  // the root is a folder, not a file
  internal::LinkedFile linked = file_at(impl_->repo.get(), root.get(), normalized);
  if (!linked.file) return std::nullopt;
  return std::move(linked.file->content);
}

}  // namespace steward::git
