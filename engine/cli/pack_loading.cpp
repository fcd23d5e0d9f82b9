#include "cli/pack_loading.h"

#include <algorithm>

#include "cli/diagnostics_error.h"
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

policy::LoadedPack load_spec(const std::string& spec, const fs::path& project_dir,
                             const fs::path& boundary) {
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

}  // namespace

findings::RuleInfo to_rule_info(const policy::RuleInfo& rule) {
  // The rule's own `url`; without one, rule_catalog links the standard page or `docs_url`.
  return {rule.id, rule.title, rule.help, rule.severity, rule.url, rule.tags};
}

std::shared_ptr<const policy::CheckedPack> load_checked_pack(const std::string& spec,
                                                             const fs::path& project_dir,
                                                             const fs::path& boundary) {
  policy::LoadedPack loaded = load_spec(spec, project_dir, boundary);
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
                       const fs::path& boundary) {
  LoadedPacks loaded;
  for (const auto& spec : specs) {
    auto pack = load_checked_pack(spec, project_dir, boundary);
    for (const auto& rule : pack->pack().rules())
      loaded.rules.push_back(to_rule_info(rule));
    loaded.packs.push_back(std::move(pack));
  }
  return loaded;
}

}  // namespace steward::cli
