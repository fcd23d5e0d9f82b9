// Whether the heap asks for huge pages: STEWARD_HUGE_PAGES decides when set, and otherwise
// whether a virtio memory balloon reports free pages to the host, read from a folder laid out as
// sysfs's list of virtio devices (engine/cli/host_memory.h).
#include "cli/host_memory.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>

#include "../input_error_of.h"
#include "../temporary_folder.h"

using steward::cli::choose_heap_pages;
using steward::cli::host_takes_back_freed_memory;

namespace {

// A virtio device as sysfs lists it: its id ("0x0005" for the balloon) and its features, one
// character per bit, bit 0 first.
void device(const std::filesystem::path& devices, const std::string& name, const std::string& id,
            const std::string& features) {
  std::filesystem::create_directories(devices / name);
  std::ofstream(devices / name / "device") << id << "\n";
  std::ofstream(devices / name / "features") << features << "\n";
}

// Features with only these bits set, 64 of them.
std::string bits(std::initializer_list<int> set) {
  std::string features(64, '0');
  for (int bit : set)
    features[static_cast<size_t>(bit)] = '1';
  return features;
}

}  // namespace

TEST_SUITE("host memory") {
  TEST_CASE("a balloon that reports free pages is found among the virtio devices") {
    steward::testing::TempFolder folder;
    const auto devices = folder.path() / "devices";
    device(devices, "virtio0", "0x0001", bits({5}));  // a network card: bit 5 is not reporting
    CHECK_FALSE(host_takes_back_freed_memory(devices));
    device(devices, "virtio1", "0x0005", bits({1, 2}));  // a balloon without free page reporting
    CHECK_FALSE(host_takes_back_freed_memory(devices));
    device(devices, "virtio2", "0x0005", bits({1, 2, 5, 7}));
    CHECK(host_takes_back_freed_memory(devices));
  }

  TEST_CASE("a missing, unreadable or odd device list means the host keeps what it gave") {
    steward::testing::TempFolder folder;
    CHECK_FALSE(host_takes_back_freed_memory(folder.path() / "none"));
    const auto devices = folder.path() / "devices";
    device(devices, "short", "0x0005", "01100");             // too few bits to have bit 5
    device(devices, "garbage", "balloon", bits({5}));        // an id that is not a number
    std::filesystem::create_directories(devices / "empty");  // no files at all
    CHECK_FALSE(host_takes_back_freed_memory(devices));
  }

  TEST_CASE("STEWARD_HUGE_PAGES decides; unset, the host does; another value is an error") {
    steward::testing::TempFolder folder;
    const auto devices = folder.path() / "devices";
    CHECK(choose_heap_pages(nullptr, devices).asked);
    CHECK(choose_heap_pages("", devices).asked);
    device(devices, "virtio0", "0x0005", bits({5}));
    CHECK_FALSE(choose_heap_pages(nullptr, devices).asked);
    CHECK(steward::testing::contains(std::string(choose_heap_pages(nullptr, devices).why),
                                     "the host takes back freed memory"));
    CHECK(choose_heap_pages("1", devices).asked);
    CHECK_FALSE(choose_heap_pages("0", devices).asked);
    for (const char* bad : {"yes", "2", " 1", "true"}) {
      const steward::InputError error =
          steward::testing::input_error_of([&] { choose_heap_pages(bad, devices); });
      CHECK(steward::testing::contains(error.what(), "takes 1 or 0"));
      CHECK(steward::testing::contains(error.fix(), "unset it to let steward choose"));
    }
  }
}
