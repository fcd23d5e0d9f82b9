#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "config/blob_cache_store.h"

namespace steward::config {

// The layout of one entry file of the BlobCacheStore. Bump it when the layout changes: entries of
// another layout are foreign and ignored. 2: the checksum is XXH3's 64 bits, not zlib's CRC-32.
inline constexpr uint32_t kBlobCacheLayout = 2;

// The entry for `payload`: a header (magic, layout, steward version, key, payload length, XXH3
// checksum of the payload) followed by the payload.
std::string encode_cache_entry(const BlobCacheKey& key, std::string_view steward_version,
                               std::string_view payload);
// Only the header of that entry: a writer that has the payload in hand writes it after the header
// without copying it into one string first (a check's outcome is megabytes).
std::string encode_cache_entry_header(const BlobCacheKey& key, std::string_view steward_version,
                                      std::string_view payload);

// The payload of `entry` when it is whole and was written by `steward_version` for exactly `key`;
// nullopt for anything else (truncated, extended, garbage, another layout, version or key, a
// payload whose checksum does not match).
std::optional<std::string> decode_cache_entry(std::string_view entry, const BlobCacheKey& key,
                                              std::string_view steward_version);
// The same check, giving where the payload starts in `entry` instead of a copy of it: a check's
// outcome is megabytes, which the store hands on without copying them again.
std::optional<size_t> cache_entry_payload_at(std::string_view entry, const BlobCacheKey& key,
                                             std::string_view steward_version);

// What the header of an entry says, read without its payload (to index a pack of entries).
struct CacheEntryHeader {
  std::string steward_version;
  BlobCacheKey key;
  uint64_t header_size = 0;   // bytes before the payload
  uint64_t payload_size = 0;  // bytes of the payload that follows
};

// The header at the start of `bytes`, or nullopt when they do not start with a whole header of
// this layout (garbage, another layout, or too few bytes: a caller that passed a prefix of a
// longer file may pass more and try again).
std::optional<CacheEntryHeader> read_cache_entry_header(std::string_view bytes);

// The 64-bit XXH3 hash of `bytes` (libxxhash): it tells a damaged entry from a whole one, as
// zlib's CRC-32 did, about ten times as fast. A cold check sums every parse it stores, and a warm
// one the megabytes of its outcome, on every run.
uint64_t cache_checksum(std::string_view bytes);

}  // namespace steward::config
