#pragma once

#include <string>

#include "git/repository.h"

namespace steward::git {

// The process environment that decides which revisions steward reads, passed in explicitly so that
// tests (and callers) need not change the real environment.
struct Environment {
  std::string github_base_ref;       // GITHUB_BASE_REF: the target branch of a pull request
  std::string gitlab_diff_base_sha;  // CI_MERGE_REQUEST_DIFF_BASE_SHA: GitLab's merge-base
  std::string gitlab_target_branch;  // CI_MERGE_REQUEST_TARGET_BRANCH_NAME
  std::string git_index_file;        // GIT_INDEX_FILE: the index a pre-commit hook must read
  // "GitHub Actions" or "GitLab CI" when CI=true and GITHUB_ACTIONS or GITLAB_CI is set; empty
  // outside CI. There, checking head alone needs an explicit --no-base.
  std::string ci_system;

  // The values of those variables in this process (unset reads as empty).
  static Environment from_process();
};

// The base revision `steward check` compares against when --base is not given, as a commit id:
//   GITHUB_BASE_REF                      -> merge-base of HEAD and origin/<ref> (else <ref>)
//   CI_MERGE_REQUEST_DIFF_BASE_SHA       -> that commit, as it is (GitLab computed the merge-base)
//   CI_MERGE_REQUEST_TARGET_BRANCH_NAME  -> merge-base of HEAD and origin/<name> (else <name>)
//   otherwise                            -> merge-base of HEAD and the first of origin/main, main,
//                                           master that exists
// A named target that is missing is an error, never a fallback to another branch, so that CI
// cannot silently compare against the wrong base. Errors are InputErrors that say how to fetch
// the missing history when the clone is shallow.
std::string default_base(const Repository& repository, const Environment& environment);

}  // namespace steward::git
