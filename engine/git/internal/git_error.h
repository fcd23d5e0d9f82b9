#pragma once

// Internal to steward_git: turning libgit2 failures into InputErrors that say how to fix them.

#include <string>

namespace steward::git::internal {

// Initialises libgit2 once per process; every entry point of the stage calls it first.
void ensure_libgit2();

// libgit2's message for the last failure on this thread, or a generic one.
std::string last_git_message();

// The fix for a revision or history that is missing: in a shallow clone it says how to fetch the
// history; otherwise how to fetch or spell the revision. `rev` may be empty.
std::string missing_history_fix(bool shallow, const std::string& rev);

// Whether the last failure was libgit2 finding no common ancestor. GIT_ENOTFOUND alone does not
// say so: libgit2's object lookups report a missing object with it too (class GIT_ERROR_ODB);
// only "no merge base found" has class GIT_ERROR_MERGE. (libgit2 1.5's merge-base walk returns -1
// for a missing commit, which was an error already; the class check keeps it one whatever code
// a version returns.)
bool no_merge_base(int code);

// Throws InputError("<what>: <libgit2 message>") when `code` is a failure (< 0).
void check(int code, const std::string& what);

}  // namespace steward::git::internal
