#include "cli/huge_page_heap.h"

namespace steward::cli {

// A build without tcmalloc (the sanitized ones, -DSTEWARD_TCMALLOC=OFF) keeps its allocator as
// it is.
void use_huge_pages_for_the_heap() {}

}  // namespace steward::cli
