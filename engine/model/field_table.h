#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/model.h"
#include "source/diagnostic.h"

// The shape of a model field table (model_fields.h): one row per scalar field of an entity, which
// the YAML reader (model_field_reader.cpp), `steward model`'s JSON (model_json.cpp), the diff
// (tracking_plan_diff.cpp) and the policy binding (model_binding.cpp) each walk, so that a field is
// declared once. What to do with a row follows from the C++ type of its member.
namespace steward::model {

// The member a row reads and writes. Each consumer handles every alternative.
template <class Owner>
using FieldMember =
    std::variant<std::string Owner::*, bool Owner::*, Ref Owner::*, std::vector<Ref> Owner::*,
                 std::vector<std::string> Owner::*, std::optional<std::string> Owner::*,
                 std::optional<double> Owner::*, std::optional<long long> Owner::*,
                 EventStatus Owner::*>;

// What the text of a field names, where it names more than text: the policy language types it
// (a team, a PII category, a consent purpose) and the tests pick values that resolve.
enum class Names { text, team, category, purpose, source, library_property };

// When `steward model` writes a field: always (text as "", lists as []), always with null for an
// unset value, or only when it differs from the entity's default (empty, none, the default flag).
enum class JsonWhen { always, or_null, when_set };

// Checks a value beyond its type, where it was written (a regular expression compiles, ...).
using FieldCheck = void (*)(std::string_view value, const Span& span, std::string_view what,
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
};

// Every event status, in the order the reader's help lists them; names from to_string.
inline constexpr EventStatus kEventStatuses[] = {EventStatus::draft, EventStatus::active,
                                                 EventStatus::deprecated, EventStatus::removed};

}  // namespace steward::model
