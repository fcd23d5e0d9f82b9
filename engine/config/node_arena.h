#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/node.h"

namespace steward::config {

// The memory of one file's nodes: their child lists, and the texts that are not in the file's own
// text, in a few blocks freed together (a vector and a string per node were millions of small
// allocations and frees in a large check).
class NodeArena {
 public:
  // `expected_bytes`: about what the nodes will take, for the first block.
  explicit NodeArena(size_t expected_bytes = 0);
  NodeArena(const NodeArena&) = delete;
  NodeArena& operator=(const NodeArena&) = delete;

  // Room for `count` nodes or entries, default-constructed.
  Node* nodes(size_t count);
  MapEntry* entries(size_t count);
  // A copy of `value` that lives as long as the arena.
  std::string_view text(std::string_view value);
  // Keeps `bytes` (a cache entry the nodes' texts point into) as long as the arena.
  std::string_view keep(std::string bytes);
  // Keeps another arena, whose nodes some of this one's share, as long as this one.
  void keep(std::shared_ptr<const NodeArena> other);

  size_t allocated_bytes() const { return allocated_; }

 private:
  void* allocate(size_t bytes, size_t align);
  template <class T>
  T* make(size_t count);  // `count` default-constructed Ts

  std::byte* next_ = nullptr;
  size_t left_ = 0;
  size_t next_block_;  // the size of the next block, doubled with each one up to a limit
  size_t allocated_ = 0;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::vector<std::unique_ptr<const std::string>> kept_bytes_;  // not moved when one is added
  std::vector<std::shared_ptr<const NodeArena>> kept_arenas_;
};

}  // namespace steward::config
