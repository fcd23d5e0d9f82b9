#pragma once

#include "cli/host_memory.h"

namespace steward::cli {

// Makes tcmalloc take its spans from regions the kernel may back with transparent huge pages
// (huge_page_heap.cpp says why) when `choice.asked`, and remembers the choice for heap_pages().
// Called once, first thing in main; in a build without tcmalloc it only records that nothing was
// asked (tcmalloc_unavailable.cpp).
void use_heap_pages(HeapPages choice);

// What use_heap_pages did, for `check --stats`.
HeapPages heap_pages();

}  // namespace steward::cli
