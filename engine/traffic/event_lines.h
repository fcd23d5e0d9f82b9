#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// Reading a sample of events: JSON Lines files, plain or gzip, line by line in batches, so that
// memory stays bounded by the batch size whatever the size of the sample.
namespace steward::traffic {

// A line longer than this is not read (a reason `line-too-long`); real events are a few KB.
inline constexpr size_t kMaxLineBytes = 1 << 20;  // 1 MiB
// A batch ends at this many lines or bytes, whichever comes first.
inline constexpr size_t kBatchLines = 4096;
inline constexpr size_t kBatchBytes = 8 << 20;
// Readable bytes after each line's text in a batch, so that the JSON parser reads the line where
// it is, without copying it (simdjson's SIMDJSON_PADDING; event_checker.cpp checks the two agree).
inline constexpr size_t kLinePadding = 64;

struct SampleLine {
  enum class Problem { none, too_long, unreadable };
  uint32_t file = 0;      // index in the list of files
  uint64_t number = 0;    // 1-based line number in its file
  std::string_view text;  // into its batch (kLinePadding bytes follow); empty for a problem line
  Problem problem = Problem::none;
  std::string detail;  // for a problem: "2.0 MiB", "unexpected end of file"
};

// The lines of one batch; their texts are in the batch's storage, allocated once and reused
// (no allocation per line).
class LineBatch {
 public:
  std::vector<SampleLine> lines;
  size_t bytes = 0;  // of text

  void clear() {
    lines.clear();
    bytes = 0;
    used_ = 0;
  }
  // Copies `text` into the storage, followed by kLinePadding zero bytes; the view stays valid
  // until clear(). A batch holds at most kBatchBytes + kMaxLineBytes of text (next_batch's rule).
  std::string_view store(const char* text, size_t size);

 private:
  static constexpr size_t kCapacity = kBatchBytes + kMaxLineBytes + kBatchLines * kLinePadding;
  std::unique_ptr<char[]> storage_;
  size_t used_ = 0;
};

// The files of a sample, one after the other. Blank lines are skipped (they hold no event).
// A file that cannot be opened is steward::InputError (an argument of steward's, exit 2); a file
// that ends early (truncated gzip) gives a line with Problem::unreadable and the run goes on.
class LineSource {
 public:
  explicit LineSource(std::vector<std::string> paths);
  ~LineSource();
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  // Fills `batch` (cleared first); false when every file has been read.
  bool next_batch(LineBatch& batch);
  const std::vector<std::string>& paths() const { return paths_; }
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  bool open_next();
  bool fill_buffer();

  std::vector<std::string> paths_;
  size_t next_file_ = 0;
  uint32_t file_ = 0;
  void* gz_ = nullptr;  // gzFile; zlib stays inside the .cpp
  std::vector<char> buffer_;
  size_t begin_ = 0, end_ = 0;
  uint64_t line_ = 0;
  uint64_t bytes_read_ = 0;
};

}  // namespace steward::traffic
