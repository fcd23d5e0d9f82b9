#include <doctest/doctest.h>

#include "git/repository.h"
#include "git/worktree_reader.h"
#include "scratch_repository.h"
#include "source/input_error.h"

using steward::InputError;
using steward::git::blob_id_of;
using steward::git::PathFilter;
using steward::git::read_worktree;
using steward::git::Repository;
using namespace steward::git::testing;

TEST_SUITE("commit_reader") {
  TEST_CASE("a commit is read from the object database, not from the work tree") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "name: a\n");
    scratch.write("events/b.yaml", "name: b\n");
    scratch.write("README.md", "not data\n");
    scratch.write(".github/workflows/ci.yml", "on: push\n");
    scratch.write("steward.yaml", "paths: []\n");
    std::string head = scratch.commit_all("one");
    scratch.write("events/a.yaml", "name: a2\n");  // uncommitted edit
    scratch.write("events/c.yaml", "name: c\n");   // untracked file

    Repository repository = Repository::discover(scratch.root());
    auto commit = repository.read_commit("HEAD", "", PathFilter{});
    CHECK(commit.label == "HEAD");
    CHECK(commit.revision == head);
    REQUIRE(paths_of(commit) == std::vector<std::string>{"events/a.yaml", "events/b.yaml"});
    CHECK(file_in(commit, "events/a.yaml")->content == "name: a\n");

    auto worktree = read_worktree(scratch.root(), PathFilter{});
    CHECK(paths_of(worktree) ==
          std::vector<std::string>{"events/a.yaml", "events/b.yaml", "events/c.yaml"});
    CHECK(file_in(worktree, "events/a.yaml")->content == "name: a2\n");
  }

  TEST_CASE("blob ids are git's: equal for identical content in a commit and the work tree") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "name: a\nproperties: {}\n");
    scratch.write("events/b.yaml", "name: b\n");
    scratch.commit_all("one");
    scratch.write("events/b.yaml", "name: b changed\n");

    Repository repository = Repository::discover(scratch.root());
    auto commit = repository.read_commit("HEAD", "", {});
    auto worktree = read_worktree(scratch.root(), {});
    CHECK(file_in(commit, "events/a.yaml")->blob_id == file_in(worktree, "events/a.yaml")->blob_id);
    CHECK(file_in(commit, "events/a.yaml")->blob_id == scratch.git("rev-parse HEAD:events/a.yaml"));
    CHECK(file_in(commit, "events/b.yaml")->blob_id != file_in(worktree, "events/b.yaml")->blob_id);
    CHECK(blob_id_of("name: b changed\n") == file_in(worktree, "events/b.yaml")->blob_id);
  }

  TEST_CASE("renamed and deleted files") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "name: a\n");
    scratch.write("events/b.yaml", "name: b\n");
    scratch.commit_all("one");
    scratch.git("mv events/a.yaml events/renamed.yaml");
    scratch.git("rm -q events/b.yaml");
    scratch.git("commit -q -m two");

    Repository repository = Repository::discover(scratch.root());
    auto base = repository.read_commit("HEAD~1", "", {});
    auto head = repository.read_commit("HEAD", "", {});
    CHECK(paths_of(base) == std::vector<std::string>{"events/a.yaml", "events/b.yaml"});
    REQUIRE(paths_of(head) == std::vector<std::string>{"events/renamed.yaml"});
    // The same blob under a new name: the parse cache can reuse it.
    CHECK(file_in(head, "events/renamed.yaml")->blob_id == file_in(base, "events/a.yaml")->blob_id);
  }

  TEST_CASE("a configuration folder inside a larger repository") {
    ScratchRepository scratch;
    scratch.write("app/src/config.json", "{}\n");
    scratch.write("data/steward.yaml", "paths: [events]\n");
    scratch.write("data/events/a.yaml", "name: a\n");
    scratch.write("data/events/.draft.yaml", "name: draft\n");
    scratch.write("data/.cache/x.yaml", "x: 1\n");
    scratch.write("data/destinations/google.yaml", "name: google\n");
    scratch.write("data-other/z.yaml", "z: 1\n");  // shares a prefix, is not inside data/
    scratch.commit_all("one");

    Repository repository = Repository::discover(scratch.root() / "data");
    std::string project = repository.relative_to_workdir(scratch.root() / "data");
    REQUIRE(project == "data");

    SUBCASE("the default filter: paths stay repository-relative") {
      auto snapshot = repository.read_commit("HEAD", project, {});
      CHECK(paths_of(snapshot) ==
            std::vector<std::string>{"data/destinations/google.yaml", "data/events/a.yaml"});
    }
    SUBCASE("steward.yaml paths are relative to the project folder") {
      auto snapshot = repository.read_commit("HEAD", project, PathFilter({"events"}, {}));
      // Named paths are read whole, dot-files included.
      CHECK(paths_of(snapshot) ==
            std::vector<std::string>{"data/events/.draft.yaml", "data/events/a.yaml"});
    }
    SUBCASE("the whole repository from the root") {
      auto snapshot = repository.read_commit("HEAD", "", {});
      CHECK(paths_of(snapshot) ==
            std::vector<std::string>{"app/src/config.json", "data-other/z.yaml",
                                     "data/destinations/google.yaml", "data/events/a.yaml",
                                     "data/steward.yaml"});
    }
    SUBCASE("spellings of the project folder") {
      CHECK(repository.read_commit("HEAD", "./data/", {}).files.size() == 2);
    }
  }

  TEST_CASE("a project folder missing at an older commit reads as empty; a file is an error") {
    ScratchRepository scratch;
    scratch.write("README.md", "hello\n");
    scratch.write("notes", "a file\n");
    scratch.commit_all("before steward");
    scratch.write("data/events/a.yaml", "name: a\n");
    scratch.commit_all("adopt steward");

    Repository repository = Repository::discover(scratch.root());
    CHECK(repository.read_commit("HEAD~1", "data", {}).files.empty());
    CHECK(repository.read_commit("HEAD", "data", {}).files.size() == 1);
    CHECK_THROWS_AS(repository.read_commit("HEAD", "notes", {}), InputError);
    CHECK_THROWS_AS(repository.read_commit("HEAD", "../outside", {}), InputError);
  }

  TEST_CASE("symbolic links read as their target, as they do in the work tree") {
    ScratchRepository scratch;
    scratch.write("shared/base.yaml", "name: shared\n");
    fs::create_directories(scratch.root() / "events");
    fs::create_symlink("../shared/base.yaml", scratch.root() / "events/linked.yaml");
    fs::create_symlink("/etc/hostname", scratch.root() / "events/outside.yaml");
    fs::create_symlink("missing.yaml", scratch.root() / "events/dangling.yaml");
    scratch.commit_all("links");

    Repository repository = Repository::discover(scratch.root());
    auto commit = repository.read_commit("HEAD", "", {});
    CHECK(paths_of(commit) == std::vector<std::string>{"events/linked.yaml", "shared/base.yaml"});
    const auto* linked = file_in(commit, "events/linked.yaml");
    REQUIRE(linked != nullptr);
    CHECK(linked->content == "name: shared\n");
    CHECK(linked->blob_id == file_in(commit, "shared/base.yaml")->blob_id);
    CHECK(commit.unread.size() == 2);  // outside.yaml and dangling.yaml: findings, not gaps
    auto worktree = read_worktree(scratch.root(), {});
    CHECK(file_in(worktree, "events/linked.yaml")->blob_id == linked->blob_id);
    CHECK(file_in(worktree, "events/outside.yaml") == nullptr);  // never read outside
  }

  TEST_CASE("ids only: the same files and blob ids, the content read later by blob id") {
    ScratchRepository scratch;
    scratch.write("shared/base.yaml", "name: shared\n");
    scratch.write("events/a.yaml", "name: a\n");
    scratch.write("events/empty.yaml", "");
    fs::create_directories(scratch.root() / "events");
    fs::create_symlink("../shared/base.yaml", scratch.root() / "events/linked.yaml");
    fs::create_symlink("missing.yaml", scratch.root() / "events/dangling.yaml");
    scratch.commit_all("files");

    Repository repository = Repository::discover(scratch.root());
    auto whole = repository.read_commit("HEAD", "", {});
    auto listed = repository.read_commit("HEAD", "", {}, Repository::Content::ids_only);
    REQUIRE(paths_of(listed) == paths_of(whole));
    CHECK(listed.unread.size() == whole.unread.size());
    for (size_t i = 0; i < listed.files.size(); ++i) {
      CHECK(listed.files[i].blob_id == whole.files[i].blob_id);
      CHECK(listed.files[i].content.empty());
    }
    repository.read_contents(listed);
    for (size_t i = 0; i < listed.files.size(); ++i)
      CHECK(listed.files[i].content == whole.files[i].content);
    CHECK(file_in(listed, "events/linked.yaml")->content == "name: shared\n");
  }

  TEST_CASE("read_contents leaves unread what the snapshot read already has unchanged") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "name: a\n");
    scratch.write("events/b.yaml", "name: b\n");
    scratch.write("events/moved.yaml", "name: moved\n");
    scratch.commit_all("base");
    scratch.write("events/b.yaml", "name: b2\n");
    scratch.write("events/c.yaml", "name: c\n");
    fs::remove(scratch.root() / "events/moved.yaml");
    scratch.write("events/renamed.yaml", "name: moved\n");  // same blob, another path
    scratch.commit_all("head");

    Repository repository = Repository::discover(scratch.root());
    auto head = repository.read_commit("HEAD", "", {}, Repository::Content::ids_only);
    auto base = repository.read_commit("HEAD~1", "", {}, Repository::Content::ids_only);
    repository.read_contents(head);
    repository.read_contents(base, &head);
    CHECK(file_in(base, "events/a.yaml")->content.empty());  // head has it unchanged
    CHECK(file_in(base, "events/b.yaml")->content == "name: b\n");
    CHECK(file_in(base, "events/moved.yaml")->content == "name: moved\n");
    CHECK(file_in(head, "events/a.yaml")->content == "name: a\n");
  }

  TEST_CASE("a path filter with excludes applies to commits") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "name: a\n");
    scratch.write("events/legacy/old.yaml", "name: old\n");
    scratch.write("events/b.draft.yaml", "name: b\n");
    scratch.commit_all("one");
    Repository repository = Repository::discover(scratch.root());
    auto snapshot =
        repository.read_commit("HEAD", "", PathFilter({}, {"events/legacy", "**/*.draft.yaml"}));
    CHECK(paths_of(snapshot) == std::vector<std::string>{"events/a.yaml"});
  }
}
