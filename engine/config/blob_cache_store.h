#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace steward::config {

class PackFile;
class PackWriter;

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
  // Entries by kind: the key's format without its version ("read-result", "check-outcome").
  std::map<std::string, size_t> kinds;
  uint64_t bytes = 0;
  std::optional<std::string> last_run;  // "hits N, misses M, writes W" when recorded
};

// A persistent, content-addressed store of byte blobs in one folder (by default
// `.git/steward-cache/`), shared by runs, threads and processes:
//   - entries live in pack files (blob_cache_pack.h): each run that saves writes one new pack under
//     a temporary name and renames it into place at finish_run(), so a reader sees a whole pack or
//     none, and two runs at once never write the same file. Each entry keeps its own header
//     (magic, layout version, steward version, key, payload length, XXH3 checksum of the payload),
//     checked on every load: a truncated, corrupt or foreign entry counts as a miss, is never
//     trusted, and the next save writes a good one into a newer pack, which wins;
//   - after a run that saved, more than `max_bytes` are compacted into one pack of the newest good
//     entries (the oldest packs' entries go first); more than kMaxPacks packs within the bound
//     are compacted the same way, but only those newer than the largest pack (size tiers: a large
//     pack is not rewritten for a few small ones); the old packs are removed after the new one is
//     in place.
// load and save may be called from several threads at once. Failures to read or write (a read-only
// folder, a full disk) are misses, never errors: the cache only ever saves time.
class BlobCacheStore {
 public:
  static constexpr uint64_t kDefaultMaxBytes = 1024ull * 1024 * 1024;  // 1 GiB
  static constexpr size_t kMaxPacks = 8;

  BlobCacheStore(std::filesystem::path dir, std::string steward_version,
                 uint64_t max_bytes = kDefaultMaxBytes);
  // Publishes what this run saved when finish_run() was not called.
  ~BlobCacheStore();
  BlobCacheStore(const BlobCacheStore&) = delete;
  BlobCacheStore& operator=(const BlobCacheStore&) = delete;

  const std::filesystem::path& dir() const { return dir_; }

  // The payload saved for `key` by this steward version, or nullopt.
  std::optional<std::string> load(const BlobCacheKey& key);
  void save(const BlobCacheKey& key, std::string_view payload);

  // Publishes this run's pack, compacts when over kMaxPacks packs or the bound (only when this
  // run wrote) and records this run's counts for `steward cache info`. Call once at the end of a
  // run.
  void finish_run();

  BlobCacheSummary summary() const;
  // Removes every entry; returns how many.
  size_t clear();

  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }
  size_t writes() const { return writes_; }

 private:
  // Where one entry lies; the pack stays open while a location names it.
  struct Location {
    std::shared_ptr<PackFile> pack;
    uint64_t offset = 0;
    uint64_t size = 0;
  };

  void index_packs();  // once, under mutex_
  bool publish();      // under mutex_
  void compact();

  std::filesystem::path dir_;
  std::string version_;
  uint64_t max_bytes_;
  std::mutex mutex_;
  bool indexed_ = false;
  // Each key's entries, newest first: this run's saves, then the packs from newest to oldest.
  std::unordered_map<std::string, std::vector<Location>> index_;
  std::unique_ptr<PackWriter> writer_;  // this run's pack, from the first save to publish()
  std::atomic<size_t> hits_{0};
  std::atomic<size_t> misses_{0};
  std::atomic<size_t> writes_{0};
};

}  // namespace steward::config
