#pragma once

namespace steward::cli {

// Makes tcmalloc take its spans from regions the kernel may back with transparent huge pages
// (huge_page_heap.cpp says why). Called once, first thing in main; does nothing in a build
// without tcmalloc (tcmalloc_unavailable.cpp).
void use_huge_pages_for_the_heap();

}  // namespace steward::cli
