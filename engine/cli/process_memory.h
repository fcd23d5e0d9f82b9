#pragma once

#include <optional>

namespace steward::cli {

// What the kernel says of this process's memory (Linux /proc/self), for `--stats`: the peak
// resident set, and how much of it is in transparent huge pages (huge_page_heap.cpp says why
// that matters). Empty where the kernel does not say.
struct ProcessMemory {
  std::optional<double> peak_resident_mib;
  std::optional<double> huge_pages_mib;
};

ProcessMemory read_process_memory();

}  // namespace steward::cli
