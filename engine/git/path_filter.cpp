#include "git/path_filter.h"

#include <vector>

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
  while (s.starts_with("./"))
    s.remove_prefix(2);
  while (!s.empty() && s.back() == '/')
    s.remove_suffix(1);
  return s;
}

bool under(std::string_view path, std::string_view folder) {
  if (folder.empty() || folder == ".") return true;
  return path == folder ||
         (path.starts_with(folder) && path.size() > folder.size() && path[folder.size()] == '/');
}

bool has_glob(std::string_view s) {
  return s.find_first_of("*?") != std::string_view::npos;
}

// Dynamic programming over (pattern position, text position), filled from the ends backwards:
// a star may have to give characters back to an earlier `**`, which a matcher that only
// backtracks to the last star gets wrong, and a recursive matcher overflows the stack on a long
// run of stars. Time and memory are (pattern length + 1) x (text length + 1); steward.yaml bounds
// the pattern (config::kMaxPathPatternLength).
class GlobMatcher {
 public:
  GlobMatcher(std::string_view pattern, std::string_view text)
      : pattern_(pattern),
        text_(text),
        width_(text.size() + 1),
        table_((pattern.size() + 1) * width_, 0) {}

  bool match() {
    at(pattern_.size(), text_.size()) = 1;  // the empty pattern matches only the empty text
    for (size_t p = pattern_.size(); p-- > 0;)
      fill_row(p);
    return at(0, 0) != 0;
  }

 private:
  char& at(size_t p, size_t t) { return table_[p * width_ + t]; }

  // Row p from rows p+1 and later; each case is a recurrence over t, filled from the end.
  void fill_row(size_t p) {
    const size_t n = text_.size();
    char c = pattern_[p];
    if (c != '*') {
      for (size_t t = 0; t < n; ++t) {
        bool same = c == '?' ? text_[t] != '/' : c == text_[t];
        at(p, t) = same && at(p + 1, t + 1);
      }
      return;
    }
    bool crosses = p + 1 < pattern_.size() && pattern_[p + 1] == '*';
    if (!crosses) {
      // `*`: the rest matches here, or the star takes one more character of the segment.
      at(p, n) = at(p + 1, n);
      for (size_t t = n; t-- > 0;)
        at(p, t) = at(p + 1, t) || (text_[t] != '/' && at(p, t + 1));
      return;
    }
    size_t next = p + 2;
    bool whole_folders =
        next < pattern_.size() && pattern_[next] == '/' && (p == 0 || pattern_[p - 1] == '/');
    if (whole_folders) {
      // `**/`: zero folders, or the rest matches after some later '/'.
      bool after_slash = false;
      for (size_t t = n + 1; t-- > 0;) {
        if (t < n && text_[t] == '/' && at(next + 1, t + 1)) after_slash = true;
        at(p, t) = at(next + 1, t) || after_slash;
      }
      return;
    }
    // `**` elsewhere: the rest matches at this or any later position, '/' included.
    bool later = false;
    for (size_t t = n + 1; t-- > 0;) {
      later = later || at(next, t);
      at(p, t) = later;
    }
  }

  std::string_view pattern_;
  std::string_view text_;
  size_t width_;
  std::vector<char> table_;
};

// Whether `pattern` matches `path` or one of the folders `path` lies in, so that a glob naming a
// folder covers the files inside it, as a plain folder entry does.
bool matches_self_or_folder(std::string_view pattern, std::string_view path) {
  if (glob_match(pattern, path)) return true;
  for (size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    if (glob_match(pattern, path.substr(0, slash))) return true;
  }
  return false;
}

// An include or exclude entry: a glob, or a folder or file path.
bool covers(std::string_view entry, std::string_view path) {
  return has_glob(entry) ? matches_self_or_folder(entry, path) : under(path, entry);
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  return GlobMatcher(pattern, text).match();
}

bool is_data_file(std::string_view path) {
  if (path.ends_with(".yaml") || path.ends_with(".yml") || path.ends_with(".json")) return true;
  // An Iglu repository keeps schemas without extension: schemas/VENDOR/NAME/jsonschema/1-0-0.
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return false;
  std::string_view name = path.substr(slash + 1);
  std::string_view folder = path.substr(0, slash);
  if (!(folder == "jsonschema" || folder.ends_with("/jsonschema"))) return false;
  int numbers = 0;
  bool digit_before = false;
  for (char c : name) {
    if (c >= '0' && c <= '9') {
      if (!digit_before) ++numbers;
      digit_before = true;
    } else if (c == '-' && digit_before) {
      digit_before = false;
    } else {
      return false;
    }
  }
  return numbers == 3 && digit_before;
}

PathFilter::PathFilter(std::vector<std::string> include, std::vector<std::string> exclude) {
  for (auto& i : include)
    include_.emplace_back(trim_slashes(i));
  for (auto& e : exclude)
    exclude_.emplace_back(trim_slashes(e));
}

bool PathFilter::accepts(std::string_view path) const {
  if (!is_data_file(path)) return false;
  if (path == "steward.yaml" || path == "steward.yml") return false;
  for (const auto& e : exclude_) {
    if (covers(e, path)) return false;
  }
  if (include_.empty()) return !has_hidden_segment(path);
  for (const auto& i : include_) {
    if (covers(i, path)) return true;
  }
  return false;
}

bool PathFilter::include_covers(size_t index, std::string_view path) const {
  return index < include_.size() && covers(include_[index], path);
}

bool PathFilter::may_contain(std::string_view folder) const {
  for (const auto& e : exclude_) {
    if (covers(e, folder)) return false;
  }
  if (include_.empty()) return !has_hidden_segment(folder);
  for (const auto& i : include_) {
    // A glob may match anything below; a plain entry lies inside the folder or holds it.
    if (has_glob(i) || under(folder, i) || under(i, folder)) return true;
  }
  return false;
}

}  // namespace steward::git
