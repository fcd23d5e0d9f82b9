#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "policy/ast.h"
#include "source/diagnostic.h"

namespace steward::policy {

// One `.policy` file's text, from disk or embedded in the binary (stdlib packs).
struct PackSource {
  std::string path;  // as messages show it: "policies/pii.policy", "stdlib/pii/allowlist.policy"
  std::string text;
};

// What reports and `steward explain` show about a rule.
struct RuleInfo {
  std::string id;
  std::string pack;
  Severity severity = Severity::error;  // as the pack declares it; steward.yaml may override
  std::string title;
  std::string help;
  std::string url;  // `url "..."`: the rule's documentation page; empty when not given
  Span span;        // the rule's id in its .policy file
  std::vector<std::string> tags{};  // `tags [...]`, as written
};

// A parsed rule pack: the files of one `pack NAME`, with their rules and functions.
class RulePack {
 public:
  const std::string& name() const { return name_; }
  // Where it was loaded from: a folder, "stdlib:pii".
  const std::string& label() const { return label_; }
  const std::vector<std::unique_ptr<PolicyFile>>& files() const { return files_; }

  std::vector<RuleInfo> rules() const;
  const RuleDecl* find_rule(std::string_view id) const;

  // For the checker, which resolves names in place.
  std::vector<std::unique_ptr<PolicyFile>>& mutable_files() { return files_; }

 private:
  friend struct PackLoader;
  std::string name_;
  std::string label_;
  std::vector<std::unique_ptr<PolicyFile>> files_;
};

struct LoadedPack {
  std::shared_ptr<RulePack> pack;  // set even with diagnostics, for partial listings
  Diagnostics diagnostics;         // policy.syntax, policy.pack (duplicates, mixed pack names)

  bool ok() const { return diagnostics.empty(); }
};

// Parses `sources` as one pack. `label` names it in messages ("stdlib:pii", a folder).
LoadedPack load_pack(std::string label, std::vector<PackSource> sources);

// Reads every `.policy` file under `folder` (sorted; fixture trees under `tests/` are skipped).
// Throws InputError when the folder cannot be read or holds no `.policy` file.
LoadedPack load_pack_folder(const std::filesystem::path& folder);

}  // namespace steward::policy
