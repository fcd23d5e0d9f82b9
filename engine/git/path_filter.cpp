#include "git/path_filter.h"

namespace steward::git {

namespace {

bool has_hidden_segment(std::string_view path) {
  size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '.') return true;
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return false;
}

std::string_view trim_slashes(std::string_view s) {
  while (s.starts_with("./")) s.remove_prefix(2);
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  return s;
}

bool under(std::string_view path, std::string_view folder) {
  if (folder.empty() || folder == ".") return true;
  return path == folder || (path.starts_with(folder) && path.size() > folder.size() &&
                            path[folder.size()] == '/');
}

bool has_glob(std::string_view s) { return s.find_first_of("*?") != std::string_view::npos; }

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative matcher with backtracking over the last star; `**` may cross '/'.
  size_t p = 0, t = 0;
  size_t star_p = std::string_view::npos, star_t = 0;
  bool star_crosses = false;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star_crosses = p + 1 < pattern.size() && pattern[p + 1] == '*';
      p += star_crosses ? 2 : 1;
      if (star_crosses && p < pattern.size() && pattern[p] == '/') {
        // "**/" also matches zero folders.
        star_p = p;
        star_t = t;
        ++p;
        if (glob_match(pattern.substr(p), text.substr(t))) return true;
        --p;
        continue;
      }
      star_p = p;
      star_t = t;
    } else if (p < pattern.size() && (pattern[p] == '?' ? text[t] != '/' : pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (star_p != std::string_view::npos && (star_crosses || text[star_t] != '/')) {
      p = star_p;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool is_data_file(std::string_view path) {
  return path.ends_with(".yaml") || path.ends_with(".yml") || path.ends_with(".json");
}

PathFilter::PathFilter(std::vector<std::string> include, std::vector<std::string> exclude) {
  for (auto& i : include) include_.emplace_back(trim_slashes(i));
  for (auto& e : exclude) exclude_.emplace_back(trim_slashes(e));
}

bool PathFilter::accepts(std::string_view path) const {
  if (!is_data_file(path)) return false;
  if (path == "steward.yaml" || path == "steward.yml") return false;
  for (const auto& e : exclude_) {
    if (has_glob(e) ? glob_match(e, path) : under(path, e)) return false;
  }
  if (include_.empty()) return !has_hidden_segment(path);
  for (const auto& i : include_) {
    if (has_glob(i) ? glob_match(i, path) : under(path, i)) return true;
  }
  return false;
}

bool PathFilter::may_contain(std::string_view folder) const {
  for (const auto& e : exclude_) {
    if (!has_glob(e) && under(folder, e)) return false;
  }
  if (include_.empty()) return !has_hidden_segment(folder);
  for (const auto& i : include_) {
    if (has_glob(i) || under(folder, i) || under(i, folder)) return true;
  }
  return false;
}

}  // namespace steward::git
