#pragma once

#include <cstddef>
#include <memory>
#include <vector>

// The memory of a compiled plan: large chunks, handed out in order and freed together, so that
// what is compiled together is stored together. On Linux the chunks ask for transparent huge
// pages: a plan of thousands of events then needs a few TLB entries instead of one per 4 KiB.
namespace steward::traffic {

class PlanArena {
 public:
  PlanArena() = default;
  PlanArena(const PlanArena&) = delete;
  PlanArena& operator=(const PlanArena&) = delete;

  // `bytes` of uninitialised memory aligned to 64 (a cache line), valid until the arena goes.
  char* allocate(size_t bytes);

 private:
  struct Free {
    void operator()(char* p) const;
  };
  std::vector<std::unique_ptr<char, Free>> chunks_;
  size_t used_ = 0, capacity_ = 0;
};

}  // namespace steward::traffic
