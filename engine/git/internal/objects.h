#pragma once

// Internal to steward_git: reading objects out of the object database.

#include <git2.h>

#include <string>

namespace steward::git::internal {

// 40 hex digits.
std::string oid_hex(const git_oid& oid);

// The content of a blob; `path` names the file in the error when the blob cannot be read (for
// example in a partial clone that did not fetch it).
std::string read_blob(git_repository* repo, const git_oid& oid, const std::string& path);

// Symbolic links are followed this many times at most, so a cycle cannot hang a read.
inline constexpr int kMaxLinkDepth = 8;

}  // namespace steward::git::internal
