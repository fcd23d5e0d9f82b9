#include "config/blob_cache_store.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "config/blob_cache_entry.h"
#include "config/blob_cache_pack.h"

namespace steward::config {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kLastRunFile = "last-run";
// Entry files of the store's first layout (one file per entry); `clear` removes them.
constexpr std::string_view kLegacyEntrySuffix = ".entry";
// A temporary file this old belongs to a run that died before publishing.
constexpr auto kAbandonedAfter = std::chrono::hours(24);

std::string index_key(const BlobCacheKey& key) {
  std::string text;
  text.reserve(key.blob_id.size() + key.path.size() + key.format.size() + 2);
  text.append(key.blob_id).append(1, '\0').append(key.path).append(1, '\0').append(key.format);
  return text;
}

struct PackOnDisk {
  fs::path path;
  fs::file_time_type written;
};

// The published packs of `dir`, newest first.
std::vector<PackOnDisk> list_packs(const fs::path& dir) {
  std::vector<PackOnDisk> packs;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with("pack-") || it->path().extension() != kPackSuffix) continue;
    std::error_code stat_error;
    PackOnDisk pack{it->path(), it->last_write_time(stat_error)};
    if (!stat_error) packs.push_back(std::move(pack));
  }
  std::sort(packs.begin(), packs.end(), [](const PackOnDisk& a, const PackOnDisk& b) {
    return a.written != b.written ? a.written > b.written : a.path > b.path;
  });
  return packs;
}

std::optional<std::string> read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_through_rename(const fs::path& path, std::string_view bytes) {
  const fs::path temporary = unique_path(path.parent_path(), kTemporaryPrefix, "");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return;
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) fs::remove(temporary, ec);
}

// Whole, good entries of every version, the newest of each (version, key) once, newest first.
struct GoodEntry {
  std::shared_ptr<PackFile> pack;
  PackedEntry entry;
};
std::vector<GoodEntry> distinct_entries(const std::vector<PackOnDisk>& packs) {
  std::vector<GoodEntry> entries;
  std::unordered_set<std::string> seen;
  for (const auto& pack : packs) {
    auto file = PackFile::open(pack.path);
    if (!file) continue;
    for (auto& entry : file->entries()) {
      if (!seen.insert(entry.header.steward_version + '\0' + index_key(entry.header.key)).second)
        continue;
      entries.push_back({file, std::move(entry)});
    }
  }
  return entries;
}

}  // namespace

BlobCacheStore::BlobCacheStore(fs::path dir, std::string steward_version, uint64_t max_bytes)
    : dir_(std::move(dir)), version_(std::move(steward_version)), max_bytes_(max_bytes) {}

BlobCacheStore::~BlobCacheStore() {
  std::lock_guard lock(mutex_);
  publish();
}

void BlobCacheStore::index_packs() {
  if (indexed_) return;
  indexed_ = true;
  for (const auto& pack : list_packs(dir_)) {
    auto file = PackFile::open(pack.path);
    if (!file) continue;  // removed by a compaction since the listing, or not a pack
    for (const auto& entry : file->entries()) {
      if (entry.header.steward_version != version_) continue;  // foreign: never read
      index_[index_key(entry.header.key)].push_back({file, entry.offset, entry.size});
    }
  }
}

std::optional<std::string> BlobCacheStore::load(const BlobCacheKey& key) {
  std::vector<Location> locations;
  {
    std::lock_guard lock(mutex_);
    index_packs();
    if (auto it = index_.find(index_key(key)); it != index_.end()) locations = it->second;
    if (writer_ && !locations.empty() && locations.front().pack == writer_->file())
      writer_->flush();
  }
  // Every location is checked again as it is read: the file may have changed since it was
  // indexed. The first good one wins; a bad one is only a miss.
  for (const auto& location : locations) {
    auto bytes = location.pack->read(location.offset, location.size);
    if (!bytes) continue;
    if (auto payload_at = cache_entry_payload_at(*bytes, key, version_)) {
      ++hits_;
      bytes->erase(0, *payload_at);  // the header: a move within the entry, not a second copy
      return bytes;
    }
  }
  ++misses_;
  return std::nullopt;
}

void BlobCacheStore::save(const BlobCacheKey& key, std::string_view payload) {
  const std::string header = encode_cache_entry_header(key, version_, payload);
  std::lock_guard lock(mutex_);
  index_packs();
  if (!writer_) writer_ = PackWriter::create(dir_);
  if (!writer_) return;
  auto offset = writer_->append(header, payload);
  if (!offset) return;
  auto& locations = index_[index_key(key)];
  locations.insert(locations.begin(),
                   Location{writer_->file(), *offset, header.size() + payload.size()});
  ++writes_;
}

bool BlobCacheStore::publish() {
  if (!writer_) return false;
  bool published = writer_->publish();
  // Locations keep the file open, so this run still reads what it saved.
  writer_.reset();
  return published;
}

void BlobCacheStore::compact() {
  std::vector<PackOnDisk> packs = list_packs(dir_);  // newest first
  std::vector<uint64_t> sizes;
  uint64_t total = 0;
  for (const auto& pack : packs) {
    std::error_code ec;
    const uint64_t size = fs::file_size(pack.path, ec);
    sizes.push_back(ec ? 0 : size);
    total += sizes.back();
  }
  if (packs.size() <= kMaxPacks && total <= max_bytes_) return;
  if (total <= max_bytes_) {
    // Too many packs, not too many bytes: only the packs newer than the largest are merged, into
    // one that is newer still, so that a pack of every parse of a large repository is not
    // rewritten every few runs (it was: a gigabyte read and written on one run in eight). The
    // newest entry of a key still wins: the merged pack keeps the order of what it merges, and
    // is newer than every pack it leaves. With fewer than two such packs, all are merged.
    const auto largest = std::max_element(sizes.begin(), sizes.end()) - sizes.begin();
    if (largest >= 2) packs.resize(static_cast<size_t>(largest));
  }
  auto writer = PackWriter::create(dir_);
  if (!writer) return;
  uint64_t kept = kPackMagic.size();
  for (const auto& good : distinct_entries(packs)) {
    if (kept + good.entry.size > max_bytes_) break;  // the rest are older
    auto bytes = good.pack->read(good.entry.offset, good.entry.size);
    if (!bytes ||
        !cache_entry_payload_at(*bytes, good.entry.header.key, good.entry.header.steward_version)) {
      continue;  // damaged: dropped
    }
    if (!writer->append(*bytes)) return;
    kept += good.entry.size;
  }
  if (!writer->publish()) return;
  // Only the packs read above: one published since by another run stays. A reader that has one
  // of them open keeps reading it; one that lists it after this finds it gone (a miss).
  std::error_code ec;
  for (const auto& pack : packs)
    fs::remove(pack.path, ec);
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code stat_error;
    if (it->path().filename().string().starts_with(kTemporaryPrefix) &&
        now - it->last_write_time(stat_error) > kAbandonedAfter && !stat_error) {
      fs::remove(it->path(), stat_error);
    }
  }
}

void BlobCacheStore::finish_run() {
  bool published = false;
  {
    std::lock_guard lock(mutex_);
    published = publish();
  }
  if (published) compact();
  if (hits_ + misses_ + writes_ == 0) return;
  std::ostringstream line;
  line << "hits " << hits_ << ", misses " << misses_ << ", writes " << writes_ << "\n";
  write_through_rename(dir_ / kLastRunFile, line.str());
}

BlobCacheSummary BlobCacheStore::summary() const {
  BlobCacheSummary summary;
  std::vector<PackOnDisk> packs = list_packs(dir_);
  for (const auto& pack : packs) {
    std::error_code ec;
    summary.bytes += fs::file_size(pack.path, ec);
  }
  const std::vector<GoodEntry> entries = distinct_entries(packs);
  summary.entries = entries.size();
  for (const auto& good : entries) {
    const std::string& format = good.entry.header.key.format;
    ++summary.kinds[format.substr(0, format.find('/'))];
  }
  if (auto last_run = read_whole_file(dir_ / kLastRunFile)) {
    while (!last_run->empty() && last_run->back() == '\n')
      last_run->pop_back();
    summary.last_run = std::move(*last_run);
  }
  return summary;
}

size_t BlobCacheStore::clear() {
  std::lock_guard lock(mutex_);
  writer_.reset();  // this run's unpublished saves go too
  index_.clear();
  indexed_ = true;  // everything on disk goes; saves after this start a new pack
  std::vector<PackOnDisk> packs = list_packs(dir_);
  size_t removed = distinct_entries(packs).size();
  std::error_code ec;
  for (const auto& pack : packs)
    fs::remove(pack.path, ec);
  // Temporary files of runs that died before their rename, entry files of the first layout and
  // the last run's counts.
  std::vector<fs::path> leftovers;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.starts_with(kTemporaryPrefix) || name == kLastRunFile ||
        it->path().extension() == kLegacyEntrySuffix) {
      leftovers.push_back(it->path());
    }
  }
  for (const auto& path : leftovers)
    fs::remove(path, ec);
  return removed;
}

}  // namespace steward::config
