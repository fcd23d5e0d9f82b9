#include "cli/process_memory.h"

#include <exception>
#include <fstream>
#include <string>

namespace steward::cli {

namespace {

// The kB figure of the line `key:   1234 kB` of a /proc file, in MiB.
std::optional<double> proc_kib_line(const char* path, const std::string& key) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, key.size(), key) != 0 || line.size() <= key.size() ||
        line[key.size()] != ':') {
      continue;
    }
    try {
      return std::stod(line.substr(key.size() + 1)) / 1024.0;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

ProcessMemory read_process_memory() {
  ProcessMemory memory;
  memory.peak_resident_mib = proc_kib_line("/proc/self/status", "VmHWM");
  memory.huge_pages_mib = proc_kib_line("/proc/self/smaps_rollup", "AnonHugePages");
  return memory;
}

}  // namespace steward::cli
