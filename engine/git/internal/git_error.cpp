#include "git/internal/git_error.h"

#include <git2.h>

#include <string_view>

#include "git/internal/loose_objects.h"
#include "source/input_error.h"

namespace steward::git::internal {

namespace {

bool is_hex(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

// The branch a revision names ("origin/main" -> "main"), or "" for HEAD, commit ids and
// expressions such as HEAD~1 that no fetch of a branch can supply.
std::string branch_of(std::string_view rev) {
  if (rev.empty() || rev == "HEAD" || rev.find_first_of("~^:@{ ") != std::string_view::npos ||
      (is_hex(rev) && rev.size() >= 7)) {
    return {};
  }
  for (std::string_view prefix : {"refs/remotes/origin/", "refs/heads/", "origin/"}) {
    if (rev.starts_with(prefix)) return std::string(rev.substr(prefix.size()));
  }
  return std::string(rev);
}

}  // namespace

void ensure_libgit2() {
  // libgit2 needs one init before any call; it is never shut down because Repository objects may
  // live until exit.
  static const int initialised = [] {
    const int count = git_libgit2_init();
    // libgit2 hashes every object it reads again, with the collision-detecting SHA-1, to compare
    // with its id: 4% of a cold check's processor time, for 20,000 files. Git itself does not on
    // reading. What it would catch is caught anyway: a loose object's content is inflated by the
    // guard (loose_objects.h), whose zlib stream carries a checksum of that content, and its size
    // is checked against its header; packs carry checksums of their own.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    return count;
  }();
  (void)initialised;
}

std::string last_git_message() {
  // The loose-object guard's own message: libgit2 may have replaced or cleared its copy.
  if (std::string damage = take_damage_message(); !damage.empty()) return damage;
  const git_error* error = git_error_last();
  return error != nullptr && error->message != nullptr ? error->message : "unknown libgit2 error";
}

std::string missing_history_fix(bool shallow, const std::string& rev) {
  // An explicit destination, because a single-branch clone (what CI makes) would otherwise fetch
  // the branch into FETCH_HEAD only, and origin/<branch> would still not exist.
  std::string branch = branch_of(rev);
  std::string refspec =
      branch.empty() ? "" : " origin " + branch + ":refs/remotes/origin/" + branch;
  if (shallow) {
    return "fetch the full history: in GitHub Actions set `fetch-depth: 0` on actions/checkout, "
           "in GitLab CI set `GIT_DEPTH: 0`; locally run `git fetch --unshallow" +
           refspec + "`";
  }
  std::string fix = "check the revision (`git rev-parse " + (rev.empty() ? "<rev>" : rev) +
                    "` must print a commit)";
  if (!branch.empty()) fix += ", or fetch it with `git fetch" + refspec + "`";
  if (is_hex(rev) && rev.size() >= 7) fix += ", or fetch it with `git fetch origin " + rev + "`";
  return fix;
}

bool no_merge_base(int code) {
  const git_error* error = git_error_last();
  return code == GIT_ENOTFOUND && error != nullptr && error->klass == GIT_ERROR_MERGE;
}

void check(int code, const std::string& what) {
  if (code >= 0) return;
  throw InputError(what + ": " + last_git_message(),
                   "check that git can read the repository (`git status`, `git fsck`)");
}

}  // namespace steward::git::internal
