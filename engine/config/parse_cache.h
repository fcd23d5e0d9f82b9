#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "config/document_reader.h"

namespace steward::config {

// Parsed files keyed by git blob id and path: a file unchanged between base and head is parsed
// once, so a pull request touching three files of a large repository costs little more than
// parsing those three. Safe to use from several threads.
class ParseCache {
 public:
  // The parse of `text` at `path`, from the cache when the same blob was read before.
  std::shared_ptr<const ReadResult> read(const std::string& path, const std::string& blob_id,
                                         const std::string& text, const std::string& revision);

  size_t parses() const { return parses_; }  // how many files were actually parsed
  size_t hits() const { return hits_; }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const ReadResult>> entries_;
  size_t parses_ = 0;
  size_t hits_ = 0;
};

}  // namespace steward::config
