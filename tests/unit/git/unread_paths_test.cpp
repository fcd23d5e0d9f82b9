// What steward cannot or must not read is reported (Snapshot::unread), the same way in the work
// tree, a commit and the index; nothing outside the repository is ever read.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "git/path_filter.h"
#include "git/repository.h"
#include "git/worktree_reader.h"
#include "scratch_repository.h"
#include "source/input_error.h"

using steward::InputError;
using steward::git::glob_match;
using steward::git::PathFilter;
using steward::git::read_worktree;
using steward::git::Repository;
using steward::git::Snapshot;
using namespace steward::git::testing;

namespace {

std::vector<std::string> unread_of(const Snapshot& snapshot) {
  std::vector<std::string> paths;
  for (const auto& unread : snapshot.unread)
    paths.push_back(unread.path);
  return paths;
}

std::string reason_of(const Snapshot& snapshot, const std::string& path) {
  for (const auto& unread : snapshot.unread) {
    if (unread.path == path) return unread.reason;
  }
  return {};
}

}  // namespace

TEST_SUITE("unread_paths") {
  TEST_CASE("links that leave the repository, dangle or loop are unread in every revision") {
    ScratchRepository scratch;
    scratch.write("shared/base.yaml", "name: shared\n");
    fs::create_directories(scratch.root() / "events");
    fs::create_symlink("../shared/base.yaml", scratch.root() / "events/linked.yaml");
    fs::create_symlink("/etc/passwd", scratch.root() / "events/passwd.yaml");
    fs::create_symlink("/proc/self/environ", scratch.root() / "events/env.yaml");
    fs::create_symlink("missing.yaml", scratch.root() / "events/dangling.yaml");
    fs::create_symlink("loop2.yaml", scratch.root() / "events/loop1.yaml");
    fs::create_symlink("loop1.yaml", scratch.root() / "events/loop2.yaml");
    scratch.commit_all("links");

    const std::vector<std::string> files{"events/linked.yaml", "shared/base.yaml"};
    const std::vector<std::string> unread{"events/dangling.yaml", "events/env.yaml",
                                          "events/loop1.yaml", "events/loop2.yaml",
                                          "events/passwd.yaml"};
    Repository repository = Repository::discover(scratch.root());
    Snapshot worktree = read_worktree(scratch.root(), {}, scratch.root());
    Snapshot commit = repository.read_commit("HEAD", "", {});
    Snapshot index = repository.read_index("", {});
    for (const Snapshot* snapshot : {&worktree, &commit, &index}) {
      CAPTURE(snapshot->label);
      CHECK(paths_of(*snapshot) == files);
      CHECK(unread_of(*snapshot) == unread);
      CHECK(reason_of(*snapshot, "events/passwd.yaml").find("outside the repository") !=
            std::string::npos);
      CHECK(reason_of(*snapshot, "events/dangling.yaml").find("leads nowhere") !=
            std::string::npos);
      CHECK(reason_of(*snapshot, "events/loop1.yaml").find("loops") != std::string::npos);
      for (const auto& file : snapshot->files)
        CHECK(file.content.find("root:") == std::string::npos);
    }
  }

  TEST_CASE("a link inside the project folder may lead elsewhere in the repository only") {
    ScratchRepository scratch;
    scratch.write("data/events/a.yaml", "name: a\n");
    scratch.write("shared/base.yaml", "name: shared\n");
    fs::create_symlink("../../shared/base.yaml", scratch.root() / "data/events/shared.yaml");
    Snapshot inside_repository = read_worktree(scratch.root() / "data", {}, scratch.root());
    CHECK(paths_of(inside_repository) ==
          std::vector<std::string>{"events/a.yaml", "events/shared.yaml"});
    // Without the repository as the boundary, the project folder is the limit.
    Snapshot project_only = read_worktree(scratch.root() / "data", {});
    CHECK(unread_of(project_only) == std::vector<std::string>{"events/shared.yaml"});
  }

  TEST_CASE("a FIFO named like a data file is reported, never opened (it would block)") {
    TempFolder folder;
    write_file(folder.path(), "events/a.yaml", "name: a\n");
    REQUIRE(mkfifo((folder.path() / "events/pipe.yaml").c_str(), 0600) == 0);
    Snapshot snapshot = read_worktree(folder.path(), {});
    CHECK(paths_of(snapshot) == std::vector<std::string>{"events/a.yaml"});
    CHECK(unread_of(snapshot) == std::vector<std::string>{"events/pipe.yaml"});
  }

  TEST_CASE("a folder steward may not open is reported, not skipped") {
    if (geteuid() == 0) return;  // root reads any folder; the e2e test runs this as `nobody`
    TempFolder folder;
    write_file(folder.path(), "events/secret/a.yaml", "name: a\n");
    fs::permissions(folder.path() / "events/secret", fs::perms::none);
    Snapshot snapshot = read_worktree(folder.path(), {});
    fs::permissions(folder.path() / "events/secret", fs::perms::owner_all);
    CHECK(unread_of(snapshot) == std::vector<std::string>{"events/secret"});
  }

  TEST_CASE("a submodule's files are read in no revision, the work tree included") {
    ScratchRepository sub;
    sub.write("bad.yaml", "kind: evnt\n");
    sub.commit_all("sub");
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "name: a\n");
    scratch.commit_all("one");
    scratch.git("-c protocol.file.allow=always submodule add -q 'file://" + sub.root().string() +
                "' events/sub");
    scratch.commit_all("sub");
    Repository repository = Repository::discover(scratch.root());
    const std::vector<std::string> files{"events/a.yaml"};
    CHECK(paths_of(read_worktree(scratch.root(), {}, scratch.root())) == files);
    CHECK(paths_of(repository.read_commit("HEAD", "", {})) == files);
    CHECK(paths_of(repository.read_index("", {})) == files);
  }

  TEST_CASE("a truncated loose object ends the read at once with its id (libgit2 #7342)") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "name: a\ndescription: long enough to compress\n");
    scratch.commit_all("one");
    std::string blob = scratch.git("rev-parse HEAD:events/a.yaml");
    fs::path object = scratch.root() / ".git/objects" / blob.substr(0, 2) / blob.substr(2);
    fs::permissions(object, fs::perms::owner_read | fs::perms::owner_write);
    fs::resize_file(object, 20);

    Repository repository = Repository::discover(scratch.root());
    auto start = std::chrono::steady_clock::now();
    std::string message, fix;
    try {
      repository.read_commit("HEAD", "", {});
    } catch (const InputError& e) {
      message = e.what();
      fix = e.fix();
    }
    CHECK(message.find(blob) != std::string::npos);
    CHECK(message.find("is damaged") != std::string::npos);
    CHECK(fix.find("restore the object") != std::string::npos);  // not "fetch the missing"
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  }

  TEST_CASE("contents read on several threads: every file, and a damaged one named as one by one") {
    ScratchRepository scratch;
    // Enough files for more than one reading thread (git/blob_contents.cpp).
    for (int i = 0; i < 1200; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "events/e%04d.yaml", i);
      scratch.write(name, "name: e" + std::to_string(i) + "\ndescription: event number " +
                              std::to_string(i) + "\n");
    }
    scratch.commit_all("many");
    Repository repository = Repository::discover(scratch.root());
    auto whole = repository.read_commit("HEAD", "", {});
    auto listed = repository.read_commit("HEAD", "", {}, Repository::Content::ids_only);
    repository.read_contents(listed);
    REQUIRE(listed.files.size() == 1200);
    for (size_t i = 0; i < listed.files.size(); ++i)
      CHECK(listed.files[i].content == whole.files[i].content);

    // Two damaged objects, one in each thread's half: the error names the first in path order.
    std::vector<std::string> blobs;
    for (const char* path : {"events/e0500.yaml", "events/e1100.yaml"}) {
      std::string blob = scratch.git(std::string("rev-parse HEAD:") + path);
      fs::path object = scratch.root() / ".git/objects" / blob.substr(0, 2) / blob.substr(2);
      fs::permissions(object, fs::perms::owner_read | fs::perms::owner_write);
      fs::resize_file(object, 20);
      blobs.push_back(blob);
    }
    Repository reopened = Repository::discover(scratch.root());
    auto again = reopened.read_commit("HEAD", "", {}, Repository::Content::ids_only);
    std::string message;
    try {
      reopened.read_contents(again);
    } catch (const InputError& e) {
      message = e.what();
    }
    CHECK(message.find(blobs[0]) != std::string::npos);
    CHECK(message.find("is damaged") != std::string::npos);
  }

  TEST_CASE("a damaged loose object the run does not read does not stop it") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "name: a\n");
    scratch.commit_all("one");
    // The first version's blob: reading HEAD never needs it.
    std::string stray = scratch.git("rev-parse HEAD:events/a.yaml");
    scratch.write("events/a.yaml", "name: a\ndescription: the committed text\n");
    scratch.commit_all("two");
    CHECK(scratch.git("rev-parse HEAD:events/a.yaml") != stray);
    fs::path object = scratch.root() / ".git/objects" / stray.substr(0, 2) / stray.substr(2);
    fs::permissions(object, fs::perms::owner_read | fs::perms::owner_write);
    fs::resize_file(object, 10);

    Repository repository = Repository::discover(scratch.root());
    Snapshot head = repository.read_commit("HEAD", "", {});
    REQUIRE(head.files.size() == 1);
    CHECK(head.files[0].content == "name: a\ndescription: the committed text\n");
  }

  TEST_CASE("a truncated commit named by a short id or a ref ends at once with its id") {
    ScratchRepository scratch;
    scratch.write("events/a.yaml", "name: a\n");
    scratch.commit_all("one");
    std::string commit = scratch.git("rev-parse HEAD");
    fs::path object = scratch.root() / ".git/objects" / commit.substr(0, 2) / commit.substr(2);
    fs::permissions(object, fs::perms::owner_read | fs::perms::owner_write);
    fs::resize_file(object, 20);
    for (const std::string& rev : {commit.substr(0, 10), std::string("HEAD"), commit}) {
      Repository repository = Repository::discover(scratch.root());
      auto start = std::chrono::steady_clock::now();
      std::string message;
      try {
        repository.read_commit(rev, "", {});
      } catch (const InputError& e) {
        message = e.what();
      }
      CHECK_MESSAGE(message.find(commit) != std::string::npos, rev, ": ", message);
      CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    }
  }

  TEST_CASE("only missing common history is 'no merge-base'") {
    ScratchRepository scratch;
    scratch.write("a.yaml", "name: a\n");
    scratch.commit_all("one");
    scratch.git("checkout -q --orphan other");
    scratch.write("b.yaml", "name: b\n");
    scratch.commit_all("two");
    Repository repository = Repository::discover(scratch.root());
    CHECK_FALSE(repository.try_merge_base("main", "other").has_value());
    CHECK(repository.try_merge_base("main", "main") == repository.resolve("main"));
  }

  TEST_CASE("a commit missing from a corrupt repository is an error, not 'no merge-base'") {
    // main: one -> two -> three; feature forks at two. Deleting two's object leaves both tips
    // resolvable, but the walk to their common ancestor meets a missing commit, which libgit2
    // reports with the same code as "no common history".
    ScratchRepository scratch;
    scratch.write("a.yaml", "name: a\n");
    scratch.commit_all("one");
    scratch.write("a.yaml", "name: b\n");
    scratch.commit_all("two");
    std::string two = scratch.git("rev-parse HEAD");
    scratch.git("branch feature");
    scratch.write("a.yaml", "name: c\n");
    scratch.commit_all("three");
    scratch.git("checkout -q feature");
    scratch.write("b.yaml", "name: d\n");
    scratch.commit_all("four");
    fs::remove(scratch.root() / ".git/objects" / two.substr(0, 2) / two.substr(2));

    Repository repository = Repository::discover(scratch.root());
    CHECK(repository.try_resolve("main").has_value());
    CHECK(repository.try_resolve("feature").has_value());
    std::string message;
    try {
      repository.try_merge_base("main", "feature");
    } catch (const InputError& e) {
      message = e.what();
    }
    CHECK(message.find("cannot find the merge-base of 'main' and 'feature'") != std::string::npos);
    CHECK(message.find("no common history") == std::string::npos);
    CHECK(message.find(two) != std::string::npos);  // libgit2's own words: the missing object
  }

  TEST_CASE("a glob of 150,000 stars matches without recursion") {
    std::string stars(150000, '*');
    CHECK(glob_match(stars + "x", "events/x"));
    CHECK_FALSE(glob_match(stars + "x", "events/y"));
    CHECK(glob_match("**/drafts/**", "events/drafts/a.yaml"));
    CHECK(glob_match("a/**/b/*.yaml", "a/b/c.yaml"));
    CHECK(glob_match("a/**/b/*.yaml", "a/x/y/b/c.yaml"));
    CHECK_FALSE(glob_match("a/**/b/*.yaml", "a/x/b/d/c.yaml"));
    CHECK(glob_match("a**z", "a/b/z"));
    CHECK_FALSE(glob_match("a*z", "a/b/z"));
    CHECK(glob_match("?.yaml", "x.yaml"));
    CHECK_FALSE(glob_match("?", "/"));
  }
}
