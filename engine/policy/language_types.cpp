#include "policy/language_types.h"

#include <memory>

#include "policy/binding.h"

namespace steward::policy {

const FieldInfo* ObjectType::field(std::string_view wanted) const {
  for (const auto& f : fields) {
    if (f.name == wanted) return &f;
  }
  return nullptr;
}

const MethodInfo* ObjectType::method(std::string_view wanted) const {
  for (const auto& m : methods) {
    if (m.name == wanted) return &m;
  }
  return nullptr;
}

std::vector<std::string> ObjectType::member_names() const {
  std::vector<std::string> names;
  for (const auto& f : fields)
    names.push_back(f.name);
  for (const auto& m : methods)
    names.push_back(m.name);
  return names;
}

const ObjectType* LanguageTypes::find(std::string_view name) const {
  for (const ObjectType* type : all) {
    if (type->name == name) return type;
  }
  return nullptr;
}

namespace {

struct Built {
  std::vector<std::unique_ptr<ObjectType>> storage;
  LanguageTypes types;
};

Built build() {
  Built built;
  auto make = [&](ObjectType*& slot, const char* name, const char* summary) {
    auto type = std::make_unique<ObjectType>();
    type->name = name;
    type->summary = summary;
    slot = type.get();
    built.types.all.push_back(type.get());
    built.storage.push_back(std::move(type));
    return slot;
  };
  LanguageTypes& t = built.types;
  // Every type exists before any is bound, since fields refer to other types.
#define STEWARD_MAKE_LANGUAGE_TYPE(name, summary) \
  t.name = make(binding::slots.name, #name, summary);
  STEWARD_LANGUAGE_TYPES(STEWARD_MAKE_LANGUAGE_TYPE)
#undef STEWARD_MAKE_LANGUAGE_TYPE
  binding::bind_model_types();
  binding::bind_change_types();
  return built;
}

}  // namespace

const LanguageTypes& language_types() {
  static const Built built = build();
  return built.types;
}

const std::vector<RootInfo>& roots() {
  static const std::vector<RootInfo> all = [] {
    const LanguageTypes& t = language_types();
    return std::vector<RootInfo>{
        {Root::head, "head", Type::object_of(t.model), "the model at the head revision"},
        {Root::base, "base", Type::object_of(t.model),
         "the model at the base revision; none without a base"},
        {Root::changes, "changes", Type::object_of(t.change_set),
         "what changed from base to head; empty without a base"},
        {Root::env, "env", Type::object_of(t.env), "the inputs of this run"},
    };
  }();
  return all;
}

}  // namespace steward::policy
