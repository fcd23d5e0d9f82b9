#include "cli/host_memory.h"

#include <fstream>
#include <string>
#include <system_error>

#include "source/input_error.h"

namespace steward::cli {

namespace {

// virtio's device id of the memory balloon, and the feature bit of free page reporting
// (VIRTIO_BALLOON_F_REPORTING); sysfs writes the features as one '0' or '1' per bit, bit 0 first.
constexpr unsigned long kBalloonDevice = 5;
constexpr size_t kReportingFeature = 5;

std::string first_line(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

bool reports_free_pages(const std::filesystem::path& device) {
  const std::string id = first_line(device / "device");
  if (id.empty()) return false;
  try {
    if (std::stoul(id, nullptr, 0) != kBalloonDevice) return false;
  } catch (const std::exception&) {
    return false;
  }
  const std::string features = first_line(device / "features");
  return features.size() > kReportingFeature && features[kReportingFeature] == '1';
}

}  // namespace

bool host_takes_back_freed_memory(const std::filesystem::path& devices) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(devices, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (reports_free_pages(it->path())) return true;
  }
  return false;
}

HeapPages choose_heap_pages(const char* setting, const std::filesystem::path& devices) {
  const std::string_view value = setting ? setting : "";
  if (value == "1") return {true, "asked: STEWARD_HUGE_PAGES=1"};
  if (value == "0") return {false, "not asked: STEWARD_HUGE_PAGES=0"};
  if (!value.empty()) {
    throw InputError("STEWARD_HUGE_PAGES is '" + std::string(value) + "'; it takes 1 or 0",
                     "set it to 1 (huge pages) or 0 (4 KiB pages), or unset it to let steward "
                     "choose (docs/configuration.md)");
  }
  if (host_takes_back_freed_memory(devices)) {
    return {false,
            "not asked: the host takes back freed memory (virtio free page reporting), "
            "STEWARD_HUGE_PAGES=1 asks"};
  }
  return {true, "asked"};
}

}  // namespace steward::cli
