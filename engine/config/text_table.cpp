#include "config/text_table.h"

#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace steward::config {

namespace {

// At most this share of the slots is used (7/8): a longer probe costs less than a larger table
// here, whose texts are mostly a few dozen bytes.
bool over_load(size_t used, size_t slots) {
  return used * 8 >= slots * 7;
}

size_t slots_for(size_t texts) {
  size_t slots = 16;
  while (over_load(texts, slots))
    slots *= 2;
  return slots;
}

}  // namespace

uint64_t TextTable::hash(std::string_view text) {
  return XXH3_64bits(text.data(), text.size());
}

size_t TextTable::place(std::string_view text, uint64_t hashed) const {
  const size_t mask = slots_.size() - 1;
  for (size_t at = static_cast<size_t>(hashed) & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.number == 0) return at;
    if (slot.size == text.size() && std::memcmp(slot.data, text.data(), text.size()) == 0)
      return at;
  }
}

void TextTable::reserve(size_t texts) {
  if (slots_.size() < slots_for(texts)) grow(slots_for(texts));
}

void TextTable::grow(size_t slots) {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.resize(slots);
  for (const Slot& slot : old) {
    if (slot.number == 0) continue;
    const std::string_view text(slot.data, slot.size);
    slots_[place(text, hash(text))] = slot;
  }
}

uint64_t TextTable::find_or_add(std::string_view text, uint64_t number) {
  if (slots_.empty()) {
    grow(slots_for(1));
  } else if (over_load(used_ + 1, slots_.size())) {
    grow(slots_.size() * 2);
  }
  Slot& slot = slots_[place(text, hash(text))];
  if (slot.number != 0) return slot.number;
  slot = Slot{text.data(), text.size(), number};
  ++used_;
  return 0;
}

uint64_t TextTable::find(std::string_view text) const {
  if (slots_.empty()) return 0;
  return slots_[place(text, hash(text))].number;
}

}  // namespace steward::config
