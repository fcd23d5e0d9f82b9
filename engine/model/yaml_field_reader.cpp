#include "model/yaml_field_reader.h"

#include <algorithm>
#include <stdexcept>

#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::model {

std::optional<Ref> scalar_ref(const config::Node& node, std::string_view what,
                              Diagnostics& diagnostics) {
  if (node.is_scalar()) return Ref{std::string(node.text), node.span};
  report(diagnostics, rule_id::kSchemaWrongType, node.span,
         std::string(what) + " must be a single value, not a " + std::string(node.type_name()));
  return std::nullopt;
}

KnownKeys::KnownKeys(std::vector<std::string> keys) : keys_(std::move(keys)) {
  if (keys_.size() > kMax) throw std::logic_error("KnownKeys: more keys than its table holds");
  table_.fill(-1);
  for (size_t i = 0; i < keys_.size(); ++i) {
    if (index(keys_[i]) >= 0) continue;  // listed twice: the first is the one
    size_t s = slot(keys_[i]);
    while (table_[s] >= 0)
      s = (s + 1) % kSlots;
    table_[s] = static_cast<int8_t>(i);
  }
}

size_t KnownKeys::slot(std::string_view key) {
  uint32_t h = static_cast<uint32_t>(key.size());
  if (!key.empty()) {
    h = h * 31 + static_cast<unsigned char>(key.front());
    h = h * 31 + static_cast<unsigned char>(key[key.size() / 2]);
    h = h * 31 + static_cast<unsigned char>(key.back());
  }
  return (h * 0x9E3779B1u) >> (32 - 7);  // kSlots == 1 << 7
}

int KnownKeys::index(std::string_view key) const {
  static_assert(kSlots == 1 << 7 && kSlots >= 2 * kMax);
  for (size_t s = slot(key);; s = (s + 1) % kSlots) {
    const int i = table_[s];
    if (i < 0 || keys_[static_cast<size_t>(i)] == key) return i;
  }
}

std::string What::str() const {
  std::string out;
  out.reserve(before.size() + name.size() + after.size());
  out.append(before).append(name).append(after);
  return out;
}

YamlFieldReader::YamlFieldReader(const config::Node& mapping, std::string what,
                                 const std::vector<std::string>& known_keys,
                                 Diagnostics& diagnostics)
    : mapping_(mapping),
      owned_what_(std::move(what)),
      what_{owned_what_},
      diagnostics_(diagnostics) {
  if (!mapping_.is_mapping()) {
    report(diagnostics_, rule_id::kSchemaWrongType, mapping_.span,
           this->what() + " must be a mapping, not a " + std::string(mapping_.type_name()));
    return;
  }
  for (const auto& entry : mapping_.entries) {
    const std::string_view key = entry.key.text;
    written_ |= key_bit(key);
    bool known = false;
    for (const auto& k : known_keys)
      known = known || k == key;
    if (!known) report_unknown(entry, known_keys);
  }
}

YamlFieldReader::YamlFieldReader(const config::Node& mapping, What what,
                                 const KnownKeys& known_keys, Diagnostics& diagnostics)
    : mapping_(mapping), what_(what), diagnostics_(diagnostics) {
  if (!mapping_.is_mapping()) {
    report(diagnostics_, rule_id::kSchemaWrongType, mapping_.span,
           this->what() + " must be a mapping, not a " + std::string(mapping_.type_name()));
    return;
  }
  for (const auto& entry : mapping_.entries) {
    written_ |= key_bit(entry.key.text);
    if (known_keys.index(entry.key.text) < 0) report_unknown(entry, known_keys.keys());
  }
}

// An entry whose key is not one of `known_keys`; keys of teams' own are no finding.
void YamlFieldReader::report_unknown(const config::MapEntry& entry,
                                     const std::vector<std::string>& known_keys) {
  const std::string_view key = entry.key.text;
  if (key.starts_with("x-") || key == "metadata") return;
  auto guess = closest_match(key, known_keys);
  report(diagnostics_, rule_id::kSchemaUnknownKey, entry.key.span,
         "unknown key '" + std::string(key) + "' in " + what(),
         "keys of your own go under `x-` or `metadata:`",
         guess ? "did you mean '" + *guess + "'?" : "");
}

void YamlFieldReader::wrong_type(const config::Node& value, std::string_view key,
                                 std::string_view expected) {
  report(diagnostics_, rule_id::kSchemaWrongType, value.span,
         std::string(key) + " must be " + std::string(expected) + ", not a " +
             std::string(value.type_name()));
}

void YamlFieldReader::invalid_value(const config::Node& value, std::string message,
                                    std::string suggestion) {
  report(diagnostics_, rule_id::kSchemaInvalidValue, value.span, std::move(message), {},
         std::move(suggestion));
}

void YamlFieldReader::missing(std::string_view key) {
  report(diagnostics_, rule_id::kSchemaMissingField, mapping_.span,
         what() + " has no `" + std::string(key) + "`", "add `" + std::string(key) + ": ...`");
}

std::optional<std::string> YamlFieldReader::text(std::string_view key, bool required) {
  auto value = ref(key, required);
  if (!value) return std::nullopt;
  return std::move(value->name);
}

std::optional<Ref> YamlFieldReader::ref(std::string_view key, bool required) {
  const config::Node* value = get(key);
  if (!value || value->is_null()) {
    if (required && mapping_.is_mapping()) missing(key);
    return std::nullopt;
  }
  if (!value->is_scalar()) {
    wrong_type(*value, key, "a single value");
    return std::nullopt;
  }
  if (required && value->text.empty()) {
    missing(key);
    return std::nullopt;
  }
  return Ref{std::string(value->text), value->span};
}

std::vector<Ref> YamlFieldReader::refs(std::string_view key) {
  std::vector<Ref> out;
  const config::Node* value = get(key);
  if (!value || value->is_null()) return out;
  if (!value->is_sequence()) {
    wrong_type(*value, key, "a list");
    return out;
  }
  out.reserve(value->items.size());
  for (const auto& item : value->items) {
    if (item.is_scalar()) {
      out.push_back(Ref{std::string(item.text), item.span});
    } else {
      scalar_ref(item, std::string("an item of ") + std::string(key), diagnostics_);
    }
  }
  return out;
}

bool YamlFieldReader::refs_or_all(std::string_view key, std::vector<Ref>& out) {
  const config::Node* value = get(key);
  if (value && value->is_scalar() && value->text == "*") return true;
  if (value && value->is_scalar()) {
    wrong_type(*value, key, "a list or \"*\"");
    return false;
  }
  out = refs(key);
  return false;
}

std::optional<bool> YamlFieldReader::boolean(std::string_view key) {
  const config::Node* value = get(key);
  if (!value || value->is_null()) return std::nullopt;
  auto b = value->as_bool();
  if (!b) wrong_type(*value, key, "true or false");
  return b;
}

std::optional<double> YamlFieldReader::number(std::string_view key) {
  const config::Node* value = get(key);
  if (!value || value->is_null()) return std::nullopt;
  auto n = value->as_number();
  if (!n) wrong_type(*value, key, "a number");
  return n;
}

std::optional<long long> YamlFieldReader::integer(std::string_view key, long long minimum) {
  const config::Node* value = get(key);
  if (!value || value->is_null()) return std::nullopt;
  auto n = value->as_integer();
  if (!n) {
    wrong_type(*value, key, "a whole number");
    return std::nullopt;
  }
  if (*n < minimum) {
    invalid_value(*value, std::string(key) + " must be at least " + std::to_string(minimum));
    return std::nullopt;
  }
  return n;
}

std::optional<std::string> YamlFieldReader::choice(std::string_view key,
                                                   const std::vector<std::string>& allowed) {
  const config::Node* value = get(key);
  auto chosen = text(key);
  if (!chosen) return std::nullopt;
  for (const auto& a : allowed) {
    if (a == *chosen) return chosen;
  }
  std::string list;
  for (const auto& a : allowed)
    list += (list.empty() ? "" : ", ") + a;
  auto guess = closest_match(*chosen, allowed);
  invalid_value(*value, std::string(key) + " '" + *chosen + "' is not one of: " + list,
                guess ? "did you mean '" + *guess + "'?" : "");
  return std::nullopt;
}

const config::Node* YamlFieldReader::mapping(std::string_view key) {
  const config::Node* value = get(key);
  if (!value || value->is_null()) return nullptr;
  if (!value->is_mapping()) {
    wrong_type(*value, key, "a mapping");
    return nullptr;
  }
  return value;
}

const config::Node* YamlFieldReader::sequence(std::string_view key) {
  const config::Node* value = get(key);
  if (!value || value->is_null()) return nullptr;
  if (!value->is_sequence()) {
    wrong_type(*value, key, "a list");
    return nullptr;
  }
  return value;
}

}  // namespace steward::model
