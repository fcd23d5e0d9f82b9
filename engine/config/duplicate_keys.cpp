#include "config/duplicate_keys.h"

#include <string_view>
#include <unordered_map>

#include "source/diagnostic_factory.h"
#include "source/rule_ids.h"

namespace steward::config {

namespace {

// Below this many keys comparing each with the earlier ones is cheaper than hashing.
constexpr size_t kLinearScanKeys = 16;

Diagnostic duplicate_key(const Node& key, const Node& first) {
  return make_diagnostic(rule_id::kSchemaDuplicateKey, Severity::error, key.span,
                         "key '" + std::string(key.text) + "' appears twice in this mapping",
                         "remove one of them; YAML readers disagree on which one wins",
                         "first defined at line " + std::to_string(first.span.line));
}

}  // namespace

void report_duplicate_keys(const Node& mapping, Diagnostics& diagnostics) {
  const auto& entries = mapping.entries;
  if (entries.size() <= kLinearScanKeys) {
    for (size_t i = 1; i < entries.size(); ++i) {
      const Node& key = entries[i].key;
      if (!key.is_scalar()) continue;
      for (size_t j = 0; j < i; ++j) {
        if (entries[j].key.text != key.text) continue;
        diagnostics.push_back(duplicate_key(key, entries[j].key));
        break;
      }
    }
    return;
  }
  std::unordered_map<std::string_view, const Node*> first;
  first.reserve(entries.size());
  for (const auto& entry : entries) {
    auto [it, inserted] = first.emplace(entry.key.text, &entry.key);
    if (!inserted && entry.key.is_scalar())
      diagnostics.push_back(duplicate_key(entry.key, *it->second));
  }
}

}  // namespace steward::config
