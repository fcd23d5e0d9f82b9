// tcmalloc's memory from the system, in regions the kernel may back with transparent huge pages.
//
// Why: a large check touches about half a gigabyte of heap, and on the virtual machines steward
// runs on (CI runners included) the first write to each 4 KiB page is a fault that costs the
// kernel and the hypervisor several microseconds: about 130,000 faults and a quarter of a cold
// check's processor time on 20,000 events. Debian's kernels leave transparent huge pages to
// programs that ask for them (`madvise` mode); asked, a region faults in 2 MiB at a time, 512
// times fewer faults. tcmalloc (gperftools) has no setting for it, but lets a program supply the
// allocator it takes its spans from (SysAllocator): this one reserves address space in large
// aligned regions, marks them MADV_HUGEPAGE and hands them out in order. Reserving commits
// nothing: a page is backed only when tcmalloc first writes to it, as before.
//
// Linked into the binary with tcmalloc only (engine/cli/CMakeLists.txt; without it,
// tcmalloc_unavailable.cpp); the sanitized builds and the unit tests keep their allocators.
// Where the kernel offers no huge pages (`never`), the regions are ordinary memory. Where the host
// takes back the memory a virtual machine frees, huge pages cost more than they save, and steward
// does not ask (host_memory.h).

#include "cli/huge_page_heap.h"

#include <gperftools/malloc_extension.h>
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <mutex>

namespace steward::cli {
namespace {

constexpr size_t kHugePage = size_t{2} << 20;
// Address space reserved at a time: large enough that tcmalloc's spans of a whole check come from
// a few regions, small against the 47 bits of address space.
constexpr size_t kRegion = size_t{64} << 20;

size_t round_up(size_t n, size_t to) {
  return (n + to - 1) / to * to;
}

class HugePageAllocator : public SysAllocator {
 public:
  explicit HugePageAllocator(SysAllocator* fallback) : fallback_(fallback) {}

  // Called by tcmalloc under its page heap lock: nothing here may allocate.
  void* Alloc(size_t size, size_t* actual_size, size_t alignment) override {
    if (alignment < sizeof(void*)) alignment = sizeof(void*);
    // An odd alignment request (larger than a huge page, or not a power of two) goes to
    // tcmalloc's own allocator.
    if (alignment > kHugePage || (alignment & (alignment - 1)) != 0) {
      return fallback_->Alloc(size, actual_size, alignment);
    }
    size = round_up(size, alignment);
    std::lock_guard lock(mutex_);
    uintptr_t start = round_up(next_, alignment);
    if (next_ == 0 || start + size > end_) {
      if (!reserve(size)) return fallback_->Alloc(size, actual_size, alignment);
      start = next_;
    }
    next_ = start + size;
    if (actual_size) *actual_size = size;
    return reinterpret_cast<void*>(start);
  }

 private:
  // A new region of at least `size` bytes, aligned to a huge page, as [next_, end_).
  bool reserve(size_t size) {
    const size_t length = round_up(size > kRegion ? size : kRegion, kHugePage);
    void* mapped = mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mapped == MAP_FAILED) return false;
    const auto raw = reinterpret_cast<uintptr_t>(mapped);
    const uintptr_t aligned = round_up(raw, kHugePage);
    // The slack before and after the aligned region goes back.
    if (aligned > raw) munmap(mapped, aligned - raw);
    const uintptr_t tail = aligned + length;
    if (raw + length + kHugePage > tail) {
      munmap(reinterpret_cast<void*>(tail), raw + length + kHugePage - tail);
    }
    madvise(reinterpret_cast<void*>(aligned), length, MADV_HUGEPAGE);
    next_ = aligned;
    end_ = aligned + length;
    return true;
  }

  SysAllocator* fallback_;
  std::mutex mutex_;
  uintptr_t next_ = 0;
  uintptr_t end_ = 0;
};

HeapPages chosen;

}  // namespace

// Called first thing in main, not from a static constructor: linked statically, tcmalloc
// registers itself in its own static constructor, which may run after ours, and until then
// MallocExtension is a stand-in that ignores the allocator it is given.
void use_heap_pages(HeapPages choice) {
  SysAllocator* fallback = MallocExtension::instance()->GetSystemAllocator();
  if (fallback == nullptr) {  // not tcmalloc's: leave the allocator as it is
    choice = {false, "not asked: the allocator is not tcmalloc"};
  }
  chosen = choice;
  if (!choice.asked) return;
  // Static storage: tcmalloc keeps the pointer for the life of the process.
  static HugePageAllocator allocator(fallback);
  MallocExtension::instance()->SetSystemAllocator(&allocator);
}

HeapPages heap_pages() {
  return chosen;
}

}  // namespace steward::cli
