#pragma once

// Internal to steward_git: a check of the loose objects before libgit2 reads any of them.

#include <git2.h>

namespace steward::git::internal {

// Throws InputError naming the first loose object whose zlib stream is damaged or cut short, or
// whose size differs from its header. libgit2 1.5 spins forever inflating a truncated loose
// object (libgit2 issue 7342), so steward checks every loose object once, with zlib, before
// handing any of them to libgit2. Packed objects are not affected (packs carry checksums).
void verify_loose_objects(git_repository* repo);

}  // namespace steward::git::internal
