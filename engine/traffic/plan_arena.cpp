#include "traffic/plan_arena.h"

#include <sys/mman.h>

#include <cstdlib>
#include <new>

namespace steward::traffic {

namespace {

constexpr size_t kChunk = 4 << 20;     // two huge pages
constexpr size_t kHugePage = 2 << 20;  // x86-64 and most arm64 kernels
constexpr size_t kLine = 64;

size_t round_up(size_t n, size_t to) {
  return (n + to - 1) / to * to;
}

}  // namespace

void PlanArena::Free::operator()(char* p) const {
  std::free(p);
}

char* PlanArena::allocate(size_t bytes) {
  bytes = round_up(bytes, kLine);
  if (used_ + bytes > capacity_) {
    size_t size = round_up(bytes > kChunk ? bytes : kChunk, kHugePage);
    auto* chunk = static_cast<char*>(std::aligned_alloc(kHugePage, size));
    if (!chunk) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    // A hint: where transparent huge pages are off, or not for this process, nothing changes.
    madvise(chunk, size, MADV_HUGEPAGE);
#endif
    chunks_.emplace_back(chunk);
    used_ = 0;
    capacity_ = size;
  }
  char* out = chunks_.back().get() + used_;
  used_ += bytes;
  return out;
}

}  // namespace steward::traffic
