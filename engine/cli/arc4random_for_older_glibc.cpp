// The portable build only (STEWARD_PORTABLE). The static libstdc++ of GCC 12 calls arc4random
// (std::random_device), which glibc has only since 2.36; ubuntu-22.04 runners have 2.35. This
// definition takes the place of glibc's, with getrandom(2) (glibc 2.25), so that the binary runs
// on glibc 2.35 (docs/install.md; make dist-test checks the newest GLIBC_ version).
#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>

extern "C" std::uint32_t arc4random() {
  std::uint32_t value = 0;
  for (;;) {
    const ssize_t got = getrandom(&value, sizeof value, 0);
    if (got == static_cast<ssize_t>(sizeof value)) return value;
    // getrandom blocks until the pool is seeded and is interrupted only by signals; any other
    // failure means a kernel older than 3.17, which glibc 2.35 does not support either.
    if (got < 0 && errno != EINTR) std::abort();
  }
}
