#pragma once

// Internal to steward_git: the path arithmetic of repository-relative paths ('/'-separated, no
// leading or trailing '/').

#include <optional>
#include <string>
#include <string_view>

namespace steward::git::internal {

// "./config/" -> "config", "." -> "". Throws InputError for absolute paths and for ".." above the
// root, which cannot name anything in the repository.
std::string normalize_repo_path(std::string_view path);

// `relative` prefixed by `project_dir` ("" leaves it as is).
std::string join_path(std::string_view project_dir, std::string_view relative);

// The path relative to `project_dir` when `path` lies inside it.
std::optional<std::string_view> strip_project_dir(std::string_view path,
                                                  std::string_view project_dir);

// The repository path a symbolic link at `link_path` points to, or nullopt when the target is
// absolute or leaves the repository (git stores the target text as the link's blob).
std::optional<std::string> link_target_path(std::string_view link_path, std::string_view target);

}  // namespace steward::git::internal
