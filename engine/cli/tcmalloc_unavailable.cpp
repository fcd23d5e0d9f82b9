// What a build without tcmalloc (the sanitized ones, -DSTEWARD_TCMALLOC=OFF) does instead of
// tuning it: keeps its allocator as it is.

#include "cli/freed_memory.h"
#include "cli/huge_page_heap.h"

namespace steward::cli {

void use_heap_pages(HeapPages) {}

HeapPages heap_pages() {
  return {false, "not asked: this build keeps the C library's allocator"};
}

FreedMemoryReturned::FreedMemoryReturned() = default;
FreedMemoryReturned::~FreedMemoryReturned() = default;

}  // namespace steward::cli
