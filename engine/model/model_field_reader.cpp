#include "model/model_field_reader.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <type_traits>

#include "model/model_fields.h"
#include "model/value_checks.h"

namespace steward::model {

namespace {

// A list of scalars as text (enum values, numbers as written).
std::vector<std::string> read_texts(YamlFieldReader& reader, const char* key) {
  std::vector<std::string> out;
  const config::Node* values = reader.sequence(key);
  if (!values) return out;
  out.reserve(values->items.size());
  for (const auto& item : values->items) {
    if (item.is_scalar() || item.is_null())
      out.emplace_back(item.text);
    else
      reader.wrong_type(item, "an " + std::string(key) + " value", "a single value");
  }
  return out;
}

std::optional<EventStatus> read_status(YamlFieldReader& reader, const char* key) {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (EventStatus status : kEventStatuses)
      all.emplace_back(to_string(status));
    return all;
  }();
  auto written = reader.choice(key, names);
  if (!written) return std::nullopt;
  for (EventStatus status : kEventStatuses) {
    if (to_string(status) == *written) return status;
  }
  return std::nullopt;
}

// Text with the span it was written at, one of the row's choices when it has them, checked when
// the row says so.
template <class Owner>
void read_text(YamlFieldReader& reader, const ModelField<Owner>& row, Owner& owner,
               std::string& value, Diagnostics& diagnostics) {
  std::optional<Ref> written;
  if (row.choices.empty()) {
    written = reader.ref(row.yaml_key);
  } else if (auto chosen = reader.choice(
                 row.yaml_key, std::vector<std::string>(row.choices.begin(), row.choices.end()))) {
    written = Ref{*chosen, reader.get(row.yaml_key)->span};
  }
  if (!written) return;
  FieldCheck check = row.check ? row.check : value_check(row.names);
  if (check && !check(written->name, written->span, row.yaml_key, diagnostics)) return;
  if (row.span) owner.*row.span = written->span;
  value = std::move(written->name);
}

template <class Owner, class T>
void read_value(YamlFieldReader& reader, const ModelField<Owner>& row, Owner& owner, T& value,
                Diagnostics& diagnostics) {
  const char* key = row.yaml_key;
  if constexpr (std::is_same_v<T, std::string>) {
    read_text(reader, row, owner, value, diagnostics);
    return;
  } else if constexpr (std::is_same_v<T, bool>) {
    if (auto v = reader.boolean(key)) value = *v;
  } else if constexpr (std::is_same_v<T, Ref>) {
    if (auto v = reader.ref(key)) value = std::move(*v);
  } else if constexpr (std::is_same_v<T, std::vector<Ref>>) {
    value = reader.refs(key);
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    value = row.items_as_written ? read_texts(reader, key) : names(reader.refs(key));
  } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
    if (auto v = reader.text(key)) value = std::move(*v);
  } else if constexpr (std::is_same_v<T, std::optional<double>>) {
    value = reader.number(key);
  } else if constexpr (std::is_same_v<T, std::optional<long long>>) {
    value = reader.integer(key, row.minimum);
  } else {
    static_assert(std::is_same_v<T, EventStatus>, "a member type the reader does not know");
    if (auto v = read_status(reader, key)) value = *v;
  }
  // Where it was written, whatever was read there (a rule can point at a wrong value too).
  if (row.span) {
    if (const config::Node* node = reader.get(key)) owner.*row.span = node->span;
  }
}

// What read_value leaves in a member whose key is not written: lists and numbers are set to none,
// other members keep their value.
template <class T>
inline constexpr bool kClearedWhenAbsent =
    std::is_same_v<T, std::vector<Ref>> || std::is_same_v<T, std::vector<std::string>> ||
    std::is_same_v<T, std::optional<double>> || std::is_same_v<T, std::optional<long long>>;

// `key` is the row's yaml_key.
template <class Owner>
void read_row(YamlFieldReader& reader, const ModelField<Owner>& row, std::string_view key,
              Owner& owner, Diagnostics& diagnostics) {
  // Most rows' keys are not written: read_value would find nothing and report nothing.
  const bool written = reader.get(key) != nullptr;
  std::visit(
      [&](auto member) {
        if constexpr (kIsMember<decltype(member)>) {
          auto& value = owner.*member;
          using T = std::remove_reference_t<decltype(value)>;
          if constexpr (kIsHeld<T>) {
            // Read into a value of its own, then held (none while it stays the default).
            if (written) {
              auto read = held_value(value);
              read_value(reader, row, owner, read, diagnostics);
              value = std::move(read);
            }
          } else if (written) {
            read_value(reader, row, owner, value, diagnostics);
          } else if constexpr (kClearedWhenAbsent<T>) {
            value = T{};
          }
        }
      },
      row.member);
}

bool same(const char* a, const char* b) {
  return (a == nullptr || b == nullptr) ? a == b : std::strcmp(a, b) == 0;
}

// The YAML keys of the rows in `section` (null: the entity's own), with the sections' own keys
// when reading the entity's.
template <class Owner, size_t N>
std::vector<std::string> section_keys(const ModelField<Owner> (&rows)[N], const char* section) {
  std::vector<std::string> keys;
  for (const ModelField<Owner>& row : rows) {
    if (!row.yaml_key) continue;
    const char* key = same(row.section, section) ? row.yaml_key : section ? nullptr : row.section;
    if (key && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.emplace_back(key);
  }
  return keys;
}

// The yaml_key of each row, measured once.
template <class Owner, size_t N>
const std::array<std::string_view, N>& row_keys(const ModelField<Owner> (&rows)[N]) {
  static const std::array<std::string_view, N> keys = [&] {
    std::array<std::string_view, N> out{};
    for (size_t i = 0; i < N; ++i)
      out[i] = rows[i].yaml_key ? std::string_view(rows[i].yaml_key) : std::string_view();
    return out;
  }();
  return keys;
}

template <class Owner, size_t N>
void read_rows(YamlFieldReader& reader, const ModelField<Owner> (&rows)[N], Owner& owner,
               Diagnostics& diagnostics) {
  const std::array<std::string_view, N>& keys = row_keys(rows);
  for (size_t i = 0; i < N; ++i) {
    if (rows[i].yaml_key && !rows[i].section)
      read_row(reader, rows[i], keys[i], owner, diagnostics);
  }
  // Each section once, where its first row is: a mapping read against its own keys.
  for (size_t i = 0; i < N; ++i) {
    const char* section = rows[i].section;
    if (!section || !rows[i].yaml_key) continue;
    bool first = true;
    for (size_t j = 0; j < i; ++j)
      first = first && !(rows[j].yaml_key && same(rows[j].section, section));
    if (!first) continue;
    const config::Node* mapping = reader.mapping(section);
    if (!mapping) continue;
    YamlFieldReader inner(*mapping, section, section_keys(rows, section), diagnostics);
    for (size_t j = 0; j < N; ++j) {
      if (rows[j].yaml_key && same(rows[j].section, section))
        read_row(inner, rows[j], keys[j], owner, diagnostics);
    }
  }
}

}  // namespace

template <class Owner>
void read_fields(YamlFieldReader& reader, Owner& owner, Diagnostics& diagnostics) {
  read_rows(reader, field_table(std::type_identity<Owner>{}), owner, diagnostics);
}

template <class Owner>
std::vector<std::string> known_keys(std::initializer_list<const char*> own) {
  std::vector<std::string> keys(own.begin(), own.end());
  for (auto& key : section_keys(field_table(std::type_identity<Owner>{}), nullptr)) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  }
  return keys;
}

#define STEWARD_READ_FIELDS(Owner)                                          \
  template void read_fields<Owner>(YamlFieldReader&, Owner&, Diagnostics&); \
  template std::vector<std::string> known_keys<Owner>(std::initializer_list<const char*>);
STEWARD_READ_FIELDS(Property)
STEWARD_READ_FIELDS(Constraints)
STEWARD_READ_FIELDS(Event)
STEWARD_READ_FIELDS(Source)
STEWARD_READ_FIELDS(Destination)
STEWARD_READ_FIELDS(Transformation)
STEWARD_READ_FIELDS(Identity)
STEWARD_READ_FIELDS(MatchKey)
STEWARD_READ_FIELDS(Team)
STEWARD_READ_FIELDS(Slo)
STEWARD_READ_FIELDS(Deprecation)
STEWARD_READ_FIELDS(Taxonomy)
STEWARD_READ_FIELDS(ResidencyRule)
#undef STEWARD_READ_FIELDS

}  // namespace steward::model
