// Repository::read_index and read_staged_file: the staged files, what the next commit will hold.

#include <algorithm>

#include "git/internal/git_error.h"
#include "git/internal/objects.h"
#include "git/internal/repo_paths.h"
#include "git/internal/repository_impl.h"
#include "source/input_error.h"

namespace steward::git {

namespace {

bool intent_to_add(const git_index_entry& entry) {
  // `git add -N` records a path with an empty blob; the next commit does not include it.
  return (entry.flags_extended & GIT_INDEX_ENTRY_INTENT_TO_ADD) != 0;
}

// The staged file at `path`, following symbolic links inside the repository like the commit
// reader does.
internal::LinkedFile staged_file_at(git_repository* repo, git_index* index,
                                    const std::string& path) {
  std::string current = path;
  for (int depth = 0; depth <= internal::kMaxLinkDepth; ++depth) {
    const git_index_entry* entry = git_index_get_bypath(index, current.c_str(), 0);
    if (entry == nullptr || intent_to_add(*entry)) {
      return {std::nullopt, depth == 0 ? "" : internal::kLinkNowhere};
    }
    if (entry->mode == GIT_FILEMODE_COMMIT) return {std::nullopt, internal::kLinkNotFile};
    std::string content = internal::read_blob(repo, entry->id, current);
    if (entry->mode != GIT_FILEMODE_LINK) {
      return {SnapshotFile{path, internal::oid_hex(entry->id), std::move(content)}, ""};
    }
    auto target = internal::link_target_path(current, content);
    if (!target) return {std::nullopt, internal::kLinkOutside};
    current = *target;
  }
  return {std::nullopt, internal::kLinkLoops};
}

}  // namespace

Snapshot Repository::read_index(const std::string& project_dir, const PathFilter& filter,
                                const std::filesystem::path& index_file, Content content) const {
  std::string folder = internal::normalize_repo_path(project_dir);
  internal::IndexHandle index = impl_->index(index_file);
  Snapshot snapshot{"index", "", {}, {}};
  size_t count = git_index_entrycount(index.get());
  for (size_t i = 0; i < count; ++i) {
    const git_index_entry* entry = git_index_get_byindex(index.get(), i);
    if (entry == nullptr) continue;
    auto relative = internal::strip_project_dir(entry->path, folder);
    // The index is flat, so PathFilter::may_contain has nothing to prune; accepts() decides.
    if (!relative || !filter.accepts(*relative)) continue;
    if (git_index_entry_is_conflict(entry)) {
      throw InputError("'" + std::string(entry->path) + "' has unresolved merge conflicts",
                       "resolve the conflict and `git add` the file, then run steward again");
    }
    if (intent_to_add(*entry) || entry->mode == GIT_FILEMODE_COMMIT) continue;
    if (entry->mode == GIT_FILEMODE_LINK) {
      internal::LinkedFile linked = staged_file_at(impl_->repo.get(), index.get(), entry->path);
      if (linked.file) {
        if (content == Content::ids_only) linked.file->content.clear();
        snapshot.files.push_back(std::move(*linked.file));
      } else {
        snapshot.unread.push_back({entry->path, linked.problem});
      }
      continue;
    }
    snapshot.files.push_back({entry->path, internal::oid_hex(entry->id),
                              content == Content::read
                                  ? internal::read_blob(impl_->repo.get(), entry->id, entry->path)
                                  : ""});
  }
  std::sort(snapshot.files.begin(), snapshot.files.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  return snapshot;
}

std::optional<std::string> Repository::read_staged_file(
    const std::string& path, const std::filesystem::path& index_file) const {
  std::string normalized = internal::normalize_repo_path(path);
  if (normalized.empty()) return std::nullopt;
  internal::IndexHandle index = impl_->index(index_file);
  internal::LinkedFile linked = staged_file_at(impl_->repo.get(), index.get(), normalized);
  if (!linked.file) return std::nullopt;
  return std::move(linked.file->content);
}

}  // namespace steward::git
