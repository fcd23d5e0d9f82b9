#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "policy/language_type_table.h"
#include "policy/object_type.h"

namespace steward::policy {

// Every model type the policy language knows, as the checker resolves names against them and the
// evaluator reads them. docs/language.md lists them; `steward explain` can too.
struct LanguageTypes {
  // One member per row of language_type_table.h: model, event, ..., change_set, ..., env.
#define STEWARD_LANGUAGE_TYPE_MEMBER(name, summary) const ObjectType* name = nullptr;
  STEWARD_LANGUAGE_TYPES(STEWARD_LANGUAGE_TYPE_MEMBER)
#undef STEWARD_LANGUAGE_TYPE_MEMBER

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
