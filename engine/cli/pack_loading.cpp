#include "cli/pack_loading.h"

#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "cli/diagnostics_error.h"
#include "cli/pack_lock.h"
#include "config/steward_config.h"
#include "git/pack_fetch.h"
#include "policy/limits.h"
#include "policy/stdlib_packs.h"
#include "rules/builtins.h"
#include "source/spelling.h"

namespace steward::cli {

namespace {

constexpr std::string_view kStdlibPrefix = "stdlib:";

namespace fs = std::filesystem;

// Whether `path` (canonical) is `folder` (canonical) or lies below it.
bool inside(const fs::path& path, const fs::path& folder) {
  return std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first ==
         folder.end();
}

[[noreturn]] void outside(const std::string& spec, const std::string& what) {
  throw InputError("steward.yaml names the pack '" + spec + "': " + what,
                   "a local pack is a folder inside the repository, relative to steward.yaml "
                   "(for example `./policies`); steward never reads outside the repository");
}

// A local pack folder must lie inside `boundary`, and so must every symbolic link in it lead.
void require_inside(const std::string& spec, const fs::path& folder, const fs::path& boundary) {
  std::error_code ec;
  const fs::path root = fs::canonical(boundary, ec);
  if (ec) return;  // no boundary to hold it to
  if (fs::path(spec).is_absolute()) outside(spec, "an absolute path");
  fs::path resolved = fs::canonical(folder, ec);
  if (ec) return;  // missing: load_pack_folder says so
  if (!inside(resolved, root)) outside(spec, "a folder outside the repository");
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_symlink(ec)) continue;
    fs::path target = fs::canonical(it->path(), ec);
    if (ec || !inside(target, root)) {
      outside(spec, "'" + it->path().lexically_relative(folder).generic_string() +
                        "' is a symbolic link that leads outside the repository or nowhere");
    }
  }
}

git::PackCache pack_cache(const std::string& spec, const GitPackOptions& git) {
  if (git.clones.empty()) {
    throw InputError(
        "the pack '" + spec + "' comes from git, but steward has no folder to keep it in",
        "run steward inside a git repository, or name a folder with --cache-dir or "
        "STEWARD_CACHE_DIR");
  }
  return git::PackCache(git.clones);
}

// The commit to read a git pack at (see load_packs).
std::string pinned_commit(const std::string& spec, const config::GitPackSpec& remote,
                          const fs::path& project_dir, const GitPackOptions& git) {
  git::PackCache cache = pack_cache(spec, git);
  std::optional<std::string> locked = read_pack_lock(project_dir).commit_of(spec);
  if (locked && cache.has_commit(remote.url, *locked)) return *locked;
  if (!locked) {
    if (auto cached = cache.resolve_cached(remote.url, remote.ref)) return *cached;
  }
  if (git.offline) {
    throw InputError("the pack '" + spec +
                         "' is not in steward's cache, and --offline forbids "
                         "fetching it",
                     "run `steward packs fetch` once with network access (or a CI cache step that "
                     "keeps the cache folder), then check --offline");
  }
  std::string commit = cache.fetch(remote.url, remote.ref);
  if (locked && commit != *locked) {
    throw InputError("the pack '" + spec + "' names commit " + commit + ", but steward.lock pins " +
                         *locked + ": its ref moved",
                     "review what changed in the pack, then run `steward packs fetch --update` to "
                     "pin the new commit");
  }
  return commit;
}

policy::LoadedPack load_git_pack(const std::string& spec, const config::GitPackSpec& remote,
                                 const fs::path& project_dir, const GitPackOptions& git) {
  std::string commit = pinned_commit(spec, remote, project_dir, git);
  if (git::is_commit_id(remote.ref) && commit != remote.ref) {
    throw InputError("the pack '" + spec + "' resolved to commit " + commit,
                     "pin the full commit id the pack's repository has");
  }
  std::vector<git::PackFile> files =
      pack_cache(spec, git).read_pack(remote.url, commit, remote.path, policy::kMaxPolicyFileBytes);
  if (files.empty()) {
    throw InputError("the pack '" + spec + "' holds no .policy file at commit " + commit,
                     "fix the path after `#`: the folder of the pack's .policy files");
  }
  std::vector<policy::PackSource> sources;
  std::string prefix = remote.url + "@" + remote.ref + "/" +
                       (remote.path.empty() ? std::string() : remote.path + "/");
  for (auto& file : files)
    sources.push_back({prefix + file.path, std::move(file.text)});
  return policy::load_pack(spec, std::move(sources));
}

policy::LoadedPack load_spec(const std::string& spec, const fs::path& project_dir,
                             const fs::path& boundary, const GitPackOptions& git) {
  if (auto remote = config::parse_git_pack(spec)) {
    return load_git_pack(spec, *remote, project_dir, git);
  }
  if (spec.starts_with(kStdlibPrefix)) {
    std::string name = spec.substr(kStdlibPrefix.size());
    auto sources = policy::stdlib_pack_sources(name);
    if (!sources) {
      std::vector<std::string> known = policy::stdlib_pack_names();
      std::string list;
      for (const auto& k : known)
        list += (list.empty() ? "" : ", ") + std::string(kStdlibPrefix) + k;
      auto guess = closest_match(name, known);
      throw InputError(
          "steward.yaml names the pack '" + spec + "', which steward does not have",
          guess ? "did you mean 'stdlib:" + *guess + "'?" : "the built-in packs are " + list);
    }
    return policy::load_pack(spec, std::move(*sources));
  }
  fs::path folder = fs::path(spec).is_absolute() ? fs::path(spec) : project_dir / spec;
  if (!boundary.empty()) require_inside(spec, folder.lexically_normal(), boundary);
  return policy::load_pack_folder(folder.lexically_normal());
}

// The built-in packs preload_stdlib_packs() loads: each by name, or its failure (never expected of
// a built-in pack, and then reported where the pack is asked for, as without the preload).
using PreloadedPacks = std::map<std::string, std::shared_ptr<const policy::CheckedPack>>;

std::shared_future<PreloadedPacks>& preloaded_stdlib() {
  static std::shared_future<PreloadedPacks> preloaded;
  return preloaded;
}

}  // namespace

void preload_stdlib_packs() {
  static std::once_flag started;
  std::call_once(started, [] {
    if (std::thread::hardware_concurrency() < 2) return;
    preloaded_stdlib() = std::async(std::launch::async, [] {
                           PreloadedPacks packs;
                           for (const auto& name : policy::stdlib_pack_names()) {
                             try {
                               packs[name] =
                                   load_checked_pack(std::string(kStdlibPrefix) + name, {}, {}, {});
                             } catch (...) {
                               // Asked for, it is loaded again and fails there.
                             }
                           }
                           return packs;
                         }).share();
  });
}

void finish_stdlib_preload() {
  if (preloaded_stdlib().valid()) preloaded_stdlib().wait();
}

findings::RuleInfo to_rule_info(const policy::RuleInfo& rule) {
  // The rule's own `url`; without one, rule_catalog links the standard page or `docs_url`.
  return {rule.id, rule.title, rule.help, rule.severity, rule.url, rule.tags};
}

std::string fetch_git_pack(const std::string& spec, const GitPackOptions& git) {
  auto remote = config::parse_git_pack(spec);
  if (!remote) throw InputError("'" + spec + "' is not a git pack");
  return pack_cache(spec, git).fetch(remote->url, remote->ref);
}

std::shared_ptr<const policy::CheckedPack> load_checked_pack(const std::string& spec,
                                                             const fs::path& project_dir,
                                                             const fs::path& boundary,
                                                             const GitPackOptions& git) {
  policy::LoadedPack loaded = load_spec(spec, project_dir, boundary, git);
  if (!loaded.ok()) {
    throw DiagnosticsError("the pack '" + spec + "' does not parse", loaded.diagnostics,
                           "fix the places shown; docs/language.md has the syntax");
  }
  policy::CheckResult checked = policy::check_pack(loaded.pack, rules::builtin_functions());
  if (!checked.ok()) {
    throw DiagnosticsError("the pack '" + spec + "' does not check", checked.diagnostics,
                           "fix the places shown; nothing runs until every pack checks");
  }
  return checked.pack;
}

LoadedPacks load_packs(const std::vector<std::string>& specs, const fs::path& project_dir,
                       const fs::path& boundary, const GitPackOptions& git) {
  // Waited for first, also when no built-in pack is asked for: two packs are never parsed at once.
  const PreloadedPacks* preloaded =
      preloaded_stdlib().valid() ? &preloaded_stdlib().get() : nullptr;
  LoadedPacks loaded;
  for (const auto& spec : specs) {
    std::shared_ptr<const policy::CheckedPack> pack;
    if (preloaded && spec.starts_with(kStdlibPrefix)) {
      auto it = preloaded->find(spec.substr(kStdlibPrefix.size()));
      if (it != preloaded->end()) pack = it->second;
    }
    if (!pack) pack = load_checked_pack(spec, project_dir, boundary, git);
    for (const auto& rule : pack->pack().rules())
      loaded.rules.push_back(to_rule_info(rule));
    loaded.packs.push_back(std::move(pack));
  }
  return loaded;
}

}  // namespace steward::cli
