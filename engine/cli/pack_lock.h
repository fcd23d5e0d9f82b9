#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// steward.lock, next to steward.yaml: the commit each git pack of `packs:` resolved to. `steward
// packs fetch` writes it; `steward check` reads packs at these commits and refuses a pack whose
// tag or branch now names another commit, so a moved tag cannot change the rules unseen.
//
//     # steward.lock: ...
//     3f1c...40 hex... git+https://host/org/packs.git@v1.4.0#security
namespace steward::cli {

struct LockedPack {
  std::string commit;  // 40 hex digits
  std::string spec;    // the `packs:` entry, as written
};

struct PackLock {
  std::vector<LockedPack> packs;

  std::optional<std::string> commit_of(const std::string& spec) const;
  void set(const std::string& spec, const std::string& commit);
};

// The lock of the project folder `project_dir`; empty when it has none. Throws InputError for a
// line that is not `COMMIT SPEC`, naming the line.
PackLock read_pack_lock(const std::filesystem::path& project_dir);

// Writes the lock (throws InputError when it cannot).
void write_pack_lock(const std::filesystem::path& project_dir, const PackLock& lock);

}  // namespace steward::cli
