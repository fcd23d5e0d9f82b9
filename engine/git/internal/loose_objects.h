#pragma once

// Internal to steward_git: loose objects read through zlib, a damaged one refused, before libgit2
// reads any of them.

#include <git2.h>

#include <string>

namespace steward::git::internal {

// Puts a reader of loose objects in front of libgit2's own object backends of `repo`. libgit2 1.5
// spins forever inflating a truncated loose object (libgit2 issue 7342); this reader inflates each
// loose object that steward reads, once, with a bound on its output, and hands libgit2 the
// content. A loose object whose zlib stream is damaged or cut short, or whose size differs from
// its header, fails the read with "the git object ID is damaged: ..." in libgit2's error message,
// which steward's error for that read carries. Only objects read are checked (an earlier version
// inflated every loose object of the repository on every run). Packed objects pass through to
// libgit2 (packs carry checksums).
void guard_loose_objects(git_repository* repo);

// What to do about a damaged loose object: the fix of every error that names one.
inline constexpr const char* kDamagedObjectFix =
    "restore the object: fetch it again from another clone, or run `git fsck` to see what it "
    "belongs to";

// Throws InputError naming the object when the commit `rev` names through a ref (or a full commit
// id) is a damaged loose object. libgit2 1.5's revparse loses the guard's message and leaks when
// that first read fails, so revisions are checked this way first; nothing else is read.
void check_revision_object(git_repository* repo, const std::string& rev);

// The guard's message for the last damaged object it refused on this thread, once; "" when none.
// libgit2 may replace its own error message on the way out, so steward's errors ask for this first.
std::string take_damage_message();

}  // namespace steward::git::internal
