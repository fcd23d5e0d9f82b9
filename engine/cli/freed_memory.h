#pragma once

#include <cstddef>

namespace steward::cli {

// While one lives, memory the program frees goes back to the system at once, rather than waiting
// in tcmalloc's free lists to be reused (tcmalloc's aggressive decommit).
//
// Why: the gate builds each side's findings in large buffers (a vector grown by doubling, then the
// findings made from it, then their fingerprints' keys) and frees them again while the other side
// still works. Kept by tcmalloc, the freed buffers stay resident but seldom fit the next large
// request, so a cold check on 20,000 events ended with 60 MiB free inside a 410 MiB peak; given
// back at once, the peak is 390 MiB (docs/benchmarks.md). Not for the whole run: while a model is
// parsed and built, what is freed is reused at once, and returning it cost 6-7% of the wall time.
//
// Does nothing in a build without tcmalloc (tcmalloc_unavailable.cpp).
class FreedMemoryReturned {
 public:
  FreedMemoryReturned();
  ~FreedMemoryReturned();
  FreedMemoryReturned(const FreedMemoryReturned&) = delete;
  FreedMemoryReturned& operator=(const FreedMemoryReturned&) = delete;

 private:
  [[maybe_unused]] size_t before_ = 0;  // the setting to go back to (unused without tcmalloc)
};

}  // namespace steward::cli
