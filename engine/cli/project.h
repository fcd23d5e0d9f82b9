#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "config/steward_config.h"
#include "git/path_filter.h"
#include "git/repository.h"
#include "git/snapshot.h"

namespace steward::cli {

// Which revision of the repository to read.
struct Revision {
  enum class Kind { work_tree, commit, index };
  Kind kind = Kind::work_tree;
  std::string rev;    // for commits: any rev-parse spec
  std::string label;  // "head", "base", "index", "work tree"

  static Revision work_tree() { return {Kind::work_tree, "", "work tree"}; }
  static Revision index() { return {Kind::index, "", "index"}; }
  static Revision commit(std::string rev, std::string label) {
    return {Kind::commit, std::move(rev), std::move(label)};
  }
};

// The customer-data project steward runs on: the folder that holds steward.yaml (or the folder
// steward was pointed at), inside a git repository or not.
class Project {
 public:
  static Project open(const std::filesystem::path& dir);

  bool in_git() const { return repository_.has_value(); }
  const git::Repository& repository() const;
  // The project's folder relative to the repository root ("" at the root or outside git).
  const std::string& prefix() const { return prefix_; }

  // steward.yaml as of `revision`; defaults when there is none.
  config::StewardConfig read_config(const Revision& revision) const;
  // The data files as of `revision`, paths relative to the repository root.
  git::Snapshot read(const Revision& revision, const config::StewardConfig& config) const;

 private:
  std::filesystem::path dir_;
  std::optional<git::Repository> repository_;
  std::string prefix_;
  std::string index_file_;
};

}  // namespace steward::cli
