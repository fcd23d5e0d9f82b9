#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/node.h"
#include "model/model.h"
#include "source/diagnostic.h"
#include "source/diagnostic_factory.h"

namespace steward::model {

// The keys a kind's mapping may hold, made once (a static) for a kind read thousands of times: a
// reader built with it looks each of the mapping's keys up in a table instead of comparing it with
// every known key.
class KnownKeys {
 public:
  static constexpr size_t kMax = 64;

  explicit KnownKeys(std::vector<std::string> keys);

  const std::vector<std::string>& keys() const { return keys_; }
  size_t size() const { return keys_.size(); }
  // The position of `key` in keys(), or -1.
  int index(std::string_view key) const;

 private:
  static constexpr size_t kSlots = 128;  // a power of two, at least twice kMax
  static size_t slot(std::string_view key);

  std::vector<std::string> keys_;
  std::array<int8_t, kSlots> table_;  // positions in keys_; -1: empty
};

// What a reader's messages call its mapping ("property 'items.sku'"), put together only when a
// message is written.
struct What {
  std::string_view before;
  std::string_view name = {};
  std::string_view after = {};

  std::string str() const;
};

// Reads the fields of one mapping against the keys its kind defines. Every schema finding about
// a mapping comes from here: unknown keys (with a did-you-mean), values of the wrong type, missing
// required fields, values outside their allowed set. Keys starting with `x-` and `metadata` are
// free for teams' own annotations.
class YamlFieldReader {
 public:
  YamlFieldReader(const config::Node& mapping, std::string what,
                  const std::vector<std::string>& known_keys, Diagnostics& diagnostics);
  // The same findings, for a kind read many times. `what`'s text must outlive the reader.
  YamlFieldReader(const config::Node& mapping, What what, const KnownKeys& known_keys,
                  Diagnostics& diagnostics);
  YamlFieldReader(const YamlFieldReader&) = delete;
  YamlFieldReader& operator=(const YamlFieldReader&) = delete;

  bool is_mapping() const { return mapping_.is_mapping(); }
  // The value under `key` (the first, were a key written twice), or nullptr.
  const config::Node* get(std::string_view key) const {
    // Most keys a reader asks for are not written: those are answered without comparing text.
    if ((written_ & key_bit(key)) == 0) return nullptr;
    return mapping_.find(key);
  }
  const config::Node& node() const { return mapping_; }
  // Whether the mapping may hold one of the keys of `mask` (keys_mask); false when it holds none.
  bool may_hold_any(uint64_t mask) const { return (written_ & mask) != 0; }
  // The bits of `keys`, for may_hold_any: a reader asked for many keys (a property's dozen
  // constraints) skips them all at once when none is written.
  static uint64_t keys_mask(const std::vector<std::string>& keys) {
    uint64_t mask = 0;
    for (const auto& key : keys)
      mask |= key_bit(key);
    return mask;
  }

  // A scalar read as text (numbers and booleans too, as written).
  std::optional<std::string> text(std::string_view key, bool required = false);
  // Like text, with the value's span.
  std::optional<Ref> ref(std::string_view key, bool required = false);
  // A list of scalars; each with its own span.
  std::vector<Ref> refs(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  std::optional<double> number(std::string_view key);
  std::optional<long long> integer(std::string_view key, long long minimum = 0);
  // One of `allowed`, else schema.invalid-value with a did-you-mean.
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& allowed);
  // A list or the string "*"; returns true for "*".
  bool refs_or_all(std::string_view key, std::vector<Ref>& out);
  // A mapping; reports wrong-type when the key holds something else.
  const config::Node* mapping(std::string_view key);
  // A list; reports wrong-type when the key holds something else.
  const config::Node* sequence(std::string_view key);

  void wrong_type(const config::Node& value, std::string_view key, std::string_view expected);
  void invalid_value(const config::Node& value, std::string message, std::string suggestion = {});
  void missing(std::string_view key);

 private:
  std::string what() const { return what_.str(); }
  void report_unknown(const config::MapEntry& entry, const std::vector<std::string>& known_keys);
  // One of 64 bits for a key (from its length and some of its characters): keys with different
  // bits differ.
  static uint64_t key_bit(std::string_view key) {
    uint32_t h = static_cast<uint32_t>(key.size());
    if (!key.empty()) {
      h = h * 31 + static_cast<unsigned char>(key.front());
      h = h * 31 + static_cast<unsigned char>(key[key.size() > 1 ? 1 : 0]);
      h = h * 31 + static_cast<unsigned char>(key.back());
    }
    return uint64_t{1} << ((h * 0x9E3779B1u) >> 26);
  }

  const config::Node& mapping_;
  std::string owned_what_;  // the text `what_` views, when the reader was given a string
  What what_;
  Diagnostics& diagnostics_;
  uint64_t written_ = 0;  // the key_bit of every key of the mapping
};

// A scalar's text with its span; nullopt (and schema.wrong-type reported) for anything else.
std::optional<Ref> scalar_ref(const config::Node& node, std::string_view what,
                              Diagnostics& diagnostics);

}  // namespace steward::model
