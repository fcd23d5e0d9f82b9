#include "config/parse_cache.h"

namespace steward::config {

std::shared_ptr<const ReadResult> ParseCache::read(const std::string& path,
                                                   const std::string& blob_id,
                                                   const std::string& text,
                                                   const std::string& revision) {
  // The path is part of the key: spans name their file, so one blob at two paths is two entries.
  std::string key = blob_id.empty() ? std::string() : blob_id + ":" + path;
  if (!key.empty()) {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) {
      ++hits_;
      return it->second;
    }
  }
  auto result =
      std::make_shared<const ReadResult>(read_documents(make_source(path, text, revision)));
  std::lock_guard lock(mutex_);
  ++parses_;
  if (!key.empty()) entries_.emplace(key, result);
  return result;
}

}  // namespace steward::config
