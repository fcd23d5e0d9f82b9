#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "source/span.h"

namespace steward::policy {

struct ObjectType;
class ModelView;
class Value;

// Turns the element at `address` of a list into a Value; lets a list Value view a model vector
// (of structs, of pointers, of strings) without copying it.
using ElementWrap = Value (*)(const void* address, const ModelView* view);

// A run-time value of the policy language. Small and cheap to copy: model data is borrowed
// (strings, objects and lists point into the model, which outlives evaluation); only computed
// strings and lists own their storage, shared through `keep_`.
class Value {
 public:
  enum class Kind : uint8_t { none, boolean, number, string, object, list };

  Value() { u_.n = 0; }

  static Value boolean(bool b);
  static Value number(double n);
  // Text that outlives the evaluation (model, AST). `origin` is where the model wrote it, so that
  // a finding `at` a name points at that name.
  static Value borrowed(std::string_view text, const Span* origin = nullptr,
                        const ModelView* view = nullptr);
  static Value owned(std::string text);
  static Value object(const ObjectType* type, const void* address, const ModelView* view);
  // A view of `count` elements `stride` bytes apart starting at `base`.
  static Value list(const void* base, size_t count, size_t stride, ElementWrap wrap,
                    const ModelView* view);
  template <class T>
  static Value list(const std::vector<T>& items, ElementWrap wrap, const ModelView* view) {
    return list(items.data(), items.size(), sizeof(T), wrap, view);
  }
  static Value owned_list(std::vector<Value> items);

  Kind kind() const { return kind_; }
  bool is_none() const { return kind_ == Kind::none; }
  bool is_bool() const { return kind_ == Kind::boolean; }
  bool is_number() const { return kind_ == Kind::number; }
  bool is_string() const { return kind_ == Kind::string; }
  bool is_object() const { return kind_ == Kind::object; }
  bool is_list() const { return kind_ == Kind::list; }

  // Conditions: only `true` is true; none and false are false.
  bool truthy() const { return kind_ == Kind::boolean && u_.b; }
  bool as_bool() const { return kind_ == Kind::boolean && u_.b; }
  double as_number() const { return kind_ == Kind::number ? u_.n : 0; }
  std::string_view as_string() const {
    return kind_ == Kind::string ? std::string_view(u_.s.data, u_.s.size) : std::string_view{};
  }
  const Span* origin() const { return kind_ == Kind::string ? u_.s.origin : nullptr; }

  const ObjectType* object_type() const { return kind_ == Kind::object ? u_.o.type : nullptr; }
  const void* address() const { return kind_ == Kind::object ? u_.o.address : nullptr; }
  // The model a string, object or list belongs to (head or base); null for computed values.
  const ModelView* view() const;

  // A list's elements; 0 and none for anything else.
  size_t size() const { return kind_ == Kind::list ? u_.l.count : 0; }
  Value at(size_t index) const;

  // The text a message shows for this value: none, true, 3, 2.5, the string, an entity's name, a
  // list as "a, b".
  std::string display() const;

 private:
  struct StringData {
    const char* data;
    size_t size;
    const Span* origin;
    const ModelView* view;
  };
  struct ObjectData {
    const ObjectType* type;
    const void* address;
    const ModelView* view;
  };
  struct ListData {
    const void* base;
    uint32_t count;
    uint32_t stride;
    ElementWrap wrap;
    const ModelView* view;
  };

  Kind kind_ = Kind::none;
  union {
    bool b;
    double n;
    StringData s;
    ObjectData o;
    ListData l;
  } u_;
  std::shared_ptr<const void> keep_;
};

// `==` of the language: same kind and same content (objects: the same entity).
bool equal(const Value& a, const Value& b);
// `<` of the language, for numbers with numbers and strings with strings; false otherwise.
bool less(const Value& a, const Value& b);
// A hash consistent with `equal`, for join indexes.
size_t hash_value(const Value& value);

struct ValueHash {
  size_t operator()(const Value& v) const { return hash_value(v); }
};
struct ValueEqual {
  bool operator()(const Value& a, const Value& b) const { return equal(a, b); }
};

}  // namespace steward::policy
