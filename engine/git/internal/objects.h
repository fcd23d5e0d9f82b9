#pragma once

// Internal to steward_git: reading objects out of the object database.

#include <git2.h>

#include <optional>
#include <string>

#include "git/snapshot.h"

namespace steward::git::internal {

// 40 hex digits.
std::string oid_hex(const git_oid& oid);

// The content of a blob; `path` names the file in the error when the blob cannot be read (for
// example in a partial clone that did not fetch it).
std::string read_blob(git_repository* repo, const git_oid& oid, const std::string& path);

// Symbolic links are followed this many times at most, so a cycle cannot hang a read.
inline constexpr int kMaxLinkDepth = 8;

// Why a symbolic link was not read (Snapshot::unread), the same in every kind of revision.
inline constexpr const char* kLinkOutside =
    "a symbolic link to a path outside the repository; steward reads only files inside it";
inline constexpr const char* kLinkNowhere = "a symbolic link that leads nowhere";
inline constexpr const char* kLinkLoops = "a symbolic link that loops (or a chain of more than 8)";
inline constexpr const char* kLinkNotFile = "a symbolic link to something that is not a file";

// The file a path of a commit or the index names, after following symbolic links; when there is
// none, `problem` says why (empty: no entry at that path at all).
struct LinkedFile {
  std::optional<SnapshotFile> file;
  std::string problem;
};

}  // namespace steward::git::internal
