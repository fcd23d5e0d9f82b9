#include "config/node_arena.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

namespace steward::config {

namespace {

// A small file's nodes fit in its first block; a large one's blocks double up to the largest.
constexpr size_t kSmallestBlock = 1024;
constexpr size_t kLargestBlock = size_t{1} << 20;

}  // namespace

NodeArena::NodeArena(size_t expected_bytes)
    : next_block_(std::clamp(expected_bytes, kSmallestBlock, kLargestBlock)) {}

void* NodeArena::allocate(size_t bytes, size_t align) {
  auto misalignment = reinterpret_cast<uintptr_t>(next_) % align;
  size_t padding = misalignment ? align - misalignment : 0;
  if (bytes + padding > left_) {
    // A request larger than a block gets a block of its own; the current one stays in use.
    const size_t size = std::max(next_block_, bytes);
    blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
    allocated_ += size;
    if (size == bytes) return blocks_.back().get();
    next_ = blocks_.back().get();  // new[] memory is aligned for any fundamental type
    left_ = size;
    padding = 0;
    next_block_ = std::min(next_block_ * 2, kLargestBlock);
  }
  std::byte* at = next_ + padding;
  next_ = at + bytes;
  left_ -= bytes + padding;
  return at;
}

template <class T>
T* NodeArena::make(size_t count) {
  if (count == 0) return nullptr;
  auto* first = static_cast<T*>(allocate(count * sizeof(T), alignof(T)));
  std::uninitialized_value_construct_n(first, count);
  return first;
}

Node* NodeArena::nodes(size_t count) {
  return make<Node>(count);
}

MapEntry* NodeArena::entries(size_t count) {
  return make<MapEntry>(count);
}

std::string_view NodeArena::text(std::string_view value) {
  if (value.empty()) return {};
  auto* at = static_cast<char*>(allocate(value.size(), 1));
  std::memcpy(at, value.data(), value.size());
  return {at, value.size()};
}

std::string_view NodeArena::keep(std::string bytes) {
  kept_bytes_.push_back(std::make_unique<const std::string>(std::move(bytes)));
  return *kept_bytes_.back();
}

void NodeArena::keep(std::shared_ptr<const NodeArena> other) {
  if (other) kept_arenas_.push_back(std::move(other));
}

}  // namespace steward::config
