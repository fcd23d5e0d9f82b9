#include "cli/project.h"

#include <fstream>
#include <sstream>

#include "git/default_base.h"
#include "git/worktree_reader.h"
#include "source/input_error.h"

namespace steward::cli {

namespace fs = std::filesystem;

namespace {

std::string join(const std::string& prefix, const std::string& path) {
  return prefix.empty() ? path : prefix + "/" + path;
}

std::optional<std::string> read_text_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Project Project::open(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw InputError("'" + dir.string() + "' is not a folder",
                     "pass the folder of the customer-data repository with -C DIR");
  }
  Project project;
  // "/repo/data", not "/repo/data/." or "/repo/data/", in messages that name the folder.
  project.dir_ = fs::absolute(dir).lexically_normal();
  if (!project.dir_.has_filename() && project.dir_ != project.dir_.root_path()) {
    project.dir_ = project.dir_.parent_path();
  }
  try {
    project.repository_.emplace(git::Repository::discover(project.dir_));
    project.prefix_ = project.repository_->relative_to_workdir(project.dir_);
  } catch (const InputError&) {
    project.repository_.reset();  // outside git: the work tree is all there is
  }
  project.index_file_ = git::Environment::from_process().git_index_file;
  return project;
}

const git::Repository& Project::repository() const {
  if (!repository_) {
    throw InputError("'" + dir_.string() + "' is not inside a git repository",
                     "run `git init` there, or drop --base/--head/--staged to check the files "
                     "as they are");
  }
  return *repository_;
}

config::StewardConfig Project::read_config(const Revision& revision) const {
  const std::string relative = join(prefix_, "steward.yaml");
  std::optional<std::string> text;
  switch (revision.kind) {
    case Revision::Kind::work_tree:
      text = read_text_file(dir_ / "steward.yaml");
      break;
    case Revision::Kind::commit:
      text = repository().read_file_at(revision.rev, relative);
      break;
    case Revision::Kind::index:
      text = repository().read_staged_file(relative, index_file_);
      break;
  }
  config::StewardConfig config;
  if (text)
    config = config::parse_steward_config(make_source(relative, *text, revision.label));
  else
    config.packs = config::default_packs();
  config.project_dir = prefix_;
  // A local pack's folder holds policies and fixture trees, not the repository's data: its
  // fixtures would otherwise be read as duplicate events.
  for (const auto& pack : config.packs) {
    if (pack.starts_with("stdlib:")) continue;
    std::string folder = fs::path(pack).lexically_normal().generic_string();
    if (!folder.empty() && !fs::path(folder).is_absolute() && !folder.starts_with("..")) {
      config.exclude.push_back(folder);
    }
  }
  return config;
}

git::Snapshot Project::read(const Revision& revision, const config::StewardConfig& config) const {
  git::PathFilter filter(config.paths, config.exclude);
  git::Snapshot snapshot;
  switch (revision.kind) {
    case Revision::Kind::work_tree:
      snapshot = git::read_worktree(dir_, filter);
      for (auto& file : snapshot.files)
        file.path = join(prefix_, file.path);
      break;
    case Revision::Kind::commit:
      snapshot = repository().read_commit(revision.rev, prefix_, filter);
      break;
    case Revision::Kind::index:
      snapshot = repository().read_index(prefix_, filter, index_file_);
      break;
  }
  snapshot.label = revision.label;
  return snapshot;
}

}  // namespace steward::cli
