#include "git/internal/repo_paths.h"

#include <vector>

#include "source/input_error.h"

namespace steward::git::internal {

namespace {

// Splits on '/', dropping empty and "." segments; nullopt when ".." climbs above the start.
std::optional<std::vector<std::string_view>> normalized_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view segment = path.substr(start, slash - start);
    if (segment == "..") {
      if (segments.empty()) return std::nullopt;
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  return segments;
}

std::string join_segments(const std::vector<std::string_view>& segments) {
  std::string joined;
  for (auto segment : segments) {
    if (!joined.empty()) joined += '/';
    joined += segment;
  }
  return joined;
}

}  // namespace

std::string normalize_repo_path(std::string_view path) {
  auto segments = path.starts_with('/') ? std::nullopt : normalized_segments(path);
  if (!segments) {
    throw InputError("'" + std::string(path) + "' is not a path inside the repository",
                     "give paths relative to the repository root, and run steward inside it");
  }
  return join_segments(*segments);
}

std::string join_path(std::string_view project_dir, std::string_view relative) {
  if (project_dir.empty()) return std::string(relative);
  std::string joined(project_dir);
  joined += '/';
  joined += relative;
  return joined;
}

std::optional<std::string_view> strip_project_dir(std::string_view path,
                                                  std::string_view project_dir) {
  if (project_dir.empty()) return path;
  if (path.size() <= project_dir.size() || !path.starts_with(project_dir) ||
      path[project_dir.size()] != '/') {
    return std::nullopt;
  }
  return path.substr(project_dir.size() + 1);
}

std::optional<std::string> link_target_path(std::string_view link_path, std::string_view target) {
  if (target.empty() || target.starts_with('/')) return std::nullopt;
  size_t slash = link_path.rfind('/');
  std::string joined = slash == std::string_view::npos
                           ? std::string(target)
                           : std::string(link_path.substr(0, slash + 1)) + std::string(target);
  auto segments = normalized_segments(joined);
  if (!segments || segments->empty()) return std::nullopt;
  return join_segments(*segments);
}

}  // namespace steward::git::internal
