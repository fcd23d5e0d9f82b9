// Each variant of fixtures/formats/broken yields exactly the one finding its README table names,
// at that file:line:col.

#include <fstream>
#include <regex>
#include <sstream>

#include "formats_helpers.h"

using namespace steward;
using namespace steward::formats_testing;

namespace {

struct BrokenCase {
  std::string variant;
  std::string expected;  // "rule@file:line:col"
};

std::vector<BrokenCase> broken_cases() {
  std::ifstream in(kFixtures / "broken" / "README.md");
  std::ostringstream text;
  text << in.rdbuf();
  std::istringstream readme(text.str());
  std::vector<BrokenCase> cases;
  const std::regex row(R"(^\| `([a-z0-9.-]+)`[^|]*\| `([a-z.-]+)` \| `([^`]+)` \|)");
  for (std::string line; std::getline(readme, line);) {
    std::smatch match;
    if (std::regex_search(line, match, row)) {
      cases.push_back({match[1], std::string(match[2]) + "@" + std::string(match[3])});
    }
  }
  return cases;
}

}  // namespace

TEST_SUITE("formats: broken variants") {
  TEST_CASE("every variant yields exactly its finding") {
    auto cases = broken_cases();
    REQUIRE(cases.size() == 24);
    size_t folders = 0;
    for (const auto& entry : fs::directory_iterator(kFixtures / "broken")) {
      folders += entry.is_directory();
    }
    CHECK(folders == cases.size());  // every folder has its row
    for (const auto& c : cases) {
      CAPTURE(c.variant);
      auto loaded = load_folder(kFixtures / "broken" / c.variant);
      CHECK(places(loaded.diagnostics) == std::vector<std::string>{c.expected});
    }
  }

  TEST_CASE("findings carry a did-you-mean where a close name exists") {
    auto loaded = load_folder(kFixtures / "broken" / "json-schema-unknown-file");
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].suggestion == "did you mean '../shared/address.json'?");
    loaded = load_folder(kFixtures / "broken" / "rudder-v0.1-unknown-property");
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].suggestion == "did you mean 'email'?");
    loaded = load_folder(kFixtures / "broken" / "rudder-unknown-key");
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].suggestion == "did you mean 'min_length'?");
  }
}
