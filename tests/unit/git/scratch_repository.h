#pragma once

// A throw-away git repository built with the git CLI in a temporary folder, so that tests read real
// repositories (never a .git committed into the project).

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../temporary_folder.h"
#include "git/snapshot.h"

namespace steward::git::testing {

namespace fs = std::filesystem;
using steward::testing::TempFolder;

// Runs a shell command and returns its standard output; throws with the output when it fails.
// The user's git configuration and any GIT_* variables of a surrounding hook are shut out, so the
// tests behave the same on every machine.
inline std::string shell(const std::string& command) {
  std::string isolated =
      "unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_COMMON_DIR; "
      "export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1; (" +
      command + ") 2>&1";
  FILE* pipe = popen(isolated.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
  std::string output;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    output.append(buffer.data(), n);
  int status = pclose(pipe);
  if (status != 0) throw std::runtime_error("command failed: " + command + "\n" + output);
  return output;
}

inline std::string quoted(const fs::path& path) {
  // Appended, not `"'" + ...`: GCC 12 at -O3 takes that for an overflowing copy
  // (-Wstringop-overflow).
  std::string out = "'";
  out.append(path.string()).append("'");
  return out;
}

// Writes `content` to root/path, creating folders.
inline void write_file(const fs::path& root, const std::string& path, const std::string& content) {
  fs::path file = root / path;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
}

class ScratchRepository {
 public:
  // `git init` in <new temporary folder>/repo, on branch main.
  ScratchRepository() : root_(folder_.path() / "repo") {
    fs::create_directories(root_);
    git("init -q");
  }
  // `git clone <clone_options> file://<origin>` into <new temporary folder>/repo.
  ScratchRepository(const ScratchRepository& origin, const std::string& clone_options)
      : root_(folder_.path() / "repo") {
    shell("git clone -q " + clone_options + " 'file://" + origin.root().string() + "' " +
          quoted(root_));
  }

  // The work tree of the repository.
  const fs::path& root() const { return root_; }
  // The temporary folder around it, for linked worktrees and other repositories' siblings.
  const fs::path& scratch() const { return folder_.path(); }

  // `git <arguments>` in the repository, with a fixed identity; returns trimmed standard output.
  std::string git(const std::string& arguments) const {
    std::string output = shell("git -C " + quoted(root_) +
                               " -c user.name=t -c user.email=t@t -c init.defaultBranch=main "
                               "-c commit.gpgsign=false -c core.autocrlf=false " +
                               arguments);
    while (!output.empty() && (output.back() == '\n' || output.back() == '\r'))
      output.pop_back();
    return output;
  }

  void write(const std::string& path, const std::string& content) const {
    write_file(root_, path, content);
  }

  void remove(const std::string& path) const { fs::remove(root_ / path); }

  // Stages everything and commits; returns the new commit id.
  std::string commit_all(const std::string& message) const {
    git("add -A");
    git("commit -q --allow-empty -m '" + message + "'");
    return git("rev-parse HEAD");
  }

 private:
  TempFolder folder_;
  fs::path root_;
};

// The paths of a snapshot, in its order.
inline std::vector<std::string> paths_of(const Snapshot& snapshot) {
  std::vector<std::string> paths;
  for (const auto& file : snapshot.files)
    paths.push_back(file.path);
  return paths;
}

// The file at `path`, or null.
inline const SnapshotFile* file_in(const Snapshot& snapshot, const std::string& path) {
  for (const auto& file : snapshot.files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

}  // namespace steward::git::testing
