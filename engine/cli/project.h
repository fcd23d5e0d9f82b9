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

// The customer-data project steward runs on: the folder that holds steward.yaml, inside a git
// repository or not. Like git and ESLint, steward looks for steward.yaml in the folder it was
// pointed at and then in each folder above it, up to the repository's root; without one anywhere,
// the project is the folder it was pointed at.
class Project {
 public:
  // Throws InputError for a repository that exists but cannot be opened (never mistaken for "no
  // git here").
  static Project open(const std::filesystem::path& dir);

  bool in_git() const { return repository_.has_value(); }
  const git::Repository& repository() const;
  // The project's folder relative to the repository root ("" at the root or outside git).
  const std::string& prefix() const { return prefix_; }
  // The project's folder (where steward.yaml is, or the folder steward was pointed at).
  const std::filesystem::path& dir() const { return dir_; }
  // What steward may read: the repository's work tree, or the project folder outside git.
  // Symbolic links and local packs that lead outside it are refused.
  const std::filesystem::path& boundary() const { return boundary_; }

  // steward.yaml as of `revision`; defaults when there is none.
  config::StewardConfig read_config(const Revision& revision) const;
  // The data files as of `revision`, paths relative to the repository root. With
  // Content::ids_only, a commit's or the index's files come without their content (the work
  // tree's are read to compute their blob ids): read_contents reads it when it is needed.
  git::Snapshot read(const Revision& revision, const config::StewardConfig& config,
                     git::Repository::Content content = git::Repository::Content::read) const;
  // The content of every file of a snapshot `read` listed with ids only (none for the work tree),
  // but for the files `read_already` has unchanged (git::Repository::read_contents).
  void read_contents(git::Snapshot& snapshot, const git::Snapshot* read_already = nullptr) const;

  // The head revision must have given steward something to check: throws InputError (exit 2)
  // when it read no data file at all, or when an entry of `paths` covers nothing (a typo must not
  // pass as "no findings"), at the entry's place in steward.yaml with a did-you-mean.
  void require_data(const git::Snapshot& head, const config::StewardConfig& config) const;

 private:
  std::filesystem::path dir_;
  std::filesystem::path boundary_;
  std::optional<git::Repository> repository_;
  bool bare_ = false;
  std::string prefix_;
  std::string index_file_;
};

}  // namespace steward::cli
