#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/blob_cache_entry.h"

namespace steward::config {

// A pack file of the BlobCacheStore: the magic below, then whole cache entries
// (blob_cache_entry.h) back to back. One run writes one pack under a temporary name and renames it
// into place, so a published pack never changes: a reader indexes it once by its entries' headers
// and reads entries with pread from any thread. Creating one file per run instead of one per entry
// is what makes a cold run cheap (a file costs about 0.4 ms to create on the benchmark machine).
inline constexpr std::string_view kPackMagic = "STWPACK1";
inline constexpr std::string_view kPackSuffix = ".pack";
inline constexpr std::string_view kTemporaryPrefix = ".tmp-";

// Where one entry lies in a pack.
struct PackedEntry {
  CacheEntryHeader header;
  uint64_t offset = 0;  // of the entry's first byte
  uint64_t size = 0;    // header and payload
};

// An open pack file (published, or being written by this run). Not copyable: it owns its
// descriptor.
class PackFile {
 public:
  // The pack at `path`, or nullopt when it cannot be opened or does not start with the magic.
  static std::shared_ptr<PackFile> open(const std::filesystem::path& path);
  explicit PackFile(int fd) : fd_(fd) {}
  ~PackFile();
  PackFile(const PackFile&) = delete;
  PackFile& operator=(const PackFile&) = delete;

  // Every whole entry from the start to the end, or to the first bytes that are no entry header
  // (a pack cut short keeps the entries before the cut; garbage ends the list, never misleads it).
  std::vector<PackedEntry> entries() const;
  // Exactly `size` bytes at `offset`, or nullopt when they are not all there.
  std::optional<std::string> read(uint64_t offset, uint64_t size) const;
  // The same into `out` (room for `size` bytes); false when they are not all there.
  bool read_into(char* out, uint64_t offset, uint64_t size) const;
  uint64_t size() const;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// This run's pack: entries are appended (buffered), readable through file() once flushed, and the
// whole pack appears under its final name only at publish().
class PackWriter {
 public:
  // A new, empty pack under a temporary name in `dir` (created when missing); null on failure.
  static std::unique_ptr<PackWriter> create(const std::filesystem::path& dir);
  ~PackWriter();

  // Appends one encoded entry, given whole or as its header and payload; its offset, or nullopt
  // once a write failed. An entry larger than the write buffer goes straight to the file.
  std::optional<uint64_t> append(std::string_view entry) { return append(entry, {}); }
  std::optional<uint64_t> append(std::string_view header, std::string_view payload);
  // Writes the buffered bytes so that file() reads them; false when a write failed.
  bool flush();
  // Flushes and renames the pack into place (a fresh name, never one in use); false on any
  // failure, and the temporary file is removed.
  bool publish();

  const std::shared_ptr<PackFile>& file() const { return file_; }
  uint64_t flushed() const { return flushed_; }

 private:
  PackWriter(std::filesystem::path temporary, std::shared_ptr<PackFile> file);

  std::filesystem::path temporary_;
  std::shared_ptr<PackFile> file_;
  std::string buffer_;
  uint64_t flushed_ = 0;
  bool failed_ = false;
  bool published_ = false;
};

// A name for a new file in `dir` that no other writer (thread or process) uses: `prefix`, the
// process, a counter and random bits, then `suffix`.
std::filesystem::path unique_path(const std::filesystem::path& dir, std::string_view prefix,
                                  std::string_view suffix);

}  // namespace steward::config
