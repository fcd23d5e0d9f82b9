// The fixtures of fixtures/formats load as the models in golden/ (UPDATE_GOLDEN=1 rewrites them).

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "formats_helpers.h"
#include "model/model_json.h"

using namespace steward;
using namespace steward::formats_testing;

namespace {

const fs::path kGolden = fs::path(STEWARD_SOURCE_DIR) / "tests" / "unit" / "formats" / "golden";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void check_golden(const std::string& name, const std::string& actual) {
  const fs::path path = kGolden / name;
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  INFO("golden file " << path.string() << " (UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(fs::exists(path));
  CHECK(read_text(path) == actual);
}

}  // namespace

TEST_SUITE("formats: golden models") {
  TEST_CASE("a folder of JSON Schema event definitions") {
    auto loaded = load_folder(kFixtures / "json-schema");
    CHECK(places(loaded.diagnostics).empty());
    check_golden("json-schema.json", model::model_to_json(loaded.model) + "\n");
  }

  TEST_CASE("an Iglu repository keeps every version; the wrongly bumped one is a finding") {
    auto loaded = load_folder(kFixtures / "iglu");
    CHECK(places(loaded.diagnostics) ==
          std::vector<std::string>{"compat.iglu-version-bump@schemas/com.acme/checkout_started/"
                                   "jsonschema/1-0-2:8:16"});
    check_golden("iglu.json", model::model_to_json(loaded.model) + "\n");
  }

  TEST_CASE("a rudder-cli project, rudder/v0.1") {
    auto loaded = load_folder(kFixtures / "rudder-cli" / "v0.1");
    CHECK(places(loaded.diagnostics).empty());
    check_golden("rudder-cli-v0.1.json", model::model_to_json(loaded.model) + "\n");
  }

  TEST_CASE("a rudder-cli project, rudder/v1") {
    auto loaded = load_folder(kFixtures / "rudder-cli" / "v1");
    CHECK(places(loaded.diagnostics).empty());
    check_golden("rudder-cli-v1.json", model::model_to_json(loaded.model) + "\n");
  }

  TEST_CASE("rudder-cli destinations: event filters, connection modes, consent, enabled") {
    auto loaded = load_folder(kFixtures / "rudder-cli" / "destinations");
    CHECK(places(loaded.diagnostics).empty());
    check_golden("rudder-cli-destinations.json", model::model_to_json(loaded.model) + "\n");
  }

  TEST_CASE("snowplow-cli data structures and a data product") {
    auto loaded = load_folder(kFixtures / "snowplow-cli");
    CHECK(places(loaded.diagnostics).empty());
    check_golden("snowplow-cli.json", model::model_to_json(loaded.model) + "\n");
  }

  TEST_CASE("a Segment Protocols tracking plan (typewriter's JSON)") {
    auto loaded = load_folder(kFixtures / "segment");
    CHECK(places(loaded.diagnostics).empty());
    check_golden("segment.json", model::model_to_json(loaded.model) + "\n");
  }
}
