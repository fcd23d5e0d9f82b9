#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "diff/field_diff.h"
#include "model/model_fields.h"

// Compares the diffed rows of an entity's field table (model/model_fields.h), in the table's
// order: what every entity diff does before the fields with a shape of their own.
namespace steward::diff {

template <class T>
void compare_value(FieldDiff& d, const char* name, const T& base, const T& head) {
  if constexpr (std::is_same_v<T, std::string>) {
    d.text(name, base, head);
  } else if constexpr (std::is_same_v<T, bool>) {
    d.flag(name, base, head);
  } else if constexpr (std::is_same_v<T, model::Ref>) {
    d.text(name, base.name, head.name);
  } else if constexpr (std::is_same_v<T, std::vector<model::Ref>>) {
    d.refs(name, base, head);
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    d.list(name, base, head);
  } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
    d.text(name, base.value_or(""), head.value_or(""));
  } else if constexpr (std::is_same_v<T, std::optional<double>>) {
    d.number(name, base, head);
  } else if constexpr (std::is_same_v<T, std::optional<long long>>) {
    d.integer(name, base, head);
  } else {
    static_assert(std::is_same_v<T, model::EventStatus>, "a member type the diff does not know");
    d.text(name, std::string(model::to_string(base)), std::string(model::to_string(head)));
  }
}

// Whether a row's two values are alike, so that compare_value would record nothing: what it
// compares, without building the texts it records. Every pair of entities goes through here, and
// most are unchanged.
template <class T>
bool same_value(const T& base, const T& head) {
  if constexpr (std::is_same_v<T, model::Ref>) {
    return base.name == head.name;
  } else if constexpr (std::is_same_v<T, std::vector<model::Ref>>) {
    return std::equal(base.begin(), base.end(), head.begin(), head.end(),
                      [](const model::Ref& b, const model::Ref& h) { return b.name == h.name; });
  } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
    return std::string_view(base ? *base : std::string_view()) ==
           std::string_view(head ? *head : std::string_view());
  } else if constexpr (std::is_same_v<T, model::EventStatus>) {
    return model::to_string(base) == model::to_string(head);
  } else {
    return base == head;  // text, flag, lists, numbers: as FieldDiff compares them
  }
}

// A row of a section is named with it: "merge.on_conflict"; every row of a part of an entity with
// the part's name, `prefix` ("deprecated.since"). The name is built only for a row that differs.
template <class Owner>
void compare_fields(FieldDiff& d, const Owner& b, const Owner& h, const char* prefix = nullptr) {
  for (const model::ModelField<Owner>& row : model::field_table(std::type_identity<Owner>{})) {
    if (!row.diffed) continue;
    std::visit(
        [&](auto member) {
          decltype(auto) base = model::field_of(b, member);
          decltype(auto) head = model::field_of(h, member);
          if (same_value(base, head)) return;
          std::string name = row.section ? std::string(row.section) + "." + row.name : row.name;
          if (prefix) name = std::string(prefix) + "." + name;
          compare_value(d, name.c_str(), base, head);
        },
        row.member);
  }
}

// An entity's changed fields, for diff_keyed (keyed_diff.h).
template <class Entity>
void compare_entities(const Entity& b, const Entity& h, std::vector<FieldChange>& out) {
  FieldDiff d(out);
  compare_fields(d, b, h);
}

}  // namespace steward::diff
