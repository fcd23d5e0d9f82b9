#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace steward::git {

// Which files of a repository steward reads (steward.yaml `paths` and `exclude`).
// With no include paths, everything is read except dot-files, dot-folders and steward.yaml itself.
// Include and exclude entries are folders or files relative to the project root, or globs (`*`
// within a segment, `**` across segments); a glob that matches a folder covers the files inside it.
// Excludes win over includes. Dot-files and dot-folders are skipped only when no paths are given.
class PathFilter {
 public:
  PathFilter() = default;
  PathFilter(std::vector<std::string> include, std::vector<std::string> exclude);

  // `path` is relative to the project root.
  bool accepts(std::string_view path) const;
  // Whether a folder can hold accepted files, so a walk can skip it.
  bool may_contain(std::string_view folder) const;
  // Whether include entry `index` (as given to the constructor) covers `path`, so that an entry
  // that covers no file read can be reported instead of silently reading nothing.
  bool include_covers(size_t index, std::string_view path) const;

 private:
  std::vector<std::string> include_;
  std::vector<std::string> exclude_;
};

// `*` matches within one path segment, `**` across segments, `?` one character.
bool glob_match(std::string_view pattern, std::string_view text);

// The files steward reads: .yaml, .yml, .json, and the extensionless schemas of an Iglu
// repository (a file named MODEL-REVISION-ADDITION, such as 1-0-0, in a `jsonschema` folder).
bool is_data_file(std::string_view path);

}  // namespace steward::git
