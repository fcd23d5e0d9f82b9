#include "golden.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace steward::report::testing {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void check_golden(const std::string& name, const std::string& actual) {
  // Appended: GCC 12 at -O2 takes the `+` chain for an out-of-bounds copy (-Warray-bounds).
  std::string path(STEWARD_SOURCE_DIR);
  path.append("/tests/unit/report/golden/").append(name);
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    MESSAGE("updated " << path);
    return;
  }
  std::ifstream probe(path);
  if (!probe) {
    FAIL("missing golden file " << path << "; run the test with UPDATE_GOLDEN=1 to create it");
    return;
  }
  const std::string expected = read_file(path);
  if (expected == actual) return;
  // Point at the first line that differs rather than printing both files.
  std::istringstream e(expected), a(actual);
  std::string el, al;
  int line = 0;
  while (true) {
    ++line;
    bool more_e = static_cast<bool>(std::getline(e, el));
    bool more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) break;
    if (el != al || more_e != more_a) {
      FAIL_CHECK(name << ":" << line << " differs (UPDATE_GOLDEN=1 rewrites it)\n  expected: "
                      << (more_e ? el : "<end of file>")
                      << "\n  actual:   " << (more_a ? al : "<end of file>"));
      return;
    }
  }
  FAIL_CHECK(name << " differs (UPDATE_GOLDEN=1 rewrites it)");
}

}  // namespace steward::report::testing
