#include "git/default_base.h"

#include <doctest/doctest.h>

#include "../input_error_of.h"
#include "scratch_repository.h"
#include "source/input_error.h"

using steward::InputError;
using steward::git::default_base;
using steward::git::Environment;
using steward::git::Repository;
using namespace steward::git::testing;
using steward::testing::contains;
using steward::testing::input_error_of;

namespace {

// An origin with history main: root -> m1 -> m2 and feature: root -> f1 (branched at root).
struct Origin {
  ScratchRepository repo;
  std::string root, m2, f1;

  Origin() {
    repo.write("events/a.yaml", "v: root\n");
    root = repo.commit_all("root");
    repo.write("events/a.yaml", "v: m1\n");
    repo.commit_all("m1");
    repo.write("events/a.yaml", "v: m2\n");
    m2 = repo.commit_all("m2");
    repo.git("checkout -q -b feature " + root);
    repo.write("events/b.yaml", "v: f1\n");
    f1 = repo.commit_all("f1");
    repo.git("checkout -q main");
  }
};

}  // namespace

TEST_SUITE("default_base") {
  TEST_CASE("GITHUB_BASE_REF: the merge-base of HEAD and origin/<ref>") {
    Origin origin;
    ScratchRepository clone(origin.repo, "--branch feature");
    Repository repository = Repository::discover(clone.root());
    REQUIRE(repository.try_resolve("main") == std::nullopt);  // only origin/main exists
    Environment env;
    env.github_base_ref = "main";
    CHECK(default_base(repository, env) == origin.root);
  }

  TEST_CASE("GITHUB_BASE_REF: a local branch when there is no remote") {
    Origin origin;
    origin.repo.git("checkout -q feature");
    Repository repository = Repository::discover(origin.repo.root());
    Environment env;
    env.github_base_ref = "main";
    CHECK(default_base(repository, env) == origin.root);
  }

  TEST_CASE("GITHUB_BASE_REF naming a missing branch is an error, not a fallback to main") {
    Origin origin;
    origin.repo.git("checkout -q feature");
    Repository repository = Repository::discover(origin.repo.root());
    Environment env;
    env.github_base_ref = "release";
    auto error = input_error_of([&] { default_base(repository, env); });
    CHECK(contains(error.what(), "release"));
    CHECK(contains(error.what(), "GITHUB_BASE_REF"));
    CHECK(contains(error.fix(), "git fetch origin release"));
  }

  TEST_CASE("GitLab: the diff base sha as it is, else the target branch") {
    Origin origin;
    origin.repo.git("checkout -q feature");
    Repository repository = Repository::discover(origin.repo.root());
    Environment env;
    env.gitlab_diff_base_sha = origin.m2;  // whatever GitLab says, even if not a merge-base
    env.gitlab_target_branch = "main";
    CHECK(default_base(repository, env) == origin.m2);
    env.gitlab_diff_base_sha.clear();
    CHECK(default_base(repository, env) == origin.root);
  }

  TEST_CASE("GITHUB_BASE_REF wins over the GitLab variables") {
    Origin origin;
    origin.repo.git("checkout -q feature");
    Repository repository = Repository::discover(origin.repo.root());
    Environment env;
    env.github_base_ref = "main";
    env.gitlab_diff_base_sha = origin.m2;
    CHECK(default_base(repository, env) == origin.root);
  }

  TEST_CASE("no CI variables: origin/main, then main, then master") {
    Origin origin;
    SUBCASE("origin/main") {
      ScratchRepository clone(origin.repo, "--branch feature");
      CHECK(default_base(Repository::discover(clone.root()), {}) == origin.root);
    }
    SUBCASE("main") {
      origin.repo.git("checkout -q feature");
      CHECK(default_base(Repository::discover(origin.repo.root()), {}) == origin.root);
    }
    SUBCASE("master") {
      origin.repo.git("branch -q -m main master");
      origin.repo.git("checkout -q feature");
      CHECK(default_base(Repository::discover(origin.repo.root()), {}) == origin.root);
    }
    SUBCASE("none of them") {
      origin.repo.git("branch -q -m main trunk");
      auto error =
          input_error_of([&] { default_base(Repository::discover(origin.repo.root()), {}); });
      CHECK(contains(error.what(), "origin/main, main, master"));
      CHECK(contains(error.fix(), "--base"));
    }
  }

  TEST_CASE("a detached HEAD (as CI checks out) still finds its base") {
    Origin origin;
    origin.repo.git("checkout -q --detach feature");
    CHECK(default_base(Repository::discover(origin.repo.root()), {}) == origin.root);
  }

  TEST_CASE("shallow clone without the base branch: the error says how to fetch it") {
    Origin origin;
    ScratchRepository clone(origin.repo, "--depth 1 --branch feature");
    Repository repository = Repository::discover(clone.root());
    CHECK(repository.is_shallow());
    CHECK(repository.resolve("HEAD") == origin.f1);

    Environment env;
    env.github_base_ref = "main";
    auto error = input_error_of([&] { default_base(repository, env); });
    CHECK(contains(error.what(), "main"));
    CHECK(contains(error.fix(), "fetch-depth: 0"));
    CHECK(contains(error.fix(), "git fetch --unshallow"));
    CHECK(contains(error.fix(), "origin main:refs/remotes/origin/main"));

    auto explicit_base = input_error_of([&] { repository.resolve("main"); });
    CHECK(contains(explicit_base.what(), "'main'"));
    CHECK(contains(explicit_base.what(), "shallow"));
    CHECK(contains(explicit_base.fix(), "fetch-depth: 0"));

    // The parent exists in name only: the history stops at the one fetched commit.
    auto parent = input_error_of([&] { repository.read_commit("HEAD~1", "", {}); });
    CHECK(contains(parent.what(), "'HEAD~1'"));
    CHECK(contains(parent.fix(), "--unshallow"));
  }

  TEST_CASE("shallow clone with the base branch but not the merge-base") {
    Origin origin;
    ScratchRepository clone(origin.repo, "--depth 1 --no-single-branch --branch feature");
    Repository repository = Repository::discover(clone.root());
    REQUIRE(repository.is_shallow());
    REQUIRE(repository.try_resolve("origin/main") == origin.m2);
    Environment env;
    env.github_base_ref = "main";
    auto error = input_error_of([&] { default_base(repository, env); });
    CHECK(contains(error.what(), "merge-base"));
    CHECK(contains(error.fix(), "fetch-depth: 0"));
    CHECK(contains(error.fix(), "--unshallow"));

    // After fetching the history the same call succeeds.
    clone.git("fetch -q --unshallow");
    CHECK_FALSE(Repository::discover(clone.root()).is_shallow());
    CHECK(default_base(Repository::discover(clone.root()), env) == origin.root);
  }

  TEST_CASE("a linked worktree of a shallow clone is shallow too") {
    Origin origin;
    ScratchRepository clone(origin.repo, "--depth 1 --branch feature");
    fs::path linked = clone.scratch() / "linked";
    clone.git("worktree add -q --detach " + quoted(linked));
    CHECK(Repository::discover(linked).is_shallow());
  }

  TEST_CASE("Environment::from_process reads the CI variables") {
    ::setenv("GITHUB_BASE_REF", "develop", 1);
    ::unsetenv("CI_MERGE_REQUEST_DIFF_BASE_SHA");
    Environment env = Environment::from_process();
    ::unsetenv("GITHUB_BASE_REF");
    CHECK(env.github_base_ref == "develop");
    CHECK(env.gitlab_diff_base_sha.empty());
  }
}
