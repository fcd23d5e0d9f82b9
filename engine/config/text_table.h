#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace steward::config {

// The texts an encoding has written, each with the number it was given (ByteWriter::text), in one
// array of slots probed in order from the text's hash (XXH3). It was a std::unordered_map, whose
// allocation for each new text and std::hash made the look-ups half of encoding a large check's
// outcome. The table keeps views: the texts must outlive it.
class TextTable {
 public:
  // Room for about `texts` texts without growing.
  void reserve(size_t texts);
  // The number `text` was given before, or 0 after giving it `number` (which must not be 0).
  uint64_t find_or_add(std::string_view text, uint64_t number);
  // The number `text` was given, or 0.
  uint64_t find(std::string_view text) const;

 private:
  struct Slot {
    const char* data = nullptr;
    size_t size = 0;
    uint64_t number = 0;  // 0: the slot is free
  };
  static uint64_t hash(std::string_view text);
  // The slot that holds `text`, or the free one where it would go.
  size_t place(std::string_view text, uint64_t hashed) const;
  void grow(size_t slots);

  std::vector<Slot> slots_;  // a power of two of them, or none
  size_t used_ = 0;
};

}  // namespace steward::config
