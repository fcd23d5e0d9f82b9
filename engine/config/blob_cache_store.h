#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace steward::config {

// What a cached blob is: the content (git blob id) at a path, read by one version of steward into
// one format. Every part is in the entry's header and compared on load, so an entry is only ever
// used for exactly the key it was written for.
struct BlobCacheKey {
  std::string blob_id;  // git's blob id of the input, or any content digest
  std::string path;     // spans name their file, so one blob at two paths is two entries
  std::string format;   // what the payload encodes and its layout, e.g. "read-result/1"
};

// Entries, bytes and the counts of the last run that recorded them (`steward cache info`).
struct BlobCacheSummary {
  size_t entries = 0;
  uint64_t bytes = 0;
  std::optional<std::string> last_run;  // "hits N, misses M, writes W" when recorded
};

// A persistent, content-addressed store of byte blobs in one folder (by default
// `.git/steward-cache/`), shared by runs, threads and processes:
//   - each entry is one file: a header (magic, layout version, steward version, key, payload
//     length, CRC-32 of the payload) and the payload. A truncated, corrupt or foreign entry fails
//     the checks, counts as a miss and is replaced by the next save: it is never trusted;
//   - a save writes a temporary file in the same folder and renames it into place, so two runs at
//     once never see half an entry (rename is atomic within one file system);
//   - the store is bounded: after a run that wrote entries, the oldest entries (by write time) go
//     until the total is under `max_bytes`.
// load and save may be called from several threads at once. Failures to read or write (a read-only
// folder, a full disk) are misses, never errors: the cache only ever saves time.
class BlobCacheStore {
 public:
  static constexpr uint64_t kDefaultMaxBytes = 1024ull * 1024 * 1024;  // 1 GiB

  BlobCacheStore(std::filesystem::path dir, std::string steward_version,
                 uint64_t max_bytes = kDefaultMaxBytes);

  const std::filesystem::path& dir() const { return dir_; }

  // The payload saved for `key` by this steward version, or nullopt.
  std::optional<std::string> load(const BlobCacheKey& key);
  void save(const BlobCacheKey& key, std::string_view payload);

  // Evicts the oldest entries when over the bound (only when this run wrote) and records this
  // run's counts for `steward cache info`. Call once at the end of a run.
  void finish_run();

  BlobCacheSummary summary() const;
  // Removes every entry; returns how many.
  size_t clear();

  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }
  size_t writes() const { return writes_; }

 private:
  std::filesystem::path entry_path(const BlobCacheKey& key) const;
  void evict_over_bound();

  std::filesystem::path dir_;
  std::string version_;
  uint64_t max_bytes_;
  std::atomic<size_t> hits_{0};
  std::atomic<size_t> misses_{0};
  std::atomic<size_t> writes_{0};
};

}  // namespace steward::config
