#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "model/model.h"
#include "source/diagnostic.h"

// The shape of a model field table (model_fields.h): one row per scalar field of an entity, which
// the YAML reader (model_field_reader.cpp), `steward model`'s JSON (model_json.cpp), the diff
// (tracking_plan_diff.cpp) and the policy binding (model_binding.cpp) each walk, so that a field is
// declared once. What to do with a row follows from the C++ type of its member.
namespace steward::model {

// A value the diff compares that is not one member: a destination's events ("*" or their names),
// its exclusions as text. Nothing reads, writes or binds it through the table; it is a row so that
// the diff lists its change in the table's order.
template <class Owner>
using DerivedTexts = std::vector<std::string> (*)(const Owner&);

// The member a row reads and writes. Each consumer handles every alternative. A member held in a
// SharedValue or a CompactVector (most entities have none of it, see shared_value.h and
// compact_vector.h) reads as the value it holds.
template <class Owner>
using FieldMember =
    std::variant<std::string Owner::*, SharedValue<std::string> Owner::*, bool Owner::*,
                 Ref Owner::*, SharedValue<Ref> Owner::*, std::vector<Ref> Owner::*,
                 CompactVector<Ref> Owner::*, std::vector<std::string> Owner::*,
                 std::optional<std::string> Owner::*, std::optional<double> Owner::*,
                 std::optional<long long> Owner::*, EventStatus Owner::*, DerivedTexts<Owner>>;

// Members held compactly (a SharedValue, a CompactVector): read as the value they hold.
template <class T>
inline constexpr bool kIsHeld = false;
template <class T>
inline constexpr bool kIsHeld<SharedValue<T>> = true;
template <class T>
inline constexpr bool kIsHeld<CompactVector<T>> = true;

template <class T>
const T& held_value(const SharedValue<T>& held) {
  return *held;
}
template <class T>
const std::vector<T>& held_value(const CompactVector<T>& held) {
  return held.get();
}

// The value of a row's member in `owner`: a reference to the member (to the value a SharedValue
// or a CompactVector holds), or the derived texts.
template <class Owner, class Member>
decltype(auto) field_of(const Owner& owner, Member member) {
  if constexpr (std::is_member_object_pointer_v<Member>) {
    if constexpr (kIsHeld<std::remove_cvref_t<decltype(owner.*member)>>) {
      return held_value(owner.*member);
    } else {
      return (owner.*member);
    }
  } else {
    return member(owner);
  }
}

// Whether a row's member is a member (that a reader can set), not derived texts.
template <class Member>
inline constexpr bool kIsMember = std::is_member_object_pointer_v<Member>;

// What the text of a field names, where it names more than text: the policy language types it
// (a team, a PII category, a consent purpose), the reader checks what it must look like (a
// percentage, a duration, a count) and the tests pick values that resolve or pass.
enum class Names {
  text,
  team,
  category,
  purpose,
  source,
  library_property,
  percentage,  // "1%", "0.5%"
  duration,    // "250ms", "5s", "5m", "1h"
  count,       // a whole number of events as text: "1000"
  date,        // YYYY-MM-DD
};

// When `steward model` writes a field: always (text as "", lists as []), always with null for an
// unset value, only when it differs from the entity's default (empty, none, the default flag), or
// never from the table (left out, or written in a shape of its own by model_json.cpp).
enum class JsonWhen { always, or_null, when_set, never };

// Checks a value beyond its type, where it was written (a regular expression compiles, ...), and
// reports what is wrong. False: the value is not kept (the field stays unset).
using FieldCheck = bool (*)(std::string_view value, const Span& span, std::string_view what,
                            Diagnostics& diagnostics);

template <class Owner>
struct ModelField {
  const char* name;  // the key of `steward model`'s JSON, the diff's field, the language's field
  FieldMember<Owner> member;
  const char* yaml_key = nullptr;  // the key in the kind's YAML; null: only formats set it
  JsonWhen json = JsonWhen::when_set;
  bool diffed = true;             // whether a change of it is a change of the entity
  const char* summary = nullptr;  // what the language says it is; null: not bound
  Names names = Names::text;
  Span Owner::*span =
      nullptr;                 // where the value was written: the reader sets it, rules point at it
  FieldCheck check = nullptr;  // run by the reader on the value as written
  // The mapping the key sits in (Identity's `merge:`): the YAML key's parent, the object of
  // `steward model`'s JSON, and the diff's prefix ("merge.on_conflict"). Null: the entity's own.
  const char* section = nullptr;
  std::span<const char* const> choices = {};  // text: the values allowed (did-you-mean otherwise)
  long long minimum = 0;                      // whole numbers: the smallest allowed
  // Lists of text: items are any scalar, null included, kept as written (enum values), instead of
  // names (a list of scalars each with its span).
  bool items_as_written = false;
};

// Every event status, in the order the reader's help lists them; names from to_string.
inline constexpr EventStatus kEventStatuses[] = {EventStatus::draft, EventStatus::active,
                                                 EventStatus::deprecated, EventStatus::removed};

}  // namespace steward::model
