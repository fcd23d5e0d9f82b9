#pragma once

#include <span>
#include <string>
#include <vector>

#include "policy/types.h"
#include "policy/value.h"
#include "source/span.h"

namespace steward::policy {

// How the policy language sees one kind of model entity: its fields and methods, each with a
// static type for the checker and a plain function pointer for the evaluator (no virtual call,
// no allocation per access).
struct FieldInfo {
  std::string name;
  Type type;
  Value (*get)(const void* self, const ModelView* view) = nullptr;
  std::string summary;  // one line, for docs/language.md and `steward explain`
};

struct MethodInfo {
  std::string name;
  std::vector<Type> params;
  Type result;
  Value (*call)(const void* self, const ModelView* view, std::span<const Value> args) = nullptr;
  std::string summary;
};

struct ObjectType {
  std::string name;  // "event", "property", "destination"
  std::string summary;
  std::vector<FieldInfo> fields;
  std::vector<MethodInfo> methods;
  // The place a finding `at` this entity points to.
  Span (*span)(const void* self) = nullptr;
  // For changes: the place in base (a removed or modified entity); null for model entities.
  Span (*base_span)(const void* self) = nullptr;
  // How messages name the entity: its name, a property's path.
  std::string (*display)(const void* self) = nullptr;

  const FieldInfo* field(std::string_view name) const;
  const MethodInfo* method(std::string_view name) const;
  std::vector<std::string> member_names() const;  // for did-you-mean
};

}  // namespace steward::policy
