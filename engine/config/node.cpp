#include "config/node.h"

#include <charconv>
#include <cmath>

namespace steward::config {

const MapEntry* Node::find_entry(std::string_view key) const {
  for (const auto& entry : entries) {
    if (entry.key.text == key) return &entry;
  }
  return nullptr;
}

const Node* Node::find(std::string_view key) const {
  const MapEntry* entry = find_entry(key);
  return entry ? &entry->value : nullptr;
}

std::optional<bool> Node::as_bool() const {
  if (kind != Kind::scalar || quoted) return std::nullopt;
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

std::optional<double> Node::as_number() const {
  if (kind != Kind::scalar || quoted || text.empty()) return std::nullopt;
  std::string_view s = text;
  if (s.front() == '+') s.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<long long> Node::as_integer() const {
  if (kind != Kind::scalar || quoted || text.empty()) return std::nullopt;
  std::string_view s = text;
  if (s.front() == '+') s.remove_prefix(1);
  long long value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::string_view Node::type_name() const {
  switch (kind) {
    case Kind::null:
      return "null";
    case Kind::sequence:
      return "list";
    case Kind::mapping:
      return "mapping";
    case Kind::scalar:
      if (as_bool()) return "boolean";
      if (as_number()) return "number";
      return "string";
  }
  return "string";
}

}  // namespace steward::config
