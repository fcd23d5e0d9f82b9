#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "config/blob_cache_store.h"
#include "config/parse_cache.h"

namespace steward::cli {

class Project;

// Where steward keeps what it computed for the next run (docs/configuration.md).
struct CacheOptions {
  std::string dir;        // --cache-dir; empty: STEWARD_CACHE_DIR, else <git folder>/steward-cache
  bool disabled = false;  // --no-cache
};

// The cache folder `options` name for `project`, or nullopt when there is none: --no-cache, or
// outside git with neither --cache-dir nor STEWARD_CACHE_DIR.
std::optional<std::filesystem::path> cache_folder(const CacheOptions& options,
                                                  const Project& project);

// Where steward keeps its clones of git packs (`packs: [git+URL@REF#path]`) for `project`: `packs`
// in the folder --cache-dir or STEWARD_CACHE_DIR names, else in the repository's git folder
// (steward-cache/packs, also in CI and with --no-cache: a pack must be kept somewhere), else in
// the user's cache ($XDG_CACHE_HOME or ~/.cache, steward/packs); empty when there is none.
std::filesystem::path pack_clone_folder(const CacheOptions& options, const Project& project);

// The store in that folder, or null when there is none. A folder given by --cache-dir or
// STEWARD_CACHE_DIR is created now, and InputError when it is a file or cannot be created; the
// default folder is created by the first save, and failing only means no cache (a read-only
// clone still checks).
std::unique_ptr<config::BlobCacheStore> open_cache_store(const CacheOptions& options,
                                                         const Project& project);

// How parsed documents are encoded in the store. Empty hooks (no store use) until the compact
// document codec (config/document_codec.h) is in: then encode_read_result / decode_read_result.
config::ParseCodec parse_codec();

}  // namespace steward::cli
