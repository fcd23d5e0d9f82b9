#include "cli/persistent_cache.h"

#include <cstdlib>
#include <iostream>

#include "cli/project.h"
#include "config/document_codec.h"
#include "source/input_error.h"

namespace steward::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCacheDirVariable = "STEWARD_CACHE_DIR";

// The folder the user named, and how, for messages; empty when none.
std::pair<std::string, std::string> named_folder(const CacheOptions& options) {
  if (!options.dir.empty()) return {options.dir, "--cache-dir"};
  const char* variable = std::getenv(kCacheDirVariable);
  if (variable && *variable) return {variable, kCacheDirVariable};
  return {};
}

}  // namespace

std::optional<fs::path> cache_folder(const CacheOptions& options, const Project& project) {
  if (options.disabled) return std::nullopt;
  auto [named, how] = named_folder(options);
  if (!named.empty()) return fs::absolute(named);
  // In CI too: a runner that keeps its work folder between jobs (GitLab's fetch strategy, most
  // self-hosted runners) reuses it, and where the checkout is fresh, writing it costs one pack
  // file (docs/benchmarks.md). A job keeps it elsewhere by naming a folder (docs/ci.md).
  if (!project.in_git()) return std::nullopt;
  return project.repository().common_dir() / "steward-cache";
}

fs::path pack_clone_folder(const CacheOptions& options, const Project& project) {
  auto [named, how] = named_folder(options);
  if (!named.empty()) return fs::absolute(named) / "packs";
  if (project.in_git()) return project.repository().common_dir() / "steward-cache" / "packs";
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg) return fs::path(xdg) / "steward" / "packs";
  const char* home = std::getenv("HOME");
  if (home && *home) return fs::path(home) / ".cache" / "steward" / "packs";
  return {};
}

std::unique_ptr<config::BlobCacheStore> open_cache_store(const CacheOptions& options,
                                                         const Project& project) {
  std::optional<fs::path> folder = cache_folder(options, project);
  if (!folder) return nullptr;
  std::error_code ec;
  auto [named, how] = named_folder(options);
  if (named.empty()) {
    // The default folder is created by the first save, so a run that writes nothing leaves the
    // git folder as it was; one that is not a folder only means no cache.
    if (fs::exists(*folder, ec) && !fs::is_directory(*folder, ec)) return nullptr;
    return std::make_unique<config::BlobCacheStore>(*folder, STEWARD_VERSION);
  }
  fs::create_directories(*folder, ec);
  if (!ec && fs::is_directory(*folder, ec)) {
    return std::make_unique<config::BlobCacheStore>(*folder, STEWARD_VERSION);
  }
  throw InputError(how + " '" + named + "' is not a folder steward can create or use" +
                       (ec ? " (" + ec.message() + ")" : std::string()),
                   "name a writable folder (it is created when missing), or pass --no-cache");
}

config::ParseCodec parse_codec() {
  config::ParseCodec codec;
  // The format tag carries the codec's version, so entries of another encoding are misses.
  codec.format = "read-result/" + std::to_string(config::kDocumentCodecVersion);
  codec.encode = config::encode_read_result;
  codec.decode = config::decode_read_result;
  return codec;
}

}  // namespace steward::cli
