#pragma once

// What the fuzz targets share: the input split into the files of a snapshot, and the checks every
// diagnostic must pass. A failed check aborts, which libFuzzer reports as a crash with the input.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "git/snapshot.h"
#include "source/diagnostic.h"

namespace steward::fuzzing {

// Several files in one input, so references across files are fuzzed too: a line "@@ PATH" starts
// the file PATH; bytes before the first such line are the file `default_path`. Bounded so a single
// input cannot ask for thousands of files.
inline constexpr size_t kMaxFiles = 8;
inline constexpr size_t kMaxPathLength = 200;
inline constexpr std::string_view kFileMarker = "@@ ";

inline git::Snapshot split_files(const uint8_t* data, size_t size,
                                 const std::string& default_path) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  git::Snapshot snapshot;
  snapshot.label = "head";
  std::string path = default_path;
  std::string content;
  bool marked = false;  // the current file was started by a marker line
  auto add = [&] {
    if ((!marked && content.empty()) || path.empty() || path.size() > kMaxPathLength) return;
    if (path.find('\0') != std::string::npos) return;  // git paths cannot hold NUL
    if (snapshot.files.size() == kMaxFiles) return;
    // The blob id is the parse cache's key: unique per file.
    snapshot.files.push_back({path, std::to_string(snapshot.files.size()), content});
  };
  for (size_t pos = 0; pos < input.size();) {
    const size_t end = input.find('\n', pos);
    const size_t next = end == std::string_view::npos ? input.size() : end + 1;
    const std::string_view line = input.substr(pos, next - pos);
    if (line.starts_with(kFileMarker)) {
      add();
      path = std::string(line.substr(kFileMarker.size()));
      if (path.ends_with('\n')) path.pop_back();
      content.clear();
      marked = true;
    } else {
      content += line;
    }
    pos = next;
  }
  add();
  // A revision never holds one path twice, and is sorted by path (git/snapshot.h).
  std::stable_sort(snapshot.files.begin(), snapshot.files.end(),
                   [](const auto& a, const auto& b) { return a.path < b.path; });
  snapshot.files.erase(std::unique(snapshot.files.begin(), snapshot.files.end(),
                                   [](const auto& a, const auto& b) { return a.path == b.path; }),
                       snapshot.files.end());
  return snapshot;
}

[[noreturn]] inline void fail(const std::string& what, const Diagnostic& d) {
  std::fprintf(stderr, "fuzz check failed: %s: %s at %s:%u:%u: %s\n", what.c_str(), d.rule.c_str(),
               d.span.file().c_str(), d.span.line, d.span.column, d.message.c_str());
  std::abort();
}

// Every diagnostic names its rule and says something, and points at a line and column of one of
// the files read (a finding without a place cannot be shown or suppressed).
inline void check_diagnostics(const Diagnostics& diagnostics, const std::set<std::string>& files) {
  for (const auto& d : diagnostics) {
    if (d.rule.empty()) fail("a diagnostic without a rule", d);
    if (d.message.empty()) fail("a diagnostic without a message", d);
    if (!d.span.valid() || d.span.column == 0) fail("a diagnostic without a place", d);
    if (!files.contains(d.span.file())) fail("a diagnostic in a file that was not read", d);
    if (d.span.line > d.span.source->line_count() + 1) fail("a diagnostic past the end", d);
  }
}

}  // namespace steward::fuzzing
