#pragma once

#include <filesystem>

#include "git/path_filter.h"
#include "git/snapshot.h"

namespace steward::git {

// Reads the data files under `root` from the file system, as they are now (no git needed).
// Paths in the snapshot are relative to `root`. Unreadable files throw ReadError.
Snapshot read_worktree(const std::filesystem::path& root, const PathFilter& filter);

// git's blob id for `content` ("blob <size>\0<content>" hashed with SHA-1), so that work-tree files
// share parse-cache entries with the identical blobs of a commit.
std::string blob_id_of(std::string_view content);

}  // namespace steward::git
