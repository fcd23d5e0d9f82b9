#include "model/yaml_field_reader.h"

#include "source/rule_ids.h"
#include "source/spelling.h"

namespace steward::model {

std::optional<Ref> scalar_ref(const config::Node& node, std::string_view what,
                              Diagnostics& diagnostics) {
  if (node.is_scalar()) return Ref{node.text, node.span};
  report(diagnostics, rule_id::kSchemaWrongType, node.span,
         std::string(what) + " must be a single value, not a " + std::string(node.type_name()));
  return std::nullopt;
}

YamlFieldReader::YamlFieldReader(const config::Node& mapping, std::string what,
                                 const std::vector<std::string>& known_keys,
                                 Diagnostics& diagnostics)
    : mapping_(mapping), what_(std::move(what)), diagnostics_(diagnostics) {
  if (!mapping_.is_mapping()) {
    report(diagnostics_, rule_id::kSchemaWrongType, mapping_.span,
           what_ + " must be a mapping, not a " + std::string(mapping_.type_name()));
    return;
  }
  for (const auto& entry : mapping_.entries) {
    const std::string& key = entry.key.text;
    if (key.starts_with("x-") || key == "metadata") continue;
    bool known = false;
    for (const auto& k : known_keys)
      known = known || k == key;
    if (known) continue;
    auto guess = closest_match(key, known_keys);
    report(diagnostics_, rule_id::kSchemaUnknownKey, entry.key.span,
           "unknown key '" + key + "' in " + what_, "keys of your own go under `x-` or `metadata:`",
           guess ? "did you mean '" + *guess + "'?" : "");
  }
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
         what_ + " has no `" + std::string(key) + "`", "add `" + std::string(key) + ": ...`");
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
  return Ref{value->text, value->span};
}

std::vector<Ref> YamlFieldReader::refs(std::string_view key) {
  std::vector<Ref> out;
  const config::Node* value = get(key);
  if (!value || value->is_null()) return out;
  if (!value->is_sequence()) {
    wrong_type(*value, key, "a list");
    return out;
  }
  for (const auto& item : value->items) {
    if (auto r = scalar_ref(item, std::string("an item of ") + std::string(key), diagnostics_)) {
      out.push_back(std::move(*r));
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
