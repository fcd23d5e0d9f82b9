#include "model/kind_readers.h"
#include "model/pattern.h"
#include "model/yaml_field_reader.h"

namespace steward::model {

namespace {

const std::vector<std::string> kConflictPolicies = {"keep_highest_precedence", "keep_oldest",
                                                    "keep_newest", "reject"};

void read_match_keys(YamlFieldReader& reader, Identity& identity, Diagnostics& diagnostics) {
  const config::Node* keys = reader.sequence("match_keys");
  if (!keys) return;
  for (const auto& item : keys->items) {
    YamlFieldReader k(item, "match key", {"key", "from", "precedence", "normalize", "consent"},
                      diagnostics);
    if (!k.is_mapping()) continue;
    auto key = k.text("key", true);
    if (!key) continue;
    MatchKey match_key;
    match_key.key = *key;
    match_key.span = item.find("key")->span;
    if (auto from = k.ref("from")) match_key.from = *from;
    match_key.precedence = k.integer("precedence", 1);
    if (const config::Node* p = item.find("precedence")) match_key.precedence_span = p->span;
    for (const auto& n : k.refs("normalize"))
      match_key.normalize.push_back(n.name);
    match_key.consent = k.refs("consent");
    identity.match_keys.push_back(std::move(match_key));
  }
}

void read_merge(YamlFieldReader& reader, Identity& identity, Diagnostics& diagnostics) {
  const config::Node* merge = reader.mapping("merge");
  if (!merge) return;
  YamlFieldReader m(*merge, "merge", {"max_identifiers_per_profile", "on_conflict"}, diagnostics);
  identity.max_identifiers_per_profile = m.integer("max_identifiers_per_profile", 1);
  if (const config::Node* max = merge->find("max_identifiers_per_profile")) {
    identity.max_identifiers_span = max->span;
  }
  identity.on_conflict = m.choice("on_conflict", kConflictPolicies).value_or("");
}

void read_suppressions(YamlFieldReader& reader, Identity& identity, Diagnostics& diagnostics) {
  const config::Node* suppress = reader.sequence("suppress");
  if (!suppress) return;
  for (const auto& item : suppress->items) {
    YamlFieldReader s(item, "suppression", {"key", "pattern"}, diagnostics);
    if (!s.is_mapping()) continue;
    auto key = s.text("key", true);
    auto pattern = s.ref("pattern", true);
    if (pattern) check_data_pattern(pattern->name, pattern->span, "suppress pattern", diagnostics);
    if (key && pattern) identity.suppress.push_back(Suppression{*key, pattern->name, item.span});
  }
}

}  // namespace

std::optional<Identity> read_identity(const config::Node& root, Diagnostics& diagnostics) {
  YamlFieldReader reader(
      root, "identity", {"kind", "name", "description", "owner", "match_keys", "merge", "suppress"},
      diagnostics);
  auto name = reader.ref("name", true);
  if (!name) return std::nullopt;
  Identity identity;
  identity.name = name->name;
  identity.span = name->span;
  identity.description = reader.text("description").value_or("");
  if (auto owner = reader.ref("owner")) identity.owner = *owner;
  read_match_keys(reader, identity, diagnostics);
  read_merge(reader, identity, diagnostics);
  read_suppressions(reader, identity, diagnostics);
  return identity;
}

}  // namespace steward::model
