#pragma once

#include <filesystem>
#include <string_view>

namespace steward::cli {

// Where Linux lists the virtio devices of a virtual machine.
inline constexpr std::string_view kVirtioDevices = "/sys/bus/virtio/devices";

// Whether the hypervisor takes back the memory this machine frees: a virtio memory balloon that
// negotiated free page reporting. Such a host unmaps each free 2 MiB block the guest reports, so
// the next program to touch it waits while the host faults it in again. `devices` is a folder laid
// out as sysfs's list of virtio devices; false where it is missing or unreadable.
bool host_takes_back_freed_memory(const std::filesystem::path& devices);

// Whether steward's heap asks for transparent huge pages (huge_page_heap.cpp), and why, as
// `check --stats` prints it.
struct HeapPages {
  bool asked = false;
  std::string_view why;
};

// The environment variable STEWARD_HUGE_PAGES decides when it is 1 or 0. Unset or empty: huge
// pages, unless the host takes back freed memory. There, measured on such a machine
// (docs/benchmarks.md), 4 KiB pages made a cold check 7-10% faster and a warm one after a few
// seconds idle 45% faster: every huge page of a run is a fresh 2 MiB block to fault in from the
// host, while 4 KiB pages mostly come from memory the host still backs. Throws InputError for
// any other value.
HeapPages choose_heap_pages(const char* setting, const std::filesystem::path& devices);

}  // namespace steward::cli
