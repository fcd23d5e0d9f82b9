#include "cli/pack_loading.h"

#include "cli/diagnostics_error.h"
#include "policy/stdlib_packs.h"
#include "rules/builtins.h"
#include "source/spelling.h"

namespace steward::cli {

namespace {

constexpr std::string_view kStdlibPrefix = "stdlib:";

policy::LoadedPack load_spec(const std::string& spec, const std::filesystem::path& project_dir) {
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
  std::filesystem::path folder =
      std::filesystem::path(spec).is_absolute() ? std::filesystem::path(spec) : project_dir / spec;
  return policy::load_pack_folder(folder.lexically_normal());
}

}  // namespace

findings::RuleInfo to_rule_info(const policy::RuleInfo& rule) {
  return {rule.id, rule.title, rule.help, rule.severity, "steward explain " + rule.id};
}

std::shared_ptr<const policy::CheckedPack> load_checked_pack(
    const std::string& spec, const std::filesystem::path& project_dir) {
  policy::LoadedPack loaded = load_spec(spec, project_dir);
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

LoadedPacks load_packs(const std::vector<std::string>& specs,
                       const std::filesystem::path& project_dir) {
  LoadedPacks loaded;
  for (const auto& spec : specs) {
    auto pack = load_checked_pack(spec, project_dir);
    for (const auto& rule : pack->pack().rules())
      loaded.rules.push_back(to_rule_info(rule));
    loaded.packs.push_back(std::move(pack));
  }
  return loaded;
}

}  // namespace steward::cli
