#include "config/steward_config.h"

#include "config/document_reader.h"
#include "source/calendar_date.h"
#include "source/input_error.h"
#include "source/spelling.h"

namespace steward::config {

namespace {

std::string scalar(const Node& node, std::string_view key) {
  if (!node.is_scalar()) {
    fail_at(
        node.span,
        "'" + std::string(key) + "' must be a single value, not a " + std::string(node.type_name()),
        "write it as `" + std::string(key) + ": value`");
  }
  return std::string(node.text);
}

std::vector<std::string> string_list(const Node& node, std::string_view key) {
  std::vector<std::string> out;
  if (node.is_null()) return out;
  if (node.is_scalar()) return {std::string(node.text)};
  if (!node.is_sequence()) {
    fail_at(node.span, "'" + std::string(key) + "' must be a list",
            "write it as `" + std::string(key) + ": [a, b]`");
  }
  for (const auto& item : node.items)
    out.push_back(scalar(item, key));
  return out;
}

// A `paths` or `exclude` entry: relative to steward.yaml, inside the repository, and short
// enough to match in bounded time.
std::vector<std::string> path_list(const Node& node, std::string_view key,
                                   std::vector<Span>* spans) {
  std::vector<const Node*> items;
  if (node.is_sequence()) {
    for (const auto& item : node.items)
      items.push_back(&item);
  } else if (!node.is_null()) {
    items.push_back(&node);
  }
  std::vector<std::string> out = string_list(node, key);
  for (size_t i = 0; i < out.size(); ++i) {
    const std::string& entry = out[i];
    const Span& span = items[i]->span;
    if (entry.size() > kMaxPathPatternLength) {
      fail_at(span,
              "a '" + std::string(key) + "' entry is " + std::to_string(entry.size()) +
                  " characters long, more than the limit of " +
                  std::to_string(kMaxPathPatternLength),
              "shorten it; a folder name or a glob such as `**/drafts/**` is enough");
    }
    bool climbs = entry == ".." || entry.starts_with("../") ||
                  entry.find("/../") != std::string::npos || entry.ends_with("/..");
    if (entry.empty() || entry.starts_with('/') || climbs) {
      fail_at(span, "'" + entry + "' in '" + std::string(key) + "' is not inside the repository",
              "write folders relative to steward.yaml, such as `tracking-plan`; steward never "
              "reads outside the repository");
    }
    if (spans) spans->push_back(span);
  }
  return out;
}

std::optional<Severity> parse_severity(const Node& node, const std::string& rule) {
  std::string value = scalar(node, rule);
  if (value == "error") return Severity::error;
  if (value == "warning") return Severity::warning;
  if (value == "note") return Severity::note;
  if (value == "off") return std::nullopt;
  fail_at(node.span, "unknown severity '" + value + "' for " + rule,
          "use one of: error, warning, note, off");
}

// Reports print it as a link, so it must be absolute and name the rule.
// `coverage: {minimum: 90%}`: a percentage from 0 to 100, with or without the `%`.
std::optional<double> parse_coverage(const Node& node) {
  if (node.is_null()) return std::nullopt;
  const char* fix = "write `coverage: {minimum: 90%}` (a percentage from 0 to 100)";
  if (!node.is_mapping()) fail_at(node.span, "'coverage' must be a mapping", fix);
  std::optional<double> minimum;
  for (const auto& entry : node.entries) {
    if (entry.key.text != "minimum") {
      fail_at(entry.key.span, "unknown coverage key '" + std::string(entry.key.text) + "'", fix);
    }
    std::string text = scalar(entry.value, "minimum");
    if (text.ends_with('%')) text.pop_back();
    double value = -1;
    size_t used = 0;
    try {
      value = std::stod(text, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != text.size() || !(value >= 0 && value <= 100)) {
      fail_at(entry.value.span,
              "coverage minimum '" + std::string(entry.value.text) + "' is not a percentage", fix);
    }
    minimum = value;
  }
  return minimum;
}

std::string parse_docs_url(const Node& node) {
  std::string value = scalar(node, "docs_url");
  const bool web = value.starts_with("https://") || value.starts_with("http://");
  if (!web || value.find("{rule}") == std::string::npos ||
      value.find_first_of(" \t\"<>") != std::string::npos) {
    fail_at(node.span, "docs_url '" + value + "' is not an http(s) URL with {rule} in it",
            "write `docs_url: https://wiki.example.com/steward/{rule}`; {rule} is the rule id");
  }
  return value;
}

// The catalog prints it as a link: an absolute web address with {path} in it, and nothing an
// HTML attribute would need escaped (the catalog escapes it anyway).
std::string parse_source_url(const Node& node) {
  std::string value = scalar(node, "source_url");
  const bool web = value.starts_with("https://") || value.starts_with("http://");
  if (!web || value.find("{path}") == std::string::npos ||
      value.find_first_of(" \t\"<>") != std::string::npos) {
    fail_at(node.span, "source_url '" + value + "' is not an http(s) URL with {path} in it",
            "write `source_url: https://github.com/ORG/REPO/blob/main/{path}#L{line}`");
  }
  return value;
}

FailOn read_fail_on(const Node& node) {
  std::string value = scalar(node, "fail_on");
  if (auto level = parse_fail_on(value)) return *level;
  std::string names;
  for (const std::string& name : fail_on_names())
    names += (names.empty() ? "" : ", ") + name;
  fail_at(node.span, "unknown fail_on level '" + value + "'", "use one of: " + names);
}

Waiver parse_waiver(const Node& node) {
  if (!node.is_mapping()) {
    fail_at(node.span, "a waiver must be a mapping",
            "write `- {rule: RULE, target: WHAT, reason: WHY, approved_by: TEAM, expires: DATE}`");
  }
  Waiver waiver;
  waiver.span = node.span;
  static const std::vector<std::string> keys = {"rule", "target", "reason", "approved_by",
                                                "expires"};
  for (const auto& entry : node.entries) {
    const std::string key(entry.key.text);
    if (key == "rule")
      waiver.rule = scalar(entry.value, key);
    else if (key == "target")
      waiver.target = scalar(entry.value, key);
    else if (key == "reason")
      waiver.reason = scalar(entry.value, key);
    else if (key == "approved_by")
      waiver.approved_by = scalar(entry.value, key);
    else if (key == "expires")
      waiver.expires = scalar(entry.value, key);
    else {
      auto guess = closest_match(key, keys);
      fail_at(entry.key.span, "unknown waiver key '" + key + "'",
              guess ? "did you mean '" + *guess + "'?"
                    : "a waiver has rule, target, reason, "
                      "approved_by and expires");
    }
  }
  if (waiver.rule.empty()) fail_at(node.span, "a waiver needs a `rule`", "add `rule: RULE-ID`");
  if (waiver.reason.empty()) {
    fail_at(node.span, "the waiver for " + waiver.rule + " has no `reason`",
            "say why the finding is accepted, so a reviewer can judge it");
  }
  if (waiver.approved_by.empty()) {
    fail_at(node.span, "the waiver for " + waiver.rule + " has no `approved_by`",
            "name the team that accepted it");
  }
  if (waiver.target.empty()) waiver.target = "*";
  if (!waiver.expires.empty() && !parse_iso_date(waiver.expires)) {
    fail_at(node.find("expires")->span,
            "expires must be a date YYYY-MM-DD, not '" + waiver.expires + "'",
            "write e.g. `expires: 2026-12-31`");
  }
  return waiver;
}

// A `packs:` entry: `stdlib:NAME`, a local folder, or `git+URL@REF#path`. A bare URL would
// be read as a folder named "https:" (and its `//` folded away), so it is refused here.
std::vector<std::string> pack_list(const Node& node) {
  std::vector<std::string> out = string_list(node, "packs");
  for (size_t i = 0; i < out.size(); ++i) {
    const Span& span = node.is_sequence() ? node.items[i].span : node.span;
    const std::string& entry = out[i];
    try {
      if (parse_git_pack(entry)) continue;
    } catch (const InputError& error) {
      fail_at(span, error.what(), error.fix());
    }
    if (entry.find("://") != std::string::npos) {
      fail_at(span, "the pack '" + entry + "' is a URL, not a folder",
              "a pack from a git repository is written `git+URL@TAG#path/in/repo` (for example "
              "`git+" +
                  entry + "@v1.0.0`), pinned to a tag or a commit");
    }
  }
  return out;
}

}  // namespace

std::optional<GitPackSpec> parse_git_pack(const std::string& spec) {
  constexpr std::string_view kPrefix = "git+";
  if (!spec.starts_with(kPrefix)) return std::nullopt;
  std::string rest = spec.substr(kPrefix.size());
  GitPackSpec out;
  size_t hash = rest.rfind('#');
  if (hash != std::string::npos) {
    out.path = rest.substr(hash + 1);
    rest.resize(hash);
  }
  // The ref follows the last `@` after the host part, so `ssh://git@host/x.git@v1` works.
  size_t scheme = rest.find("://");
  size_t host_end = rest.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  size_t at = rest.rfind('@');
  const std::string example = "git+https://host/org/packs.git@v1.4.0#path/in/repo";
  if (scheme == std::string::npos || host_end == std::string::npos || at == std::string::npos ||
      at < host_end || at + 1 == rest.size()) {
    throw InputError("the pack '" + spec + "' is not `git+URL@REF#path`",
                     "pin the pack to a tag or a commit: `" + example + "`");
  }
  out.url = rest.substr(0, at);
  out.ref = rest.substr(at + 1);
  while (out.path.ends_with('/'))
    out.path.pop_back();
  while (out.path.starts_with("./"))
    out.path.erase(0, 2);
  bool climbs = out.path == ".." || out.path.starts_with("../") || out.path.starts_with('/') ||
                out.path.find("/../") != std::string::npos || out.path.ends_with("/..");
  if (climbs) {
    throw InputError("the path of the pack '" + spec + "' leaves its repository",
                     "write the pack's folder relative to the root of its repository");
  }
  if (out.path == ".") out.path.clear();
  return out;
}

std::vector<std::string> default_packs() {
  return {"stdlib:compat", "stdlib:pii", "stdlib:consent", "stdlib:identity", "stdlib:governance"};
}

StewardConfig parse_steward_config(const SourceRef& source) {
  StewardConfig config;
  config.found = true;
  config.source = source;
  config.packs = default_packs();
  ReadResult read = read_documents(source);
  if (!read.diagnostics.empty()) {
    const Diagnostic& d = read.diagnostics.front();
    fail_at(d.span, d.message, "fix the syntax of steward.yaml");
  }
  if (read.documents.empty() || read.documents.front().root.is_null()) return config;
  if (read.documents.size() > 1) {
    fail_at(read.documents[1].root.span, "steward.yaml must hold one document",
            "merge the documents into one");
  }
  const Node& root = read.documents.front().root;
  if (!root.is_mapping()) {
    fail_at(root.span, "steward.yaml must be a mapping",
            "start from `steward init`, or see docs/configuration.md");
  }
  static const std::vector<std::string> keys = {"paths",      "exclude", "packs",    "severity",
                                                "fail_on",    "waivers", "docs_url", "coverage",
                                                "source_url", "traffic"};
  for (const auto& entry : root.entries) {
    const std::string key(entry.key.text);
    const Node& value = entry.value;
    if (key == "paths")
      config.paths = path_list(value, key, &config.path_spans);
    else if (key == "exclude")
      config.exclude = path_list(value, key, nullptr);
    else if (key == "packs")
      config.packs = pack_list(value);
    else if (key == "fail_on")
      config.fail_on = read_fail_on(value);
    else if (key == "docs_url")
      config.docs_url = parse_docs_url(value);
    else if (key == "coverage")
      config.coverage_minimum = parse_coverage(value);
    else if (key == "source_url")
      config.source_url = parse_source_url(value);
    else if (key == "traffic")
      config.traffic = parse_traffic_criteria(value);
    else if (key == "severity") {
      if (value.is_null()) continue;
      if (!value.is_mapping()) {
        fail_at(value.span, "'severity' must map rule ids to levels",
                "write `severity: {governance.description-required: warning}`");
      }
      for (const auto& rule : value.entries) {
        config.severity[std::string(rule.key.text)] =
            SeverityOverride{parse_severity(rule.value, std::string(rule.key.text)), rule.key.span};
      }
    } else if (key == "waivers") {
      if (value.is_null()) continue;
      if (!value.is_sequence())
        fail_at(value.span, "'waivers' must be a list", "write `waivers: [...]`");
      for (const auto& item : value.items)
        config.waivers.push_back(parse_waiver(item));
    } else if (!key.starts_with("x-")) {
      auto guess = closest_match(key, keys);
      fail_at(entry.key.span, "unknown key '" + key + "' in steward.yaml",
              guess ? "did you mean '" + *guess + "'?"
                    : "steward.yaml has paths, exclude, packs, severity, fail_on, waivers, "
                      "docs_url, coverage, source_url and traffic");
    }
  }
  return config;
}

}  // namespace steward::config
