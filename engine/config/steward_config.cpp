#include "config/steward_config.h"

#include "config/document_reader.h"
#include "source/calendar_date.h"
#include "source/input_error.h"
#include "source/spelling.h"

namespace steward::config {

namespace {

std::string where(const Span& span) {
  return span.file() + ":" + std::to_string(span.line) + ":" + std::to_string(span.column);
}

[[noreturn]] void fail(const Span& span, const std::string& message, const std::string& fix) {
  throw InputError(where(span) + ": " + message, fix);
}

std::string scalar(const Node& node, std::string_view key) {
  if (!node.is_scalar()) {
    fail(
        node.span,
        "'" + std::string(key) + "' must be a single value, not a " + std::string(node.type_name()),
        "write it as `" + std::string(key) + ": value`");
  }
  return node.text;
}

std::vector<std::string> string_list(const Node& node, std::string_view key) {
  std::vector<std::string> out;
  if (node.is_null()) return out;
  if (node.is_scalar()) return {node.text};
  if (!node.is_sequence()) {
    fail(node.span, "'" + std::string(key) + "' must be a list",
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
      fail(span,
           "a '" + std::string(key) + "' entry is " + std::to_string(entry.size()) +
               " characters long, more than the limit of " + std::to_string(kMaxPathPatternLength),
           "shorten it; a folder name or a glob such as `**/drafts/**` is enough");
    }
    bool climbs = entry == ".." || entry.starts_with("../") ||
                  entry.find("/../") != std::string::npos || entry.ends_with("/..");
    if (entry.empty() || entry.starts_with('/') || climbs) {
      fail(span, "'" + entry + "' in '" + std::string(key) + "' is not inside the repository",
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
  fail(node.span, "unknown severity '" + value + "' for " + rule,
       "use one of: error, warning, note, off");
}

// Reports print it as a link, so it must be absolute and name the rule.
std::string parse_docs_url(const Node& node) {
  std::string value = scalar(node, "docs_url");
  const bool web = value.starts_with("https://") || value.starts_with("http://");
  if (!web || value.find("{rule}") == std::string::npos ||
      value.find_first_of(" \t\"<>") != std::string::npos) {
    fail(node.span, "docs_url '" + value + "' is not an http(s) URL with {rule} in it",
         "write `docs_url: https://wiki.example.com/steward/{rule}`; {rule} is the rule id");
  }
  return value;
}

FailOn parse_fail_on(const Node& node) {
  std::string value = scalar(node, "fail_on");
  if (value == "error") return FailOn::error;
  if (value == "warning") return FailOn::warning;
  if (value == "note") return FailOn::note;
  if (value == "never") return FailOn::never;
  fail(node.span, "unknown fail_on level '" + value + "'",
       "use one of: error, warning, note, never");
}

Waiver parse_waiver(const Node& node) {
  if (!node.is_mapping()) {
    fail(node.span, "a waiver must be a mapping",
         "write `- {rule: RULE, target: WHAT, reason: WHY, approved_by: TEAM, expires: DATE}`");
  }
  Waiver waiver;
  waiver.span = node.span;
  static const std::vector<std::string> keys = {"rule", "target", "reason", "approved_by",
                                                "expires"};
  for (const auto& entry : node.entries) {
    const std::string& key = entry.key.text;
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
      fail(entry.key.span, "unknown waiver key '" + key + "'",
           guess ? "did you mean '" + *guess + "'?"
                 : "a waiver has rule, target, reason, "
                   "approved_by and expires");
    }
  }
  if (waiver.rule.empty()) fail(node.span, "a waiver needs a `rule`", "add `rule: RULE-ID`");
  if (waiver.reason.empty()) {
    fail(node.span, "the waiver for " + waiver.rule + " has no `reason`",
         "say why the finding is accepted, so a reviewer can judge it");
  }
  if (waiver.approved_by.empty()) {
    fail(node.span, "the waiver for " + waiver.rule + " has no `approved_by`",
         "name the team that accepted it");
  }
  if (waiver.target.empty()) waiver.target = "*";
  if (!waiver.expires.empty() && !parse_iso_date(waiver.expires)) {
    fail(node.find("expires")->span,
         "expires must be a date YYYY-MM-DD, not '" + waiver.expires + "'",
         "write e.g. `expires: 2026-12-31`");
  }
  return waiver;
}

}  // namespace

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
    fail(d.span, d.message, "fix the syntax of steward.yaml");
  }
  if (read.documents.empty() || read.documents.front().root.is_null()) return config;
  if (read.documents.size() > 1) {
    fail(read.documents[1].root.span, "steward.yaml must hold one document",
         "merge the documents into one");
  }
  const Node& root = read.documents.front().root;
  if (!root.is_mapping()) {
    fail(root.span, "steward.yaml must be a mapping",
         "start from `steward init`, or see docs/configuration.md");
  }
  static const std::vector<std::string> keys = {"paths",   "exclude", "packs",    "severity",
                                                "fail_on", "waivers", "docs_url", "traffic"};
  for (const auto& entry : root.entries) {
    const std::string& key = entry.key.text;
    const Node& value = entry.value;
    if (key == "paths")
      config.paths = path_list(value, key, &config.path_spans);
    else if (key == "exclude")
      config.exclude = path_list(value, key, nullptr);
    else if (key == "packs")
      config.packs = string_list(value, key);
    else if (key == "fail_on")
      config.fail_on = parse_fail_on(value);
    else if (key == "docs_url")
      config.docs_url = parse_docs_url(value);
    else if (key == "traffic")
      config.traffic = parse_traffic_criteria(value);
    else if (key == "severity") {
      if (value.is_null()) continue;
      if (!value.is_mapping()) {
        fail(value.span, "'severity' must map rule ids to levels",
             "write `severity: {governance.description-required: warning}`");
      }
      for (const auto& rule : value.entries) {
        config.severity[rule.key.text] =
            SeverityOverride{parse_severity(rule.value, rule.key.text), rule.key.span};
      }
    } else if (key == "waivers") {
      if (value.is_null()) continue;
      if (!value.is_sequence())
        fail(value.span, "'waivers' must be a list", "write `waivers: [...]`");
      for (const auto& item : value.items)
        config.waivers.push_back(parse_waiver(item));
    } else if (!key.starts_with("x-")) {
      auto guess = closest_match(key, keys);
      fail(entry.key.span, "unknown key '" + key + "' in steward.yaml",
           guess ? "did you mean '" + *guess + "'?"
                 : "steward.yaml has paths, exclude, packs, severity, fail_on, waivers, "
                   "docs_url and traffic");
    }
  }
  return config;
}

}  // namespace steward::config
