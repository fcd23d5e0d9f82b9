#include "policy/types.h"

#include "policy/object_type.h"

namespace steward::policy {

Type Type::list(Type element) {
  Type t;
  t.kind = Kind::list;
  t.element = std::make_shared<const Type>(std::move(element));
  return t;
}

Type Type::object_of(const ObjectType* type) {
  Type t;
  t.kind = Kind::object;
  t.object = type;
  return t;
}

std::string to_string(const Type& type) {
  switch (type.kind) {
    case Type::Kind::any:
      return "any";
    case Type::Kind::none:
      return "none";
    case Type::Kind::boolean:
      return "bool";
    case Type::Kind::number:
      return "number";
    case Type::Kind::string:
      return "string";
    case Type::Kind::category:
      return "category";
    case Type::Kind::purpose:
      return "purpose";
    case Type::Kind::team:
      return "team";
    case Type::Kind::list:
      return "list<" + to_string(type.element_type()) + ">";
    case Type::Kind::object:
      return type.object ? type.object->name : "object";
  }
  return "any";
}

bool fits(const Type& actual, const Type& expected) {
  if (actual.is_any() || expected.is_any() || actual.kind == Type::Kind::none) return true;
  if (actual.is_stringlike() && expected.is_stringlike()) {
    return actual.kind == expected.kind || actual.kind == Type::Kind::string ||
           expected.kind == Type::Kind::string;
  }
  if (actual.kind != expected.kind) return false;
  if (actual.kind == Type::Kind::list) return fits(actual.element_type(), expected.element_type());
  if (actual.kind == Type::Kind::object) return actual.object == expected.object;
  return true;
}

bool comparable(const Type& a, const Type& b) {
  return fits(a, b) || fits(b, a);
}

}  // namespace steward::policy
