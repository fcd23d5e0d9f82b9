#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "findings/rule_info.h"
#include "policy/checker.h"

namespace steward::cli {

// Where packs from git (`git+URL@REF#path`) come from: steward's clones and the lock.
struct GitPackOptions {
  std::filesystem::path clones;  // the folder of steward's clones; empty: none (git packs fail)
  bool offline = false;          // never fetch: a pack missing from the clones is an error
};

struct LoadedPacks {
  std::vector<std::shared_ptr<const policy::CheckedPack>> packs;
  findings::RuleTable rules;  // every rule of the packs, for reports and `steward explain`
};

// Loads and checks the packs steward.yaml names: `stdlib:NAME` (built into the binary) or a
// folder relative to `project_dir`. Throws DiagnosticsError (exit 2) when a pack does not parse or
// check, InputError when it cannot be found.
//
// With a `boundary` (the repository's work tree), a local pack must lie inside it and hold no
// symbolic link that leads outside it or nowhere: steward.yaml is part of the repository under
// review, so `packs: [/etc]` or a `.policy` linked to /proc/self/environ must not make steward
// read (and echo in its errors) files from elsewhere on the machine.
//
// A git pack is read from steward's clone at the commit steward.lock pins (fetched first when the
// clone lacks it, unless offline), or, without a lock entry, at the commit its ref names in the
// clone (fetched when the clone lacks the ref). A ref that now names another commit than the
// lock's is an error: the pack changed under the same name.
LoadedPacks load_packs(const std::vector<std::string>& specs,
                       const std::filesystem::path& project_dir,
                       const std::filesystem::path& boundary = {}, const GitPackOptions& git = {});

// Starts loading and checking every built-in pack on a thread of its own, once per process, so
// that the `stdlib:` packs a later load_packs asks for are ready or nearly: they depend on nothing
// in the repository, and parsing them took a tenth of a warm check, while opening the repository
// and reading its files came first on one core. Does nothing on a machine with one core.
void preload_stdlib_packs();
// Waits for that preload, if one runs: a command that stops early (an error) must not leave it
// running while the program's statics are destroyed. load_packs waits for it too.
void finish_stdlib_preload();

// preload_stdlib_packs() for a scope: on leaving it, however, the preload is finished.
struct StdlibPreload {
  StdlibPreload() { preload_stdlib_packs(); }
  ~StdlibPreload() { finish_stdlib_preload(); }
  StdlibPreload(const StdlibPreload&) = delete;
  StdlibPreload& operator=(const StdlibPreload&) = delete;
};

// One pack from a spec, loaded and checked (for `steward test` and `steward explain`).
std::shared_ptr<const policy::CheckedPack> load_checked_pack(
    const std::string& spec, const std::filesystem::path& project_dir,
    const std::filesystem::path& boundary = {}, const GitPackOptions& git = {});

// The commit a git pack's ref names: fetched into the clones (`steward packs fetch`).
std::string fetch_git_pack(const std::string& spec, const GitPackOptions& git);

findings::RuleInfo to_rule_info(const policy::RuleInfo& rule);

}  // namespace steward::cli
