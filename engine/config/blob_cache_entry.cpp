#include "config/blob_cache_entry.h"

// Header-only (the functions are inlined here), so the binary gains no library to link or ship.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstring>

namespace steward::config {

namespace {

constexpr std::string_view kEntryMagic = "STWCACHE";

// Fixed-width little-endian integers, so an entry means the same on every machine that shares a
// cache folder (CI caches move between runners).
template <typename T>
void put_integer(std::string& out, T value) {
  for (size_t i = 0; i < sizeof(T); ++i)
    out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

void put_text(std::string& out, std::string_view text) {
  put_integer<uint32_t>(out, static_cast<uint32_t>(text.size()));
  out.append(text);
}

// Reads the header front to back; every read checks the bytes are there.
class EntryReader {
 public:
  explicit EntryReader(std::string_view bytes) : bytes_(bytes) {}

  template <typename T>
  std::optional<T> integer() {
    if (bytes_.size() < sizeof(T)) return std::nullopt;
    T value = 0;
    for (size_t i = 0; i < sizeof(T); ++i)
      value |= static_cast<T>(static_cast<unsigned char>(bytes_[i])) << (8 * i);
    bytes_.remove_prefix(sizeof(T));
    return value;
  }

  // True when the next field is the length-prefixed `expected`.
  bool text_equals(std::string_view expected) {
    auto size = integer<uint32_t>();
    if (!size || *size != expected.size() || bytes_.size() < *size) return false;
    bool equal = bytes_.substr(0, *size) == expected;
    bytes_.remove_prefix(*size);
    return equal;
  }

  std::optional<std::string> text() {
    auto size = integer<uint32_t>();
    if (!size || bytes_.size() < *size) return std::nullopt;
    std::string value(bytes_.substr(0, *size));
    bytes_.remove_prefix(*size);
    return value;
  }

  bool literal(std::string_view expected) {
    if (!bytes_.starts_with(expected)) return false;
    bytes_.remove_prefix(expected.size());
    return true;
  }

  std::string_view rest() const { return bytes_; }

 private:
  std::string_view bytes_;
};

}  // namespace

uint64_t cache_checksum(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

std::string encode_cache_entry_header(const BlobCacheKey& key, std::string_view steward_version,
                                      std::string_view payload) {
  std::string out;
  out.reserve(64 + steward_version.size() + key.blob_id.size() + key.path.size() +
              key.format.size());
  out.append(kEntryMagic);
  put_integer<uint32_t>(out, kBlobCacheLayout);
  put_text(out, steward_version);
  put_text(out, key.blob_id);
  put_text(out, key.path);
  put_text(out, key.format);
  put_integer<uint64_t>(out, payload.size());
  put_integer<uint64_t>(out, cache_checksum(payload));
  return out;
}

std::string encode_cache_entry(const BlobCacheKey& key, std::string_view steward_version,
                               std::string_view payload) {
  std::string out = encode_cache_entry_header(key, steward_version, payload);
  out.append(payload);
  return out;
}

std::optional<size_t> cache_entry_payload_at(std::string_view entry, const BlobCacheKey& key,
                                             std::string_view steward_version) {
  EntryReader reader(entry);
  if (!reader.literal(kEntryMagic)) return std::nullopt;
  if (reader.integer<uint32_t>() != kBlobCacheLayout) return std::nullopt;
  if (!reader.text_equals(steward_version) || !reader.text_equals(key.blob_id) ||
      !reader.text_equals(key.path) || !reader.text_equals(key.format)) {
    return std::nullopt;
  }
  auto length = reader.integer<uint64_t>();
  auto checksum = reader.integer<uint64_t>();
  if (!length || !checksum) return std::nullopt;
  std::string_view payload = reader.rest();
  if (payload.size() != *length || cache_checksum(payload) != *checksum) return std::nullopt;
  return static_cast<size_t>(payload.data() - entry.data());
}

std::optional<std::string> decode_cache_entry(std::string_view entry, const BlobCacheKey& key,
                                              std::string_view steward_version) {
  auto at = cache_entry_payload_at(entry, key, steward_version);
  if (!at) return std::nullopt;
  return std::string(entry.substr(*at));
}

std::optional<CacheEntryHeader> read_cache_entry_header(std::string_view bytes) {
  EntryReader reader(bytes);
  if (!reader.literal(kEntryMagic)) return std::nullopt;
  if (reader.integer<uint32_t>() != kBlobCacheLayout) return std::nullopt;
  CacheEntryHeader header;
  auto version = reader.text();
  auto blob_id = reader.text();
  auto path = reader.text();
  auto format = reader.text();
  auto length = reader.integer<uint64_t>();
  if (!version || !blob_id || !path || !format || !length || !reader.integer<uint64_t>()) {
    return std::nullopt;
  }
  header.steward_version = std::move(*version);
  header.key = {std::move(*blob_id), std::move(*path), std::move(*format)};
  header.header_size = bytes.size() - reader.rest().size();
  header.payload_size = *length;
  return header;
}

}  // namespace steward::config
