#include <doctest/doctest.h>

#include "git/repository.h"
#include "git/worktree_reader.h"
#include "scratch_repository.h"
#include "source/input_error.h"

using steward::InputError;
using steward::git::PathFilter;
using steward::git::read_worktree;
using steward::git::Repository;
using namespace steward::git::testing;

TEST_SUITE("index_reader") {
  TEST_CASE("the index holds what is staged: not HEAD, not the work tree") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "v: committed\n");
    scratch.write("events/gone.yaml", "v: committed\n");
    scratch.write("events/kept.yaml", "v: committed\n");
    scratch.commit_all("one");
    scratch.write("events/a.yaml", "v: staged\n");
    scratch.write("events/new.yaml", "v: staged\n");
    scratch.git("add events/a.yaml events/new.yaml");
    scratch.git("rm -q --cached events/gone.yaml");  // staged deletion; the file stays on disk
    scratch.write("events/a.yaml", "v: work tree\n");
    scratch.write("events/untracked.yaml", "v: work tree\n");
    scratch.write("events/later.yaml", "v: intent\n");
    scratch.git("add -N events/later.yaml");  // intent-to-add: not part of the next commit

    Repository repository = Repository::discover(scratch.root());
    auto index = repository.read_index("", {});
    CHECK(index.label == "index");
    CHECK(index.revision.empty());
    REQUIRE(paths_of(index) ==
            std::vector<std::string>{"events/a.yaml", "events/kept.yaml", "events/new.yaml"});
    CHECK(file_in(index, "events/a.yaml")->content == "v: staged\n");
    CHECK(file_in(index, "events/a.yaml")->blob_id == scratch.git("rev-parse :events/a.yaml"));

    auto head = repository.read_commit("HEAD", "", {});
    CHECK(file_in(head, "events/a.yaml")->content == "v: committed\n");
    auto worktree = read_worktree(scratch.root(), {});
    CHECK(file_in(worktree, "events/a.yaml")->content == "v: work tree\n");
    // Unchanged files share their blob id across all three.
    CHECK(file_in(index, "events/kept.yaml")->blob_id ==
          file_in(head, "events/kept.yaml")->blob_id);
    CHECK(file_in(index, "events/kept.yaml")->blob_id ==
          file_in(worktree, "events/kept.yaml")->blob_id);
  }

  TEST_CASE("ids only: the staged files' blob ids, their content read later") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "v: committed\n");
    scratch.commit_all("one");
    scratch.write("events/a.yaml", "v: staged\n");
    scratch.git("add events/a.yaml");
    scratch.write("events/a.yaml", "v: work tree\n");

    Repository repository = Repository::discover(scratch.root());
    auto listed = repository.read_index("", {}, {}, Repository::Content::ids_only);
    REQUIRE(paths_of(listed) == std::vector<std::string>{"events/a.yaml"});
    CHECK(listed.files[0].content.empty());
    CHECK(listed.files[0].blob_id == scratch.git("rev-parse :events/a.yaml"));
    repository.read_contents(listed);
    CHECK(listed.files[0].content == "v: staged\n");
  }

  TEST_CASE("the index sees changes staged after the Repository was opened") {
    ScratchRepository scratch;
    scratch.write("a.yaml", "v: 1\n");
    scratch.commit_all("one");
    Repository repository = Repository::discover(scratch.root());
    CHECK(repository.read_staged_file("a.yaml") == "v: 1\n");
    scratch.write("a.yaml", "v: 2\n");
    scratch.git("add a.yaml");
    CHECK(repository.read_staged_file("a.yaml") == "v: 2\n");
    CHECK(repository.read_staged_file("missing.yaml") == std::nullopt);
  }

  TEST_CASE("an index file given by GIT_INDEX_FILE, as in a hook of `git commit -a`") {
    ScratchRepository scratch;
    scratch.write("a.yaml", "v: 1\n");
    scratch.commit_all("one");
    // A different size, not only different bytes: rewritten within the same second as the
    // commit, a file of the same size can match the copied index's cached stat data, and `git
    // add` then stages nothing (seen once in a clean CI run); a new size is always seen.
    scratch.write("a.yaml", "v: 22\n");
    fs::path other_index = scratch.scratch() / "next-index";
    shell("cp " + quoted(scratch.root() / ".git/index") + " " + quoted(other_index));
    shell("cd " + quoted(scratch.root()) + " && GIT_INDEX_FILE=" + quoted(other_index) +
          " git add a.yaml");

    Repository repository = Repository::discover(scratch.root());
    CHECK(file_in(repository.read_index("", {}), "a.yaml")->content == "v: 1\n");
    CHECK(file_in(repository.read_index("", {}, other_index), "a.yaml")->content == "v: 22\n");
    CHECK(repository.read_staged_file("a.yaml", other_index) == "v: 22\n");
    CHECK_THROWS_AS(repository.read_index("", {}, scratch.scratch() / "missing-index"), InputError);
  }

  TEST_CASE("the index of a configuration folder inside a larger repository") {
    ScratchRepository scratch;
    scratch.write("app/x.json", "{}\n");
    scratch.write("data/steward.yaml", "paths: [events]\n");
    scratch.write("data/events/a.yaml", "v: 1\n");
    scratch.write("data/other/b.yaml", "v: 1\n");
    scratch.git("add -A");
    Repository repository = Repository::discover(scratch.root());
    CHECK(paths_of(repository.read_index("data", {})) ==
          std::vector<std::string>{"data/events/a.yaml", "data/other/b.yaml"});
    CHECK(paths_of(repository.read_index("data", PathFilter({"events"}, {}))) ==
          std::vector<std::string>{"data/events/a.yaml"});
  }

  TEST_CASE("unresolved conflicts in a data file are an error; elsewhere they do not matter") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "v: base\n");
    scratch.write("notes.txt", "base\n");
    scratch.commit_all("base");
    scratch.git("checkout -q -b feature");
    scratch.write("events/a.yaml", "v: feature\n");
    scratch.write("notes.txt", "feature\n");
    scratch.commit_all("feature");
    scratch.git("checkout -q main");
    scratch.write("events/a.yaml", "v: main\n");
    scratch.write("notes.txt", "main\n");
    scratch.commit_all("main");
    CHECK_THROWS(scratch.git("merge -q feature"));  // conflicts in both files

    Repository repository = Repository::discover(scratch.root());
    CHECK(paths_of(repository.read_index("", PathFilter({"other"}, {}))).empty());
    try {
      repository.read_index("", {});
      FAIL("expected an InputError");
    } catch (const InputError& error) {
      CHECK(std::string(error.what()).find("events/a.yaml") != std::string::npos);
      CHECK(error.fix().find("git add") != std::string::npos);
    }
  }

  TEST_CASE("a staged symbolic link reads as its staged target") {
    ScratchRepository scratch;
    scratch.write("shared/base.yaml", "v: shared\n");
    fs::create_directories(scratch.root() / "events");
    fs::create_symlink("../shared/base.yaml", scratch.root() / "events/linked.yaml");
    scratch.git("add -A");
    Repository repository = Repository::discover(scratch.root());
    auto index = repository.read_index("", {});
    REQUIRE(file_in(index, "events/linked.yaml") != nullptr);
    CHECK(file_in(index, "events/linked.yaml")->content == "v: shared\n");
  }
}
