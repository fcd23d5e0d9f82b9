#include "config/parse_cache.h"

namespace steward::config {

void ParseCache::use_store(BlobCacheStore* store, ParseCodec codec) {
  std::lock_guard lock(mutex_);
  store_ = store && codec.encode && codec.decode ? store : nullptr;
  codec_ = std::move(codec);
}

// Decodes from the store when it holds this blob, else parses (and saves the parse). The store is
// read and written outside the lock: its files are independent and the work is the slow part.
std::shared_ptr<const ReadResult> ParseCache::parse(const std::string& path,
                                                    const std::string& blob_id,
                                                    const SourceRef& source) {
  using Clock = std::chrono::steady_clock;
  const BlobCacheKey key{blob_id, path, codec_.format};
  const bool persistent = store_ != nullptr && !blob_id.empty();
  if (persistent) {
    const auto started = Clock::now();
    std::optional<ReadResult> decoded;
    if (auto bytes = store_->load(key)) decoded = codec_.decode(std::move(*bytes), source);
    std::lock_guard lock(mutex_);
    decode_time_ += Clock::now() - started;  // a miss's look-up counts too
    if (decoded) {
      ++loaded_;
      return std::make_shared<const ReadResult>(std::move(*decoded));
    }
  }
  const auto started = Clock::now();
  auto result = std::make_shared<const ReadResult>(read_documents(source));
  const auto parsed = Clock::now();
  if (persistent) store_->save(key, codec_.encode(*result));
  std::lock_guard lock(mutex_);
  parse_time_ += parsed - started;
  encode_time_ += Clock::now() - parsed;
  ++parses_;
  return result;
}

std::shared_ptr<const ReadResult> ParseCache::read(const std::string& path,
                                                   const std::string& blob_id, std::string text,
                                                   const std::string& revision, bool keep) {
  // The path is part of the key: spans name their file, so one blob at two paths is two entries.
  std::string key = blob_id.empty() ? std::string() : blob_id + ":" + path;
  if (!key.empty()) {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) {
      ++hits_;
      return it->second;
    }
  }
  auto result = parse(path, blob_id, make_source(path, std::move(text), revision));
  if (!key.empty() && keep) {
    const size_t bytes = result->source->text().size();
    std::lock_guard lock(mutex_);
    if (kept_bytes_ + bytes <= max_kept_bytes_ && entries_.emplace(key, result).second) {
      kept_bytes_ += bytes;
    }
  }
  return result;
}

void ParseCache::count_shared() {
  std::lock_guard lock(mutex_);
  ++hits_;
}

}  // namespace steward::config
