#include "policy/fixture_tests_case_file.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "config/document_reader.h"
#include "policy/fixture_tests.h"
#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::policy {

namespace {

Diagnostic case_file_error(Span span, std::string message) {
  return make_diagnostic(rule_id::kPolicyFixture, Severity::error, std::move(span),
                         std::move(message));
}

// The string of a scalar, or an error at it.
bool read_string(const config::Node& node, const std::string& key, std::string& out,
                 Diagnostics& errors) {
  if (!node.is_scalar()) {
    errors.push_back(case_file_error(
        node.span, "`env." + key + "` must be a string, not a " + std::string(node.type_name())));
    return false;
  }
  out = node.text;
  return true;
}

void read_env(const config::Node& node, Env& env, Diagnostics& errors) {
  if (!node.is_mapping()) {
    errors.push_back(case_file_error(node.span,
                                     "`env` must be a mapping of today, actor, labels "
                                     "and environment"));
    return;
  }
  const std::vector<std::string> keys = {"today", "actor", "labels", "environment"};
  for (const auto& entry : node.entries) {
    const std::string key(entry.key.text);
    if (key == "today") {
      read_string(entry.value, key, env.today, errors);
    } else if (key == "actor") {
      read_string(entry.value, key, env.actor, errors);
    } else if (key == "environment") {
      read_string(entry.value, key, env.environment, errors);
    } else if (key == "labels") {
      if (!entry.value.is_sequence()) {
        errors.push_back(
            case_file_error(entry.value.span, "`env.labels` must be a list of strings"));
        continue;
      }
      env.labels.clear();
      for (const auto& item : entry.value.items) {
        std::string label;
        if (read_string(item, key, label, errors)) env.labels.push_back(label);
      }
    } else {
      auto guess = closest_match(key, keys);
      Diagnostic d = case_file_error(entry.key.span, "unknown key `env." + key + "`");
      d.suggestion = guess ? "did you mean `" + *guess + "`?"
                           : "env takes today, actor, labels and environment";
      errors.push_back(std::move(d));
    }
  }
}

}  // namespace

Diagnostics read_case_file(const std::filesystem::path& file, const std::string& display,
                           Env& env) {
  Diagnostics errors;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    errors.push_back(case_file_error({}, "cannot read " + display));
    return errors;
  }
  std::ostringstream text;
  text << in.rdbuf();
  config::ReadResult read = config::read_documents(make_source(display, text.str()));
  for (auto& d : read.diagnostics) {
    d.rule = rule_id::kPolicyFixture;
    errors.push_back(std::move(d));
  }
  if (!errors.empty() || read.documents.empty()) return errors;
  const config::Node& root = read.documents.front().root;
  if (!root.is_mapping()) {
    errors.push_back(case_file_error(root.span, display + " must be a mapping with `env:`"));
    return errors;
  }
  Env updated = env;
  for (const auto& entry : root.entries) {
    if (entry.key.text == "env") {
      read_env(entry.value, updated, errors);
    } else {
      Diagnostic d =
          case_file_error(entry.key.span, "unknown key `" + std::string(entry.key.text) + "`");
      d.suggestion = "a case file takes `env:` (today, actor, labels, environment)";
      errors.push_back(std::move(d));
    }
  }
  if (errors.empty()) env = std::move(updated);
  return errors;
}

void add_shared_files(const git::Snapshot& shared, git::Snapshot& side) {
  std::set<std::string> own;
  for (const auto& f : side.files)
    own.insert(f.path);
  for (const auto& f : shared.files) {
    if (!own.count(f.path)) side.files.push_back(f);
  }
  std::sort(side.files.begin(), side.files.end(),
            [](const git::SnapshotFile& a, const git::SnapshotFile& b) { return a.path < b.path; });
}

}  // namespace steward::policy
