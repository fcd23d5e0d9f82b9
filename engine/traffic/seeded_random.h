#pragma once

#include <cstdint>
#include <string>

namespace steward::traffic {

// A small deterministic generator (SplitMix64): the same seed gives the same sample on every
// platform and standard library (std::uniform_*_distribution are not specified bit for bit).
class SeededRandom {
 public:
  explicit SeededRandom(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // In [0, n); n > 0.
  uint64_t below(uint64_t n) { return n == 0 ? 0 : next() % n; }
  // In [lo, hi].
  long long between(long long lo, long long hi) {
    return hi <= lo ? lo : lo + static_cast<long long>(below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // In [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

 private:
  uint64_t state_;
};

}  // namespace steward::traffic
