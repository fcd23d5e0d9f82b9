#include "policy/rule_pack.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "policy/limits.h"
#include "policy/parser.h"
#include "source/diagnostic_factory.h"
#include "source/input_error.h"
#include "source/rule_ids.h"

namespace steward::policy {

std::vector<RuleInfo> RulePack::rules() const {
  std::vector<RuleInfo> out;
  for (const auto& file : files_) {
    for (const auto& rule : file->rules) {
      out.push_back(RuleInfo{rule.id, name_, rule.severity.value_or(Severity::error), rule.title,
                             rule.help, rule.url, rule.id_span, rule.tags});
    }
  }
  return out;
}

const RuleDecl* RulePack::find_rule(std::string_view id) const {
  for (const auto& file : files_) {
    for (const auto& rule : file->rules) {
      if (rule.id == id) return &rule;
    }
  }
  return nullptr;
}

namespace {

std::string too_large(std::string_view path, uintmax_t bytes) {
  return "policy file `" + std::string(path) + "` is " + std::to_string(bytes) +
         " bytes; steward reads policy files of up to " + std::to_string(kMaxPolicyFileBytes) +
         " bytes (limit: policy file size)";
}

constexpr const char* kSplitFix = "split the pack into several smaller .policy files";

Diagnostic pack_error(Span span, std::string message) {
  return make_diagnostic(rule_id::kPolicyPack, Severity::error, std::move(span),
                         std::move(message));
}

}  // namespace

struct PackLoader {
  static LoadedPack load(std::string label, std::vector<PackSource> sources) {
    LoadedPack loaded;
    loaded.pack = std::make_shared<RulePack>();
    RulePack& pack = *loaded.pack;
    pack.label_ = std::move(label);
    for (auto& source : sources) {
      if (source.text.size() > kMaxPolicyFileBytes) {
        // Parsing costs 20-30 times the size in memory: refuse before parsing.
        Span at{make_source(source.path, {}), 1, 1, 1, 1};
        loaded.diagnostics.push_back(
            pack_error(at, too_large(source.path, source.text.size()) + "; " + kSplitFix));
        auto empty = std::make_unique<PolicyFile>();
        empty->source = at.source;
        pack.files_.push_back(std::move(empty));
        continue;
      }
      ParsedPack parsed = parse_policy(make_source(source.path, std::move(source.text)));
      loaded.diagnostics.insert(loaded.diagnostics.end(), parsed.diagnostics.begin(),
                                parsed.diagnostics.end());
      pack.files_.push_back(std::move(parsed.file));
    }
    // One pack name for all files; ids and function names unique across them.
    const PolicyFile* first_named = nullptr;
    std::map<std::string, Span> rule_ids;
    std::map<std::string, Span> function_names;
    for (const auto& file : pack.files_) {
      if (!file->pack.empty()) {
        if (first_named == nullptr) {
          first_named = file.get();
          pack.name_ = file->pack;
        } else if (file->pack != pack.name_) {
          loaded.diagnostics.push_back(pack_error(
              file->pack_span, "this file declares `pack " + file->pack + "` but " +
                                   file_line_column(first_named->pack_span) + " declares `pack " +
                                   pack.name_ + "`; the files of a folder form one pack"));
        }
      }
      for (const auto& rule : file->rules) {
        if (rule.id.empty()) continue;
        auto [it, inserted] = rule_ids.emplace(rule.id, rule.id_span);
        if (!inserted) {
          loaded.diagnostics.push_back(pack_error(
              rule.id_span,
              "rule `" + rule.id + "` is already defined at " + file_line_column(it->second)));
        }
      }
      for (const auto& function : file->functions) {
        if (function->name.empty()) continue;
        auto [it, inserted] = function_names.emplace(function->name, function->name_span);
        if (!inserted) {
          loaded.diagnostics.push_back(pack_error(
              function->name_span, "function `" + function->name + "` is already defined at " +
                                       file_line_column(it->second)));
        }
      }
    }
    return loaded;
  }
};

LoadedPack load_pack(std::string label, std::vector<PackSource> sources) {
  return PackLoader::load(std::move(label), std::move(sources));
}

LoadedPack load_pack_folder(const std::filesystem::path& folder) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(folder, error)) {
    throw InputError("policy pack `" + folder.string() + "` is not a folder",
                     "list a folder of .policy files under `packs:` in steward.yaml");
  }
  std::vector<fs::path> paths;
  fs::recursive_directory_iterator it(folder, error), end;
  if (error) {
    throw InputError("cannot read policy pack `" + folder.string() + "`: " + error.message());
  }
  for (; it != end; it.increment(error)) {
    if (error) {
      throw InputError("cannot read policy pack `" + folder.string() + "`: " + error.message());
    }
    // Fixture trees of `steward test` live under tests/ and hold data, not policies.
    if (it->is_directory() && it.depth() == 0 && it->path().filename() == "tests") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".policy") paths.push_back(it->path());
  }
  if (paths.empty()) {
    throw InputError("policy pack `" + folder.string() + "` holds no .policy file",
                     "add a .policy file, or remove the pack from `packs:` in steward.yaml");
  }
  std::sort(paths.begin(), paths.end());
  std::vector<PackSource> sources;
  for (const auto& path : paths) {
    // Checked before reading, so a huge file costs nothing.
    uintmax_t bytes = fs::file_size(path, error);
    if (!error && bytes > kMaxPolicyFileBytes) {
      throw InputError(too_large(path.generic_string(), bytes), kSplitFix);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot read `" + path.string() + "`");
    std::ostringstream text;
    text << in.rdbuf();
    sources.push_back(PackSource{path.generic_string(), text.str()});
  }
  return load_pack(folder.generic_string(), std::move(sources));
}

}  // namespace steward::policy
