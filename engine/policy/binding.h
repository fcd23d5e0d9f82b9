#pragma once

// The machinery the two binding files (model_binding.cpp, change_binding.cpp) share to describe
// C++ model structs to the policy language. Private to engine/policy.

#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "policy/language_types.h"
#include "policy/model_view.h"

namespace steward::policy::binding {

// The object types, created once by language_types() before any binding; wrappers read them.
// One mutable slot per row of language_type_table.h.
struct Slots {
#define STEWARD_LANGUAGE_TYPE_SLOT(name, summary) ObjectType* name;
  STEWARD_LANGUAGE_TYPES(STEWARD_LANGUAGE_TYPE_SLOT)
#undef STEWARD_LANGUAGE_TYPE_SLOT
};
extern Slots slots;

// List element wrappers: a vector of structs, of pointers, of strings, of Refs.
template <ObjectType* Slots::*Member>
Value wrap_struct(const void* address, const ModelView* view) {
  return Value::object(slots.*Member, address, view);
}
template <ObjectType* Slots::*Member>
Value wrap_pointer(const void* address, const ModelView* view) {
  return Value::object(slots.*Member, *static_cast<const void* const*>(address), view);
}
Value wrap_string(const void* address, const ModelView* view);
Value wrap_ref(const void* address, const ModelView* view);

// Scalars. Text the data left out is none, so `x == none` and `empty(x)` read naturally.
inline Value text(const std::string& s, const ModelView* view, const Span* origin = nullptr) {
  return s.empty() ? Value() : Value::borrowed(s, origin, view);
}
inline Value ref(const model::Ref& r, const ModelView* view) {
  return r.name.empty() ? Value() : Value::borrowed(r.name, &r.span, view);
}
// A PII class as written: "none" and unclassified are both none (see `classified`).
inline Value pii(const std::string& category, const ModelView* view, const Span* origin) {
  return category.empty() || model::is_no_pii(category) ? Value()
                                                        : Value::borrowed(category, origin, view);
}
template <class N>
Value optional_number(const std::optional<N>& n) {
  return n ? Value::number(static_cast<double>(*n)) : Value();
}
template <ObjectType* Slots::*Member, class T>
Value object(const T* address, const ModelView* view) {
  return Value::object(slots.*Member, address, view);
}
template <ObjectType* Slots::*Member, class T>
Value list(const std::vector<T>& items, const ModelView* view) {
  if constexpr (std::is_pointer_v<T>) {
    return Value::list(items, wrap_pointer<Member>, view);
  } else {
    return Value::list(items, wrap_struct<Member>, view);
  }
}
inline Value strings(const std::vector<std::string>& items, const ModelView* view) {
  return Value::list(items, wrap_string, view);
}
inline Value refs(const std::vector<model::Ref>& items, const ModelView* view) {
  return Value::list(items, wrap_ref, view);
}

// Describes one C++ type `T` to the language. Getters are captureless lambdas taking
// (const T&, const ModelView*); each becomes a plain function pointer.
template <class T>
class TypeBuilder {
 public:
  explicit TypeBuilder(ObjectType& type) : type_(type) {}

  template <class F>
  TypeBuilder& field(const char* name, Type type, const char* summary, F) {
    type_.fields.push_back(FieldInfo{name, std::move(type),
                                     [](const void* self, const ModelView* view) -> Value {
                                       return F{}(*static_cast<const T*>(self), view);
                                     },
                                     summary});
    return *this;
  }

  template <class F>
  TypeBuilder& method(const char* name, std::vector<Type> params, Type result, const char* summary,
                      F) {
    type_.methods.push_back(MethodInfo{
        name, std::move(params), std::move(result),
        [](const void* self, const ModelView* view, std::span<const Value> args) -> Value {
          return F{}(*static_cast<const T*>(self), view, args);
        },
        summary});
    return *this;
  }

  template <class F>
  TypeBuilder& span(F) {
    type_.span = [](const void* self) -> Span { return F{}(*static_cast<const T*>(self)); };
    return *this;
  }

  template <class F>
  TypeBuilder& base_span(F) {
    type_.base_span = [](const void* self) -> Span { return F{}(*static_cast<const T*>(self)); };
    return *this;
  }

  template <class F>
  TypeBuilder& display(F) {
    type_.display = [](const void* self) -> std::string {
      return F{}(*static_cast<const T*>(self));
    };
    return *this;
  }

 private:
  ObjectType& type_;
};

// Fill the fields and methods of the types in `slots` (created beforehand, so that types can
// refer to each other). model_binding.cpp and change_binding.cpp.
void bind_model_types();
void bind_change_types();

}  // namespace steward::policy::binding
