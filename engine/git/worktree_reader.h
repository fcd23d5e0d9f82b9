#pragma once

#include <filesystem>

#include "git/path_filter.h"
#include "git/snapshot.h"

namespace steward::git {

// Reads the data files under `root` from the file system, as they are now (no git needed).
// Paths in the snapshot are relative to `root`.
//
// Nothing is skipped silently: a symbolic link is read only when its target lies inside
// `boundary` (the repository's work tree; `root` when empty), as the commit reader follows links
// only inside the repository; a link that leaves it, dangles or loops, a data file or folder that
// cannot be opened, and a data file that is not a regular file (a FIFO would block) go to
// `Snapshot::unread`. Links to folders are not followed (git stores them as links, not folders).
// Nested git repositories (submodules) are not read, as a commit holds only their commit id.
Snapshot read_worktree(const std::filesystem::path& root, const PathFilter& filter,
                       const std::filesystem::path& boundary = {});

// git's blob id for `content` ("blob <size>\0<content>" hashed with SHA-1), so that work-tree files
// share parse-cache entries with the identical blobs of a commit.
std::string blob_id_of(std::string_view content);

}  // namespace steward::git
