#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace steward {

class SourceRef;
inline SourceRef make_source(std::string path, std::string text, std::string revision = {});

// The text of one file as steward read it, at one revision. Spans point at it, so a code frame can
// show the very line a finding is about, even when base and head hold different text for one path.
// Created only by make_source and held through SourceRef, which counts the references in it.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text, std::string revision = {});
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // "head", "base", "index", a commit id, or empty for the work tree.
  const std::string& revision() const { return revision_; }

  // 1-based line; empty when out of range. Without the line terminator.
  std::string_view line(uint32_t number) const;
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }

 private:
  friend class SourceRef;
  inline SourceRef make_source(std::string path, std::string text, std::string revision = {});

  std::string path_;
  std::string text_;
  std::string revision_;
  std::vector<uint32_t> line_starts_;
  mutable std::atomic<uint32_t> references_{0};  // SourceRefs to it; the last one deletes it
};

// A shared reference to a SourceFile, which lives as long as any reference to it. Every Span
// holds one and a model of 20,000 events holds millions of spans, so the count lives in the file
// and the reference is one pointer (std::shared_ptr's is two: 8 bytes more in every span). Use
// it as a shared_ptr: get(), ->, *, tests for null; copies may go to other threads.
class SourceRef {
 public:
  SourceRef() = default;
  SourceRef(std::nullptr_t) {}  // NOLINT: implicit, as a shared_ptr's
  SourceRef(const SourceRef& other) : file_(other.file_) { retain(); }
  SourceRef(SourceRef&& other) noexcept : file_(std::exchange(other.file_, nullptr)) {}
  SourceRef& operator=(const SourceRef& other) {
    SourceRef(other).swap(*this);
    return *this;
  }
  SourceRef& operator=(SourceRef&& other) noexcept {
    SourceRef(std::move(other)).swap(*this);
    return *this;
  }
  ~SourceRef() { release(); }

  // Another reference to a file that a reference elsewhere keeps alive (a document's nodes
  // hold their file by a plain pointer, and their document holds the reference).
  static SourceRef share(const SourceFile* held) { return SourceRef(held); }

  const SourceFile* get() const { return file_; }
  const SourceFile& operator*() const { return *file_; }
  const SourceFile* operator->() const { return file_; }
  explicit operator bool() const { return file_ != nullptr; }
  void swap(SourceRef& other) noexcept { std::swap(file_, other.file_); }

  friend bool operator==(const SourceRef& a, const SourceRef& b) { return a.file_ == b.file_; }
  friend bool operator==(const SourceRef& a, std::nullptr_t) { return a.file_ == nullptr; }

 private:
  friend SourceRef make_source(std::string path, std::string text, std::string revision);
  explicit SourceRef(const SourceFile* created) : file_(created) { retain(); }

  void retain() const {
    if (file_) file_->references_.fetch_add(1, std::memory_order_relaxed);
  }
  void release() const {
    if (file_ && file_->references_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete file_;
  }

  const SourceFile* file_ = nullptr;
};

inline SourceRef make_source(std::string path, std::string text, std::string revision) {
  return SourceRef(new SourceFile(std::move(path), std::move(text), std::move(revision)));
}

}  // namespace steward
