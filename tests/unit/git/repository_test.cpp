#include "git/repository.h"

#include <doctest/doctest.h>

#include "../input_error_of.h"
#include "scratch_repository.h"
#include "source/input_error.h"

using steward::InputError;
using steward::git::Repository;
using namespace steward::git::testing;
using steward::testing::contains;
using steward::testing::input_error_of;

TEST_SUITE("repository") {
  TEST_CASE("discover finds the repository from a folder inside it") {
    ScratchRepository scratch;
    scratch.write("data/events/a.yaml", "kind: event\n");
    scratch.commit_all("one");
    Repository repository = Repository::discover(scratch.root() / "data" / "events");
    CHECK(repository.workdir() == scratch.root());
    CHECK(repository.relative_to_workdir(scratch.root() / "data") == "data");
    CHECK(repository.relative_to_workdir(scratch.root() / "data" / "events/") == "data/events");
    CHECK(repository.relative_to_workdir(scratch.root()) == "");
    CHECK_FALSE(repository.is_shallow());
    auto found = Repository::try_discover(scratch.root());
    REQUIRE(found.has_value());
    CHECK(found->workdir() == scratch.root());
    auto error = input_error_of([&] { repository.relative_to_workdir(scratch.scratch()); });
    CHECK(contains(error.what(), "outside the work tree"));
  }

  TEST_CASE("outside any repository: an error that says what to do") {
    TempFolder folder;
    auto error = input_error_of([&] { Repository::discover(folder.path()); });
    CHECK(contains(error.what(), "not inside a git repository"));
    CHECK(contains(error.fix(), "inside a git repository"));
    CHECK(contains(error.fix(), "work tree"));
    CHECK_FALSE(Repository::try_discover(folder.path()).has_value());
  }

  TEST_CASE("resolve: sha, short sha, branch, tag, HEAD~1") {
    ScratchRepository scratch;
    scratch.write("a.yaml", "v: 1\n");
    std::string first = scratch.commit_all("one");
    scratch.git("tag -a v1 -m release");  // an annotated tag peels to its commit
    scratch.write("a.yaml", "v: 2\n");
    std::string second = scratch.commit_all("two");
    Repository repository = Repository::discover(scratch.root());
    CHECK(repository.resolve("HEAD") == second);
    CHECK(repository.resolve("main") == second);
    CHECK(repository.resolve("HEAD~1") == first);
    CHECK(repository.resolve("v1") == first);
    CHECK(repository.resolve(first) == first);
    CHECK(repository.resolve(first.substr(0, 8)) == first);
    CHECK(repository.try_resolve("no-such-branch") == std::nullopt);
    CHECK(repository.try_resolve("main") == second);
  }

  TEST_CASE("a revision that cannot be resolved is an error naming it") {
    ScratchRepository scratch;
    scratch.write("a.yaml", "v: 1\n");
    scratch.commit_all("one");
    Repository repository = Repository::discover(scratch.root());
    for (std::string rev : {"no-such-branch", "HEAD~7", "origin/main", "0123456789abcdef"}) {
      CAPTURE(rev);
      auto error = input_error_of([&] { repository.resolve(rev); });
      CHECK(contains(error.what(), "'" + rev + "'"));
      CHECK_FALSE(error.fix().empty());
    }
    auto missing = input_error_of([&] { repository.resolve("origin/release"); });
    CHECK(contains(missing.fix(), "git fetch origin release:refs/remotes/origin/release"));
    CHECK(contains(input_error_of([&] { repository.resolve("abc"); }).what(),
                   "cannot resolve revision 'abc'"));
    CHECK(contains(input_error_of([&] { repository.resolve("main..HEAD"); }).what(),
                   "not a valid revision"));
    auto error = input_error_of([&] { repository.resolve("HEAD:a.yaml"); });
    CHECK(contains(error.what(), "does not name a commit"));
    CHECK(
        contains(input_error_of([&] { repository.read_commit("nope", "", {}); }).what(), "'nope'"));
    CHECK(contains(input_error_of([&] { repository.read_file_at("nope", "a.yaml"); }).what(),
                   "'nope'"));
  }

  TEST_CASE("a repository with no commits says so") {
    ScratchRepository scratch;
    Repository repository = Repository::discover(scratch.root());
    auto error = input_error_of([&] { repository.resolve("HEAD"); });
    CHECK(contains(error.what(), "no commits yet"));
  }

  TEST_CASE("merge-base of two branches, and after they are merged") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "v: 1\n");
    std::string fork = scratch.commit_all("fork point");
    scratch.git("checkout -q -b feature");
    scratch.write("events/b.yaml", "v: 1\n");
    std::string feature = scratch.commit_all("feature");
    scratch.git("checkout -q main");
    scratch.write("events/c.yaml", "v: 1\n");
    scratch.commit_all("main moves on");
    Repository repository = Repository::discover(scratch.root());
    CHECK(repository.merge_base("main", "feature") == fork);
    CHECK(repository.merge_base("feature", "main") == fork);

    scratch.git("merge -q --no-ff --no-edit feature");
    CHECK(repository.merge_base("HEAD", "feature") == feature);
    auto merged = repository.read_commit("HEAD", "", {});
    CHECK(paths_of(merged) ==
          std::vector<std::string>{"events/a.yaml", "events/b.yaml", "events/c.yaml"});
  }

  TEST_CASE("unrelated histories have no merge-base") {
    ScratchRepository scratch;
    scratch.write("a.yaml", "v: 1\n");
    scratch.commit_all("one");
    scratch.git("checkout -q --orphan other");
    scratch.write("b.yaml", "v: 1\n");
    scratch.commit_all("unrelated");
    Repository repository = Repository::discover(scratch.root());
    auto error = input_error_of([&] { repository.merge_base("main", "other"); });
    CHECK(contains(error.what(), "no common history"));
    CHECK(contains(error.fix(), "--base"));
  }

  TEST_CASE("detached HEAD") {
    ScratchRepository scratch;
    scratch.write("a.yaml", "v: 1\n");
    std::string first = scratch.commit_all("one");
    scratch.write("a.yaml", "v: 2\n");
    scratch.commit_all("two");
    scratch.git("checkout -q --detach HEAD~1");
    Repository repository = Repository::discover(scratch.root());
    CHECK(repository.resolve("HEAD") == first);
    CHECK(repository.read_file_at("HEAD", "a.yaml") == "v: 1\n");
    CHECK(repository.merge_base("HEAD", "main") == first);
  }

  TEST_CASE("a linked worktree reads its own HEAD and index") {
    ScratchRepository scratch;
    scratch.write("a.yaml", "v: 1\n");
    std::string first = scratch.commit_all("one");
    fs::path linked = scratch.scratch() / "linked";
    scratch.git("worktree add -q -b other " + quoted(linked));
    write_file(linked, "a.yaml", "v: linked\n");
    shell("git -C " + quoted(linked) + " add a.yaml");
    scratch.write("a.yaml", "v: 2\n");
    std::string second = scratch.commit_all("two");

    Repository repository = Repository::discover(linked);
    CHECK(repository.workdir() == linked);
    CHECK(repository.resolve("HEAD") == first);
    CHECK(repository.resolve("main") == second);
    CHECK(repository.read_staged_file("a.yaml") == "v: linked\n");
    CHECK(repository.merge_base("HEAD", "main") == first);
  }

  TEST_CASE("read_file_at reads one file at a revision") {
    ScratchRepository scratch;
    scratch.write("config/steward.yaml", "paths: [events]\n");
    scratch.commit_all("one");
    scratch.write("config/steward.yaml", "paths: [events, destinations]\n");
    scratch.commit_all("two");
    Repository repository = Repository::discover(scratch.root());
    CHECK(repository.read_file_at("HEAD~1", "config/steward.yaml") == "paths: [events]\n");
    CHECK(repository.read_file_at("HEAD", "./config/steward.yaml") ==
          "paths: [events, destinations]\n");
    CHECK(repository.read_file_at("HEAD", "steward.yaml") == std::nullopt);
    CHECK(repository.read_file_at("HEAD", "config") == std::nullopt);  // a folder
    CHECK(repository.read_file_at("HEAD", "") == std::nullopt);
  }
}
