#include "cli/project.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "git/default_base.h"
#include "git/worktree_reader.h"
#include "source/input_error.h"
#include "source/spelling.h"

namespace steward::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kConfigName = "steward.yaml";

std::string join(const std::string& prefix, const std::string& path) {
  return prefix.empty() ? path : prefix + "/" + path;
}

// "/repo/data", not "/repo/data/." or "/repo/data/", in messages that name the folder.
fs::path normal_folder(const fs::path& dir) {
  fs::path folder = fs::absolute(dir).lexically_normal();
  if (!folder.has_filename() && folder != folder.root_path()) folder = folder.parent_path();
  return folder;
}

bool has_config(const fs::path& folder) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(folder / kConfigName, ec));
}

// The folder of the nearest steward.yaml from `start` up to `levels` folders above it (the
// repository's root), or `start` when there is none.
fs::path find_project_folder(const fs::path& start, size_t levels) {
  fs::path folder = start;
  for (size_t up = 0; up <= levels; ++up) {
    if (has_config(folder)) return folder;
    if (!folder.has_relative_path()) break;
    folder = folder.parent_path();
  }
  return start;
}

size_t depth_of(const std::string& prefix) {
  return prefix.empty() ? 0
                        : 1 + static_cast<size_t>(std::count(prefix.begin(), prefix.end(), '/'));
}

// Whether `path` (canonical) is `folder` (canonical) or lies below it.
bool inside(const fs::path& path, const fs::path& folder) {
  return std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first ==
         folder.end();
}

// steward.yaml of the work tree: nullopt when there is none. Anything else than a file inside the
// repository is an error, never silently "no configuration".
std::optional<std::string> read_work_tree_config(const fs::path& dir, const fs::path& boundary) {
  const fs::path path = dir / kConfigName;
  std::error_code ec;
  fs::file_status link = fs::symlink_status(path, ec);
  if (!fs::exists(link)) return std::nullopt;
  fs::path target = fs::canonical(path, ec);
  if (fs::is_symlink(link) && (ec || !inside(target, fs::canonical(boundary, ec)))) {
    throw InputError("'" + path.string() +
                         "' is a symbolic link that leads outside the repository "
                         "or nowhere",
                     "make steward.yaml a file inside the repository");
  }
  if (!fs::is_regular_file(path, ec)) {
    throw InputError("'" + path.string() + "' is not a file (a folder?)",
                     "steward.yaml must be a file; rename or remove the folder");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in) {
    throw InputError("cannot read '" + path.string() + "'", "check the file's permissions");
  }
  return text.str();
}

// The names a mistyped `paths` entry may have meant: the folders and files of the project folder.
std::vector<std::string> project_entries(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.starts_with('.')) names.push_back(name);
  }
  return names;
}

}  // namespace

Project Project::open(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw InputError("'" + dir.string() + "' is not a folder",
                     "pass the folder of the customer-data repository with -C DIR");
  }
  Project project;
  const fs::path start = normal_folder(dir);
  project.dir_ = start;
  project.repository_ = git::Repository::try_discover(start);
  if (project.repository_ && project.repository_->workdir().empty()) {
    project.bare_ = true;  // commits can still be read with --head
  } else if (project.repository_) {
    std::string start_prefix = project.repository_->relative_to_workdir(start);
    project.dir_ = find_project_folder(start, depth_of(start_prefix));
    project.prefix_ = project.repository_->relative_to_workdir(project.dir_);
  }
  project.boundary_ =
      project.repository_ && !project.bare_ ? project.repository_->workdir() : project.dir_;
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
  const std::string relative = join(prefix_, kConfigName);
  if (bare_ && revision.kind != Revision::Kind::commit) {
    throw InputError(
        "'" + dir_.string() + "' is a bare git repository: it has no work tree or index to check",
        "pass --head REV (for example --head HEAD) to check a commit, or run steward "
        "in a clone with a work tree");
  }
  std::optional<std::string> text;
  switch (revision.kind) {
    case Revision::Kind::work_tree:
      text = read_work_tree_config(dir_, boundary_);
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

git::Snapshot Project::read(const Revision& revision, const config::StewardConfig& config,
                            git::Repository::Content content) const {
  git::PathFilter filter(config.paths, config.exclude);
  git::Snapshot snapshot;
  switch (revision.kind) {
    case Revision::Kind::work_tree:
      snapshot = git::read_worktree(dir_, filter, boundary_);
      for (auto& file : snapshot.files)
        file.path = join(prefix_, file.path);
      for (auto& unread : snapshot.unread)
        unread.path = join(prefix_, unread.path);
      break;
    case Revision::Kind::commit:
      snapshot = repository().read_commit(revision.rev, prefix_, filter, content);
      break;
    case Revision::Kind::index:
      snapshot = repository().read_index(prefix_, filter, index_file_, content);
      break;
  }
  snapshot.label = revision.label;
  return snapshot;
}

void Project::read_contents(git::Snapshot& snapshot, const git::Snapshot* read_already) const {
  repository().read_contents(snapshot, read_already);
}

void Project::require_data(const git::Snapshot& head, const config::StewardConfig& config) const {
  git::PathFilter filter(config.paths, config.exclude);
  for (size_t i = 0; i < config.paths.size() && i < config.path_spans.size(); ++i) {
    auto covered = [&](const std::string& path) {
      auto relative = prefix_.empty() ? std::string_view(path)
                                      : std::string_view(path).substr(prefix_.size() + 1);
      return filter.include_covers(i, relative);
    };
    bool used = std::any_of(head.files.begin(), head.files.end(),
                            [&](const auto& file) { return covered(file.path); }) ||
                std::any_of(head.unread.begin(), head.unread.end(),
                            [&](const auto& unread) { return covered(unread.path); });
    if (used) continue;
    const std::string& entry = config.paths[i];
    auto guess = closest_match(entry, project_entries(dir_));
    throw InputError(file_line_column(config.path_spans[i]) + ": '" + entry +
                         "' in 'paths' matches no data file (.yaml, .yml, .json) in the " +
                         head.label,
                     guess ? "did you mean '" + *guess + "'?"
                           : "list folders that hold the data files, relative to steward.yaml");
  }
  if (head.files.empty() && head.unread.empty()) {
    std::string where =
        config.paths.empty() ? "in '" + dir_.string() + "'" : "under the `paths` of steward.yaml";
    throw InputError("nothing to check: steward found no data file (.yaml, .yml, .json) " + where +
                         " in the " + head.label,
                     "run steward in the repository that holds the data, point it there with "
                     "-C DIR, or list the data folders under `paths:` in steward.yaml");
  }
}

}  // namespace steward::cli
