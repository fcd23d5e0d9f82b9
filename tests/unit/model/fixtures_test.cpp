// The example repositories: fixtures/shop loads clean, and each variant of fixtures/broken yields
// exactly the one diagnostic its README table names, at that file:line:col.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "config/steward_config.h"
#include "git/worktree_reader.h"
#include "model/snapshot_loader.h"
#include "model_helpers.h"

namespace fs = std::filesystem;
using namespace steward::model;
using namespace steward::model::testing;
using steward::git::PathFilter;
using steward::git::read_worktree;
using Strings = std::vector<std::string>;

namespace {

const fs::path kFixtures = fs::path(STEWARD_SOURCE_DIR) / "fixtures";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

LoadedModel load(const fs::path& root, const PathFilter& filter = {}) {
  auto snapshot = read_worktree(root, filter);
  snapshot.label = "work tree";
  return load_snapshot(snapshot);
}

LoadedModel load_shop() {
  const fs::path root = kFixtures / "shop";
  auto config = steward::config::parse_steward_config(
      steward::make_source("steward.yaml", read_file(root / "steward.yaml")));
  return load(root, PathFilter(config.paths, config.exclude));
}

const Route* route(const Model& model, std::string_view destination, std::string_view event) {
  for (const auto& r : model.routes) {
    if (r.destination->name == destination && r.event->name == event) return &r;
  }
  return nullptr;
}

const DeliveredProperty* delivered(const Route& route, std::string_view path) {
  for (const auto& d : route.delivered_properties) {
    if (d.property->path == path) return &d;
  }
  return nullptr;
}

struct BrokenCase {
  std::string variant;
  std::string rule;
  std::string place;  // file:line:col
};

// The rows of the table in fixtures/broken/README.md.
std::vector<BrokenCase> broken_cases() {
  std::vector<BrokenCase> cases;
  std::istringstream readme(read_file(kFixtures / "broken" / "README.md"));
  const std::regex row(R"(^\| `([a-z-]+)`[^|]*\| `([a-z.-]+)` \| `([^`]+)` \|)");
  for (std::string line; std::getline(readme, line);) {
    std::smatch match;
    if (std::regex_search(line, match, row)) cases.push_back({match[1], match[2], match[3]});
  }
  return cases;
}

}  // namespace

TEST_SUITE("fixtures") {
  TEST_CASE("the shop loads with no diagnostics") {
    LoadedModel loaded = load_shop();
    CHECK(places(loaded.diagnostics).empty());
    const Model& model = loaded.model;
    CHECK(loaded.files >= 20);
    CHECK(model.events.size() >= 15);
    CHECK(model.destinations.size() == 5);
    CHECK(model.sources.size() == 3);
    CHECK(model.transformations.size() == 2);
    CHECK(model.identities.size() == 1);
    CHECK(model.slos.size() == 5);
    CHECK(model.teams.size() == 7);
    CHECK_FALSE(model.taxonomy.builtin);
    CHECK_FALSE(model.property_library.empty());
    CHECK(model.routes.size() > 30);
    for (const auto& r : model.routes) {
      CHECK(r.event->status != EventStatus::removed);
      CHECK_FALSE(r.environments->empty());
    }
  }

  TEST_CASE("the shop's routes: exclusions, transformations, \"*\", environments") {
    LoadedModel loaded = load_shop();
    const Model& model = loaded.model;
    // Amplitude receives checkout_started without the e-mail address.
    const Route* amplitude = route(model, "amplitude", "checkout_started");
    REQUIRE(amplitude != nullptr);
    CHECK(delivered(*amplitude, "email") == nullptr);
    CHECK(amplitude->environments == Strings{"staging", "production"});
    // Google Ads receives order_completed with the e-mail hashed, without the address.
    const Route* ads = route(model, "google_ads", "order_completed");
    REQUIRE(ads != nullptr);
    const DeliveredProperty* email = delivered(*ads, "email");
    REQUIRE(email != nullptr);
    CHECK(email->pii() == "user.contact.email.hashed");
    REQUIRE(email->transformed_by() != nullptr);
    CHECK(email->transformed_by()->name == "hash_email");
    CHECK(delivered(*ads, "shipping_address") == nullptr);
    CHECK(delivered(*ads, "shipping_address.city") == nullptr);
    CHECK(delivered(*ads, "products.sku") != nullptr);
    CHECK(ads->environments == Strings{"production"});
    // The warehouse ("*") receives every event that is not removed.
    size_t warehouse = 0;
    for (const auto& r : model.routes)
      warehouse += r.destination->name == "snowflake_warehouse";
    size_t live = 0;
    for (const auto& e : model.events)
      live += e.status != EventStatus::removed;
    CHECK(warehouse == live);
    // app_installed comes from the apps only; still in staging and production for the warehouse.
    CHECK(route(model, "snowflake_warehouse", "app_installed")->environments ==
          Strings{"staging", "production"});
    // Mappings through an array resolve to the item's field.
    const Destination& google = *model.find_destination("google_ads");
    bool mapped = false;
    for (const auto& m : google.mappings) {
      if (m.from.name == "properties.products.product_id") {
        REQUIRE(m.property != nullptr);
        CHECK(m.property->path == "products.product_id");
        mapped = true;
      }
    }
    CHECK(mapped);
  }

  TEST_CASE("the README table covers every broken variant") {
    auto cases = broken_cases();
    Strings variants;
    for (const auto& c : cases)
      variants.push_back(c.variant);
    std::sort(variants.begin(), variants.end());
    Strings folders;
    for (const auto& entry : fs::directory_iterator(kFixtures / "broken")) {
      if (entry.is_directory()) folders.push_back(entry.path().filename().string());
    }
    std::sort(folders.begin(), folders.end());
    CHECK(variants == folders);
    CHECK(cases.size() == 20);
  }

  TEST_CASE("every broken variant yields exactly its one diagnostic, at its place") {
    for (const auto& c : broken_cases()) {
      INFO("variant " << c.variant);
      LoadedModel loaded = load(kFixtures / "broken" / c.variant);
      CHECK(places(loaded.diagnostics) == Strings{c.rule + "@" + c.place});
      // What the line says is what the table says (JSON has no comments).
      if (!loaded.diagnostics.empty() && c.place.find(".json:") == std::string::npos) {
        const auto& span = loaded.diagnostics[0].span;
        std::string line(span.source->line(span.line));
        CHECK(line.find("# expect: " + c.rule) != std::string::npos);
      }
    }
  }
}
