#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace steward {

// The text of one file as steward read it, at one revision. Spans point at it, so a code frame can
// show the very line a finding is about, even when base and head hold different text for one path.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text, std::string revision = {});

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // "head", "base", "index", a commit id, or empty for the work tree.
  const std::string& revision() const { return revision_; }

  // 1-based line; empty when out of range. Without the line terminator.
  std::string_view line(uint32_t number) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::string revision_;
  std::vector<uint32_t> line_starts_;
};

using SourceRef = std::shared_ptr<const SourceFile>;

inline SourceRef make_source(std::string path, std::string text, std::string revision = {}) {
  return std::make_shared<const SourceFile>(std::move(path), std::move(text), std::move(revision));
}

}  // namespace steward
