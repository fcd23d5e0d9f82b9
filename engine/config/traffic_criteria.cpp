#include "config/traffic_criteria.h"

#include <charconv>
#include <string>
#include <vector>

#include "source/input_error.h"
#include "source/spelling.h"

namespace steward::config {

namespace {

// "0.1%" -> 0.001. Only a percentage is accepted: a bare 0.1 could mean either.
double parse_rate(const Node& node, const std::string& key) {
  const std::string text(node.text);
  double percent = -1;
  if (node.is_scalar() && text.size() > 1 && text.back() == '%') {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size() - 1, percent);
    if (ec != std::errc() || end != text.data() + text.size() - 1) percent = -1;
  }
  if (percent < 0 || percent > 100) {
    fail_at(node.span, "'" + key + "' must be a percentage from 0% to 100%, not '" + text + "'",
            "write e.g. `" + key + ": 0.1%`");
  }
  return percent / 100;
}

long long parse_count(const Node& node, const std::string& key) {
  auto value = node.as_integer();
  if (!node.is_scalar() || !value || *value < 0) {
    fail_at(
        node.span,
        "'" + key + "' must be a whole number of at least 0, not '" + std::string(node.text) + "'",
        "write e.g. `" + key + ": 0`");
  }
  return *value;
}

void unknown_key(const MapEntry& entry, const std::string& section,
                 const std::vector<std::string>& keys) {
  const std::string key(entry.key.text);
  auto guess = closest_match(key, keys);
  std::string list;
  for (const auto& k : keys)
    list += (list.empty() ? "" : ", ") + k;
  fail_at(entry.key.span, "unknown key '" + key + "' in traffic." + section,
          guess ? "did you mean '" + *guess + "'?" : "traffic." + section + " has " + list);
}

const Node& mapping(const Node& node, const std::string& key) {
  if (!node.is_mapping()) {
    fail_at(node.span, "'" + key + "' must be a mapping",
            "see docs/configuration.md, section Sampled traffic");
  }
  return node;
}

void parse_validate(const Node& node, TrafficCriteria& out) {
  static const std::vector<std::string> keys = {"max_invalid_rate"};
  for (const auto& entry : mapping(node, "validate").entries) {
    if (entry.key.text == "max_invalid_rate")
      out.max_invalid_rate = parse_rate(entry.value, std::string(entry.key.text));
    else
      unknown_key(entry, "validate", keys);
  }
}

void parse_replay(const Node& node, TrafficCriteria& out) {
  static const std::vector<std::string> keys = {"max_newly_rejected_rate", "max_new_pii_deliveries",
                                                "max_newly_blocked_by_consent_rate"};
  for (const auto& entry : mapping(node, "replay").entries) {
    const std::string key(entry.key.text);
    if (key == keys[0])
      out.max_newly_rejected_rate = parse_rate(entry.value, key);
    else if (key == keys[1])
      out.max_new_pii_deliveries = parse_count(entry.value, key);
    else if (key == keys[2])
      out.max_newly_blocked_by_consent_rate = parse_rate(entry.value, key);
    else
      unknown_key(entry, "replay", keys);
  }
}

void parse_identity(const Node& node, TrafficCriteria& out) {
  static const std::vector<std::string> keys = {"max_collisions", "max_largest_profile"};
  for (const auto& entry : mapping(node, "identity").entries) {
    const std::string key(entry.key.text);
    if (key == keys[0])
      out.max_collisions = parse_count(entry.value, key);
    else if (key == keys[1])
      out.max_largest_profile = parse_count(entry.value, key);
    else
      unknown_key(entry, "identity", keys);
  }
}

}  // namespace

TrafficCriteria parse_traffic_criteria(const Node& node) {
  TrafficCriteria out;
  if (node.is_null()) return out;
  static const std::vector<std::string> keys = {"validate", "replay", "identity"};
  for (const auto& entry : mapping(node, "traffic").entries) {
    const std::string key(entry.key.text);
    if (entry.value.is_null()) continue;
    if (key == "validate")
      parse_validate(entry.value, out);
    else if (key == "replay")
      parse_replay(entry.value, out);
    else if (key == "identity")
      parse_identity(entry.value, out);
    else {
      auto guess = closest_match(key, keys);
      fail_at(
          entry.key.span, "unknown key '" + key + "' in traffic",
          guess ? "did you mean '" + *guess + "'?" : "traffic has validate, replay and identity");
    }
  }
  return out;
}

}  // namespace steward::config
