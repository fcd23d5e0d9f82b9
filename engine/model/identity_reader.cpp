#include "model/kind_readers.h"
#include "model/model_field_reader.h"
#include "model/pattern.h"
#include "model/yaml_field_reader.h"

namespace steward::model {

namespace {

void read_match_keys(YamlFieldReader& reader, Identity& identity, Diagnostics& diagnostics) {
  const config::Node* keys = reader.sequence("match_keys");
  if (!keys) return;
  static const std::vector<std::string> known = known_keys<MatchKey>({"key"});
  for (const auto& item : keys->items) {
    YamlFieldReader k(item, "match key", known, diagnostics);
    if (!k.is_mapping()) continue;
    auto key = k.ref("key", true);
    if (!key) continue;
    MatchKey match_key;
    match_key.key = key->name;
    match_key.span = key->span;
    read_fields(k, match_key, diagnostics);  // model_fields.h
    identity.match_keys.push_back(std::move(match_key));
  }
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
  static const std::vector<std::string> keys =
      known_keys<Identity>({"kind", "name", "match_keys", "suppress"});
  YamlFieldReader reader(root, "identity", keys, diagnostics);
  auto name = reader.ref("name", true);
  if (!name) return std::nullopt;
  Identity identity;
  identity.name = name->name;
  identity.span = name->span;
  read_fields(reader, identity, diagnostics);  // model_fields.h: owner, merge, description
  read_match_keys(reader, identity, diagnostics);
  read_suppressions(reader, identity, diagnostics);
  return identity;
}

}  // namespace steward::model
