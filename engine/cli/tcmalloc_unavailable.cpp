// What a build without tcmalloc (the sanitized ones, -DSTEWARD_TCMALLOC=OFF) does instead of
// tuning it: keeps its allocator as it is.

#include "cli/freed_memory.h"
#include "cli/huge_page_heap.h"

namespace steward::cli {

void use_huge_pages_for_the_heap() {}

FreedMemoryReturned::FreedMemoryReturned() = default;
FreedMemoryReturned::~FreedMemoryReturned() = default;

}  // namespace steward::cli
