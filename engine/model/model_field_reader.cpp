#include "model/model_field_reader.h"

#include <type_traits>

#include "model/model_fields.h"

namespace steward::model {

namespace {

// A list of scalars as text (enum values, numbers as written).
std::vector<std::string> read_texts(YamlFieldReader& reader, const char* key) {
  std::vector<std::string> out;
  const config::Node* values = reader.sequence(key);
  if (!values) return out;
  for (const auto& item : values->items) {
    if (item.is_scalar() || item.is_null())
      out.push_back(item.text);
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

// Text with the span it was written at, checked when the row says so.
template <class Owner>
void read_text(YamlFieldReader& reader, const ModelField<Owner>& row, Owner& owner,
               std::string& value, Diagnostics& diagnostics) {
  auto written = reader.ref(row.yaml_key);
  if (!written) return;
  if (row.check) row.check(written->name, written->span, row.yaml_key, diagnostics);
  if (row.span) owner.*row.span = written->span;
  value = std::move(written->name);
}

template <class Owner, class T>
void read_value(YamlFieldReader& reader, const ModelField<Owner>& row, Owner& owner, T& value,
                Diagnostics& diagnostics) {
  const char* key = row.yaml_key;
  if constexpr (std::is_same_v<T, std::string>) {
    read_text(reader, row, owner, value, diagnostics);
  } else if constexpr (std::is_same_v<T, bool>) {
    if (auto v = reader.boolean(key)) value = *v;
  } else if constexpr (std::is_same_v<T, Ref>) {
    if (auto v = reader.ref(key)) value = std::move(*v);
  } else if constexpr (std::is_same_v<T, std::vector<Ref>>) {
    value = reader.refs(key);
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    value = read_texts(reader, key);
  } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
    if (auto v = reader.text(key)) value = std::move(*v);
  } else if constexpr (std::is_same_v<T, std::optional<double>>) {
    value = reader.number(key);
  } else if constexpr (std::is_same_v<T, std::optional<long long>>) {
    value = reader.integer(key);
  } else {
    static_assert(std::is_same_v<T, EventStatus>, "a member type the reader does not know");
    if (auto v = read_status(reader, key)) value = *v;
  }
}

template <class Owner, size_t N>
void read_rows(YamlFieldReader& reader, const ModelField<Owner> (&rows)[N], Owner& owner,
               Diagnostics& diagnostics) {
  for (const ModelField<Owner>& row : rows) {
    if (!row.yaml_key) continue;
    std::visit([&](auto member) { read_value(reader, row, owner, owner.*member, diagnostics); },
               row.member);
  }
}

template <class Owner, size_t N>
void add_keys(const ModelField<Owner> (&rows)[N], std::vector<std::string>& keys) {
  for (const ModelField<Owner>& row : rows) {
    if (row.yaml_key) keys.emplace_back(row.yaml_key);
  }
}

}  // namespace

void read_fields(YamlFieldReader& reader, Property& property, Diagnostics& diagnostics) {
  read_rows(reader, kPropertyFields, property, diagnostics);
}

void read_fields(YamlFieldReader& reader, Constraints& constraints, Diagnostics& diagnostics) {
  read_rows(reader, kConstraintFields, constraints, diagnostics);
}

void read_fields(YamlFieldReader& reader, Event& event, Diagnostics& diagnostics) {
  read_rows(reader, kEventFields, event, diagnostics);
}

void add_property_field_keys(std::vector<std::string>& keys) {
  add_keys(kPropertyFields, keys);
  add_keys(kConstraintFields, keys);
}

void add_event_field_keys(std::vector<std::string>& keys) {
  add_keys(kEventFields, keys);
}

}  // namespace steward::model
