// The first-parent history of a revision, for figures computed at each of the last commits of a
// branch (`steward coverage --history N`).
#include <git2.h>

#include "git/internal/objects.h"
#include "git/internal/repository_impl.h"
#include "git/repository.h"

namespace steward::git {

std::vector<CommitSummary> Repository::first_parent_history(const std::string& rev,
                                                            size_t limit) const {
  std::vector<CommitSummary> history;
  if (limit == 0) return history;
  internal::CommitHandle commit = impl_->commit(rev);
  while (commit) {
    const char* summary = git_commit_summary(commit.get());
    history.push_back({internal::oid_hex(*git_commit_id(commit.get())),
                       static_cast<long long>(git_commit_time(commit.get())),
                       summary == nullptr ? "" : summary});
    if (history.size() >= limit || git_commit_parentcount(commit.get()) == 0) break;
    git_commit* parent = nullptr;
    // A parent that is missing (the cut of a shallow clone) ends the walk: what is there is
    // returned, and the caller says how many commits it found.
    if (git_commit_parent(&parent, commit.get(), 0) < 0) break;
    commit.reset(parent);
  }
  return history;
}

}  // namespace steward::git
