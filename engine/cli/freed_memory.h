#pragma once

#include <cstddef>

namespace steward::cli {

// While one lives, memory the program frees goes back to the system at once, rather than waiting
// in tcmalloc's free lists to be reused (tcmalloc's aggressive decommit).
//
// Why: the gate builds each side's findings in large buffers (the rules' diagnostics, the findings
// made from them, their grouping and fingerprint keys) and frees them again while the other side
// still works. Kept by tcmalloc, the freed buffers stay resident but seldom fit the next large
// request: a cold check on 20,000 events had 66 MiB free in its heap at the peak, about 400 MiB;
// given back at once, the peak is 377-388 MiB (docs/benchmarks.md). Not for the whole run: while a
// model is parsed and built, what is freed is reused at once, and returning it cost 6% of the wall
// time.
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
