#pragma once

#include <memory>
#include <string>

namespace steward::policy {

struct ObjectType;

// The static type of a policy expression, as the checker infers it.
//
// Strings come in flavours so that the checker can validate literals against the data: a literal
// compared with a `category` must name a PII category of the taxonomy, one compared with a
// `purpose` a consent purpose, one used as a `team` a `kind: team`. At run time all are strings.
// Any value may be `none` (a field the data left out); operations on none are defined (see
// docs/language.md), so the checker does not track optionality.
struct Type {
  enum class Kind { any, none, boolean, number, string, category, purpose, team, list, object };

  Kind kind = Kind::any;
  std::shared_ptr<const Type> element;  // list
  const ObjectType* object = nullptr;   // object

  static Type any() { return {}; }
  static Type none() { return of(Kind::none); }
  static Type boolean() { return of(Kind::boolean); }
  static Type number() { return of(Kind::number); }
  static Type string() { return of(Kind::string); }
  static Type category() { return of(Kind::category); }
  static Type purpose() { return of(Kind::purpose); }
  static Type team() { return of(Kind::team); }
  static Type list(Type element);
  static Type object_of(const ObjectType* type);

  bool is_any() const { return kind == Kind::any; }
  bool is_stringlike() const {
    return kind == Kind::string || kind == Kind::category || kind == Kind::purpose ||
           kind == Kind::team;
  }
  // The element type of a list; `any` for anything else.
  Type element_type() const { return element ? *element : Type{}; }

 private:
  static Type of(Kind k) {
    Type t;
    t.kind = k;
    return t;
  }
};

// "string", "list of event", "category": as messages and `steward explain` spell types.
std::string to_string(const Type& type);

// Whether a value of type `actual` may stand where `expected` is wanted (`any` and `none` fit
// everywhere; string flavours fit `string` and each other only when one of them is plain).
bool fits(const Type& actual, const Type& expected);

// Whether `a == b` makes sense: the same kind of value, or one side unknown or none.
bool comparable(const Type& a, const Type& b);

}  // namespace steward::policy
