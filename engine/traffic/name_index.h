#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Names to small integers for the look-ups done once per property of every event (a property by
// its key, an event by its name): open addressing in one flat array, so that a look-up is one hash
// of the key and, nearly always, one comparison, with no allocation and no pointer chasing.
namespace steward::traffic {

class NameIndex {
 public:
  static constexpr uint32_t kAbsent = UINT32_MAX;

  // Adds `name` (copied) with `value`; the first of two equal names stays.
  void add(std::string_view name, uint32_t value) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    insert(name, value);
  }

  // The value of `name`, or kAbsent.
  uint32_t find(std::string_view name) const {
    if (slots_.empty()) return kAbsent;
    uint64_t hash = hash_of(name);
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.value == kAbsent) return kAbsent;
      if (slot.hash == hash && slot.size == name.size() &&
          std::memcmp(keys_.data() + slot.offset, name.data(), name.size()) == 0)
        return slot.value;
    }
  }

  size_t size() const { return count_; }

  // Eight bytes a step, multiply-xorshift mixed: names are short, and this is a few cycles
  // where a byte-at-a-time hash is one multiply per character.
  static uint64_t hash_of(std::string_view name) {
    const char* p = name.data();
    size_t n = name.size();
    uint64_t hash = 0x9E3779B97F4A7C15ull ^ n;
    while (n >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      hash = (hash ^ word) * 0xFF51AFD7ED558CCDull;
      hash ^= hash >> 32;
      p += 8;
      n -= 8;
    }
    uint64_t tail = 0;
    for (size_t i = 0; i < n; ++i)
      tail |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    hash = (hash ^ tail) * 0xC4CEB9FE1A85EC53ull;
    return hash ^ (hash >> 29);
  }

 private:
  // The keys are copied into one string (keys_), so that a look-up reads the index's own memory,
  // not wherever the names live.
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0, size = 0;
    uint32_t value = kAbsent;
  };

  std::string_view key_of(const Slot& slot) const {
    return std::string_view(keys_).substr(slot.offset, slot.size);
  }

  // Places a slot for `name`: a new key is appended to keys_ unless `offset` says where it is.
  void insert(std::string_view name, uint32_t value, std::optional<uint32_t> offset = {}) {
    uint64_t hash = hash_of(name);
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.value == kAbsent) {
        if (!offset) {
          offset = static_cast<uint32_t>(keys_.size());
          keys_ += name;
        }
        slot = {hash, *offset, static_cast<uint32_t>(name.size()), value};
        ++count_;
        return;
      }
      if (slot.hash == hash && key_of(slot) == name) return;
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 8 : old.size() * 2, Slot{});
    count_ = 0;
    // keys_ is not changed by these inserts (each gives its offset): the views stay valid.
    for (const Slot& slot : old)
      if (slot.value != kAbsent) insert(key_of(slot), slot.value, slot.offset);
  }

  std::vector<Slot> slots_;
  std::string keys_;
  size_t count_ = 0;
};

}  // namespace steward::traffic
