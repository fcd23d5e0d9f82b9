#include "git/default_base.h"

#include <cstdlib>
#include <optional>
#include <vector>

#include "git/internal/git_error.h"
#include "source/input_error.h"

namespace steward::git {

namespace {

std::string variable(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// The first candidate that names a commit, or nullopt.
std::optional<std::string> first_existing(const Repository& repository,
                                          const std::vector<std::string>& candidates) {
  for (const auto& candidate : candidates) {
    if (repository.try_resolve(candidate)) return candidate;
  }
  return std::nullopt;
}

std::string merge_base_with_branch(const Repository& repository, const std::string& variable_name,
                                   const std::string& branch) {
  auto target = first_existing(repository, {"origin/" + branch, branch});
  if (!target) {
    throw InputError("cannot find the target branch '" + branch + "' named by " + variable_name +
                         " (neither origin/" + branch + " nor " + branch + " exists)",
                     internal::missing_history_fix(repository.is_shallow(), "origin/" + branch) +
                         "; or pass the base with --base REV");
  }
  return repository.merge_base("HEAD", *target);
}

std::string detect_ci_system() {
  if (variable("CI").empty()) return {};
  if (!variable("GITHUB_ACTIONS").empty()) return "GitHub Actions";
  if (!variable("GITLAB_CI").empty()) return "GitLab CI";
  return {};
}

}  // namespace

Environment Environment::from_process() {
  return Environment{variable("GITHUB_BASE_REF"), variable("CI_MERGE_REQUEST_DIFF_BASE_SHA"),
                     variable("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"), variable("GIT_INDEX_FILE"),
                     detect_ci_system()};
}

std::string default_base(const Repository& repository, const Environment& environment) {
  if (!environment.github_base_ref.empty()) {
    return merge_base_with_branch(repository, "GITHUB_BASE_REF", environment.github_base_ref);
  }
  if (!environment.gitlab_diff_base_sha.empty()) {
    return repository.resolve(environment.gitlab_diff_base_sha);
  }
  if (!environment.gitlab_target_branch.empty()) {
    return merge_base_with_branch(repository, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
                                  environment.gitlab_target_branch);
  }
  auto target = first_existing(repository, {"origin/main", "main", "master"});
  if (!target) {
    bool shallow = repository.is_shallow();
    throw InputError(
        "cannot choose a base revision: none of origin/main, main, master exists" +
            std::string(shallow ? " (the repository is a shallow clone)" : ""),
        shallow ? internal::missing_history_fix(true, "origin/main") + "; or pass --base REV"
                : "pass the base with --base REV (a branch, tag or commit)");
  }
  return repository.merge_base("HEAD", *target);
}

}  // namespace steward::git
