#include "cli/pack_lock.h"

#include <fstream>
#include <sstream>

#include "git/pack_fetch.h"
#include "source/input_error.h"

namespace steward::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kLockFile = "steward.lock";
// A lock names a handful of packs; anything larger is not one.
constexpr uintmax_t kMaxLockBytes = 1024 * 1024;

}  // namespace

std::optional<std::string> PackLock::commit_of(const std::string& spec) const {
  for (const auto& p : packs) {
    if (p.spec == spec) return p.commit;
  }
  return std::nullopt;
}

void PackLock::set(const std::string& spec, const std::string& commit) {
  for (auto& p : packs) {
    if (p.spec == spec) {
      p.commit = commit;
      return;
    }
  }
  packs.push_back({commit, spec});
}

PackLock read_pack_lock(const fs::path& project_dir) {
  PackLock lock;
  fs::path path = project_dir / kLockFile;
  std::error_code ec;
  if (!fs::exists(path, ec)) return lock;
  const std::string fix = "delete steward.lock and run `steward packs fetch` to write it again";
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) > kMaxLockBytes) {
    throw InputError("steward.lock is not a file of up to 1 MiB", fix);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read steward.lock", fix);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.starts_with('#')) continue;
    size_t space = line.find(' ');
    std::string commit = line.substr(0, space);
    if (space == std::string::npos || !git::is_commit_id(commit) || space + 1 == line.size()) {
      throw InputError("steward.lock:" + std::to_string(number) +
                           ": expected `COMMIT git+URL@REF#path` (a 40-digit commit id)",
                       fix);
    }
    lock.packs.push_back({commit, line.substr(space + 1)});
  }
  return lock;
}

void write_pack_lock(const fs::path& project_dir, const PackLock& lock) {
  std::ostringstream text;
  text << "# steward.lock: the commit each git pack of steward.yaml resolved to. Written by\n"
          "# `steward packs fetch`; commit it. steward check reads the packs at these commits.\n";
  for (const auto& p : lock.packs)
    text << p.commit << " " << p.spec << "\n";
  fs::path path = project_dir / kLockFile;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text.str();
  out.close();
  if (!out) throw InputError("cannot write " + path.string(), "check that the folder is writable");
}

}  // namespace steward::cli
