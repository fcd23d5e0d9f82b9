#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "config/blob_cache_store.h"
#include "config/document_reader.h"

namespace steward::config {

// How parsed files are written to and read back from a BlobCacheStore. `format` names the
// encoding and its version (it is part of every key), so a change of encoding never reads old
// bytes. `decode` returns nullopt for bytes it does not accept, which counts as a miss; it takes
// the bytes over, so that a decoded parse can keep them instead of a copy.
struct ParseCodec {
  std::string format;
  std::function<std::string(const ReadResult&)> encode;
  std::function<std::optional<ReadResult>(std::string bytes, const SourceRef& source)> decode;
};

// Parsed files keyed by git blob id and path: a file unchanged between base and head is parsed
// once, so a pull request touching three files of a large repository costs little more than
// parsing those three. With a persistent store and a codec, parses also outlive the run: the next
// run decodes instead of parsing. Safe to use from several threads.
class ParseCache {
 public:
  // Parses kept for later reads (see `keep`) hold at most this much source text; their nodes take
  // arenas of about ten times as much (document_reader.cpp). Past it a parse is returned but not
  // kept: a blob read again is parsed again (or decoded from the store), which costs time, never a
  // different result.
  static constexpr size_t kDefaultMaxKeptBytes = size_t{16} << 20;

  explicit ParseCache(size_t max_kept_bytes = kDefaultMaxKeptBytes)
      : max_kept_bytes_(max_kept_bytes) {}

  // Keeps parses in `store` (not owned; it must outlive the cache) through `codec`.
  void use_store(BlobCacheStore* store, ParseCodec codec);

  // The parse of `text` at `path`, from the cache when the same blob was read before. `text` is
  // taken over by the result's source (pass it with std::move to keep one copy of each file).
  // `keep`: remember the parse for later reads of the same blob in this run. A loader that shares
  // parses itself passes false, so that the cache does not hold every parsed tree to the end.
  std::shared_ptr<const ReadResult> read(const std::string& path, const std::string& blob_id,
                                         std::string text, const std::string& revision,
                                         bool keep = true);
  // Counts a read that the caller shared itself (see `keep`), for hits().
  void count_shared();

  size_t parses() const { return parses_; }          // how many files were actually parsed
  size_t hits() const { return hits_; }              // shared with an earlier read in this run
  size_t loaded() const { return loaded_; }          // decoded from the persistent store
  size_t kept_bytes() const { return kept_bytes_; }  // source text of the parses kept
  // Time spent in each, summed over the threads that read (for `--stats`): reading a store
  // entry and decoding it; parsing; encoding a parse and writing it to the store.
  double decode_ms() const { return milliseconds(decode_time_); }
  double parse_ms() const { return milliseconds(parse_time_); }
  double encode_ms() const { return milliseconds(encode_time_); }

 private:
  std::shared_ptr<const ReadResult> parse(const std::string& path, const std::string& blob_id,
                                          const SourceRef& source);
  static double milliseconds(std::chrono::nanoseconds time) {
    return std::chrono::duration<double, std::milli>(time).count();
  }

  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const ReadResult>> entries_;
  BlobCacheStore* store_ = nullptr;
  ParseCodec codec_;
  size_t max_kept_bytes_;
  size_t kept_bytes_ = 0;
  size_t parses_ = 0;
  size_t hits_ = 0;
  size_t loaded_ = 0;
  std::chrono::nanoseconds decode_time_{0};
  std::chrono::nanoseconds parse_time_{0};
  std::chrono::nanoseconds encode_time_{0};
};

}  // namespace steward::config
