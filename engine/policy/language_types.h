#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "policy/object_type.h"

namespace steward::policy {

// Every model type the policy language knows, as the checker resolves names against them and the
// evaluator reads them. docs/language.md lists them; `steward explain` can too.
struct LanguageTypes {
  // The model (head, base).
  const ObjectType* model = nullptr;
  const ObjectType* event = nullptr;
  const ObjectType* deprecation = nullptr;
  const ObjectType* property = nullptr;
  const ObjectType* source = nullptr;
  const ObjectType* destination = nullptr;
  const ObjectType* exclusion = nullptr;
  const ObjectType* mapping = nullptr;
  const ObjectType* transformation = nullptr;
  const ObjectType* write = nullptr;
  const ObjectType* identity = nullptr;
  const ObjectType* match_key = nullptr;
  const ObjectType* suppression = nullptr;
  const ObjectType* team = nullptr;
  const ObjectType* taxonomy = nullptr;
  const ObjectType* residency_rule = nullptr;
  const ObjectType* slo = nullptr;
  const ObjectType* route = nullptr;
  const ObjectType* connection_mode = nullptr;
  const ObjectType* consent_provider = nullptr;
  const ObjectType* literal_credential = nullptr;
  const ObjectType* delivered_property = nullptr;
  // The change set (changes).
  const ObjectType* change_set = nullptr;
  const ObjectType* field_change = nullptr;
  const ObjectType* event_change = nullptr;
  const ObjectType* property_change = nullptr;
  const ObjectType* source_change = nullptr;
  const ObjectType* destination_change = nullptr;
  const ObjectType* route_change = nullptr;
  const ObjectType* transformation_change = nullptr;
  const ObjectType* identity_change = nullptr;
  const ObjectType* match_key_change = nullptr;
  const ObjectType* team_change = nullptr;
  const ObjectType* slo_change = nullptr;
  const ObjectType* taxonomy_change = nullptr;
  // The CLI inputs (env).
  const ObjectType* env = nullptr;

  std::vector<const ObjectType*> all;

  const ObjectType* find(std::string_view name) const;
};

// Built once, on first use; immutable afterwards (safe to share between threads).
const LanguageTypes& language_types();

// The roots every expression starts from.
enum class Root { head, base, changes, env };

struct RootInfo {
  Root root;
  std::string name;
  Type type;
  std::string summary;
};

const std::vector<RootInfo>& roots();

}  // namespace steward::policy
