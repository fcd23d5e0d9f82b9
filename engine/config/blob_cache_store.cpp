#include "config/blob_cache_store.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "config/blob_cache_entry.h"

namespace steward::config {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kEntrySuffix = ".entry";
constexpr std::string_view kLastRunFile = "last-run";

std::optional<std::string> read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  const std::streamoff size = in.tellg();
  if (size < 0) return std::nullopt;
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return std::nullopt;
  return bytes;
}

// A name no other writer (thread or process) uses at the same time, in `dir`, so the rename that
// follows is atomic and never crosses a file system.
fs::path temporary_path(const fs::path& dir) {
  static std::atomic<uint64_t> counter{0};
  std::ostringstream name;
  name << ".tmp-" << ::getpid() << "-" << std::hash<std::thread::id>{}(std::this_thread::get_id())
       << "-" << counter++;
  return dir / name.str();
}

// Writes `bytes` to `path` through a temporary file and a rename; false on any failure.
bool write_atomically(const fs::path& path, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  const fs::path temporary = temporary_path(path.parent_path());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
      fs::remove(temporary, ec);
      return false;
    }
  }
  fs::rename(temporary, path, ec);
  if (ec) fs::remove(temporary, ec);
  return !ec;
}

bool is_hex_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

std::string hex32(uint32_t value) {
  char text[9];
  std::snprintf(text, sizeof text, "%08x", value);
  return text;
}

struct EntryFile {
  fs::path path;
  uint64_t bytes = 0;
  fs::file_time_type written;
};

// Every entry file in the store; unreadable ones are skipped.
std::vector<EntryFile> list_entries(const fs::path& dir) {
  std::vector<EntryFile> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    if (path.extension() != kEntrySuffix) continue;
    std::error_code stat_error;
    EntryFile entry{path, it->file_size(stat_error), it->last_write_time(stat_error)};
    if (!stat_error) entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

BlobCacheStore::BlobCacheStore(fs::path dir, std::string steward_version, uint64_t max_bytes)
    : dir_(std::move(dir)), version_(std::move(steward_version)), max_bytes_(max_bytes) {}

fs::path BlobCacheStore::entry_path(const BlobCacheKey& key) const {
  // The blob id makes the name unique in practice; the checksum of the rest of the key keeps one
  // blob at two paths (or in two formats) apart. A clash would only make two keys share a file,
  // which the header check turns into a miss.
  std::string rest = key.path + '\0' + key.format + '\0' + version_;
  std::string id = is_hex_id(key.blob_id) ? key.blob_id : hex32(cache_checksum(key.blob_id));
  return dir_ / (id + "-" + hex32(cache_checksum(rest)) + std::string(kEntrySuffix));
}

std::optional<std::string> BlobCacheStore::load(const BlobCacheKey& key) {
  std::optional<std::string> entry = read_whole_file(entry_path(key));
  std::optional<std::string> payload;
  if (entry) payload = decode_cache_entry(*entry, key, version_);
  ++(payload ? hits_ : misses_);
  return payload;
}

void BlobCacheStore::save(const BlobCacheKey& key, std::string_view payload) {
  if (write_atomically(entry_path(key), encode_cache_entry(key, version_, payload))) ++writes_;
}

void BlobCacheStore::evict_over_bound() {
  std::vector<EntryFile> entries = list_entries(dir_);
  uint64_t total = 0;
  for (const auto& entry : entries)
    total += entry.bytes;
  if (total <= max_bytes_) return;
  std::sort(entries.begin(), entries.end(),
            [](const EntryFile& a, const EntryFile& b) { return a.written < b.written; });
  std::error_code ec;
  for (const auto& entry : entries) {
    if (total <= max_bytes_) break;
    if (fs::remove(entry.path, ec)) total -= entry.bytes;
  }
}

void BlobCacheStore::finish_run() {
  if (writes_ > 0) evict_over_bound();
  if (hits_ + misses_ + writes_ == 0) return;
  std::ostringstream line;
  line << "hits " << hits_ << ", misses " << misses_ << ", writes " << writes_ << "\n";
  write_atomically(dir_ / kLastRunFile, line.str());
}

BlobCacheSummary BlobCacheStore::summary() const {
  BlobCacheSummary summary;
  for (const auto& entry : list_entries(dir_)) {
    ++summary.entries;
    summary.bytes += entry.bytes;
  }
  if (auto last_run = read_whole_file(dir_ / kLastRunFile)) {
    while (!last_run->empty() && last_run->back() == '\n')
      last_run->pop_back();
    summary.last_run = std::move(*last_run);
  }
  return summary;
}

size_t BlobCacheStore::clear() {
  size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : list_entries(dir_))
    removed += fs::remove(entry.path, ec) ? 1 : 0;
  // Temporary files of runs that died before their rename, and the last run's counts.
  std::vector<fs::path> leftovers;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.starts_with(".tmp-") || name == kLastRunFile) leftovers.push_back(it->path());
  }
  for (const auto& path : leftovers)
    fs::remove(path, ec);
  return removed;
}

}  // namespace steward::config
