// load_snapshots: head and base read in one pass, each shared file parsed once, every parsed tree
// released once the models have read it, and each model exactly what loading it alone gives.
#include "model/snapshot_loader.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

#include "../doctest_strings.h"
#include "config/parse_cache.h"
#include "model_helpers.h"

namespace {

using Strings = std::vector<std::string>;
using steward::config::ParseCache;
using steward::git::Snapshot;
using steward::model::load_snapshot;
using steward::model::load_snapshots;
using steward::model::LoadedModel;
using steward::model::testing::places;
using steward::model::testing::snapshot;

std::string event(const std::string& name, const std::string& extra = "") {
  return "kind: event\nname: " + name + "\nowner: team-a\nproperties:\n  id: {type: string}\n" +
         extra;
}

Strings event_names(const LoadedModel& loaded) {
  Strings names;
  for (const auto& e : loaded.model.events)
    names.push_back(e.name);
  return names;
}

const char* kSchema =
    R"({"$schema": "http://json-schema.org/draft-07/schema#", "title": "schema_event",
        "type": "object", "properties": {"sku": {"type": "string"}}})";

Snapshot head() {
  return snapshot("head", {{"a.yaml", "1", event("a")},
                           {"b.yaml", "2h", event("b", "  extra: {type: string}\n")},
                           {"c.yaml", "3", event("c")},
                           {"s.json", "4", kSchema}});
}

Snapshot base() {
  return snapshot("base", {{"a.yaml", "1", event("a")},
                           {"b.yaml", "2b", event("b")},
                           {"c.yaml", "3", event("c")},
                           {"d.yaml", "5", event("d")},
                           {"s.json", "4", kSchema}});
}

TEST_CASE("head and base loaded together parse each shared file once and release the trees") {
  ParseCache cache;
  std::vector<Snapshot> snapshots;
  snapshots.push_back(head());
  snapshots.push_back(base());
  std::vector<LoadedModel> loaded = load_snapshots(std::move(snapshots), &cache);
  REQUIRE(loaded.size() == 2);
  // a, b (head), c, s; b (base), d: the base copies of a, c and s share head's parse.
  CHECK(cache.parses() == 6);
  CHECK(cache.hits() == 3);
  CHECK(event_names(loaded[0]) == Strings{"a", "b", "c", "schema_event"});
  CHECK(event_names(loaded[1]) == Strings{"a", "b", "c", "d", "schema_event"});
  CHECK(loaded[0].model.events[1].properties.size() == 2);
  CHECK(loaded[1].model.events[1].properties.size() == 1);
  // The sources stay (spans point into them); a shared file's is head's, as before.
  REQUIRE(loaded[1].parsed.size() == 5);
  CHECK(loaded[1].parsed[0]->source == loaded[0].parsed[0]->source);
  CHECK(loaded[1].parsed[0]->source->revision() == "head");
  CHECK(loaded[1].parsed[1]->source->revision() == "base");
  // Native documents are released once read; an external format's are read at the end, so kept.
  for (const auto& model : loaded) {
    for (const auto& parsed : model.parsed) {
      INFO(parsed->source->path());
      CHECK(parsed->documents.empty() == !parsed->source->path().ends_with(".json"));
    }
  }
  // Nothing is left in the cache for later reads: it held no tree past the load.
  auto again = cache.read("a.yaml", "1", event("a"), "head");
  CHECK(cache.parses() == 7);
  CHECK(again->documents.size() == 1);
}

TEST_CASE("each model loaded together is what loading it alone gives, findings in order") {
  auto with_problems = [](Snapshot s) {
    s.files.insert(s.files.begin(), {"0-broken.yaml", "b0", "kind: event\nname: [unclosed\n"});
    s.files.push_back({"t.yaml", "t" + s.label, "kind: evnet\nname: t\n"});
    s.files.push_back({"u.yaml", "u", event("a")});  // a duplicate of a.yaml's event
    s.unread.push_back({"v.yaml", "a symbolic link that leaves the repository"});
    return s;
  };
  std::vector<Snapshot> snapshots;
  snapshots.push_back(with_problems(head()));
  snapshots.push_back(with_problems(base()));
  std::vector<LoadedModel> together = load_snapshots(std::move(snapshots));
  LoadedModel head_alone = load_snapshot(with_problems(head()));
  LoadedModel base_alone = load_snapshot(with_problems(base()));
  CHECK(places(together[0].diagnostics) == places(head_alone.diagnostics));
  CHECK(places(together[1].diagnostics) == places(base_alone.diagnostics));
  CHECK(places(together[0].diagnostics).size() >= 4);
  CHECK(event_names(together[0]) == event_names(head_alone));
  CHECK(event_names(together[1]) == event_names(base_alone));
  CHECK(together[1].model.routes.size() == base_alone.model.routes.size());
}

TEST_CASE("thousands of files load on every core, in each revision's order") {
  // More files than the loader parses ahead of the models, so that the window moves and the
  // parsing threads wait for the models to catch up; base lacks some files and changes others.
  Snapshot many_head;
  Snapshot many_base;
  many_head.label = "head";
  many_base.label = "base";
  for (int i = 0; i < 1500; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "e%05d", i);
    const std::string path = std::string(name) + ".yaml";
    many_head.files.push_back({path, std::string(name), event(name)});
    if (i % 100 == 7) continue;
    const std::string blob = i % 100 == 9 ? std::string(name) + "b" : std::string(name);
    many_base.files.push_back({path, blob, event(name)});
  }
  ParseCache cache;
  std::vector<Snapshot> snapshots;
  snapshots.push_back(many_head);
  snapshots.push_back(many_base);
  std::vector<LoadedModel> loaded = load_snapshots(std::move(snapshots), &cache);
  CHECK(cache.parses() == 1500 + 15);
  CHECK(cache.hits() == 1500 - 30);
  REQUIRE(loaded[0].model.events.size() == 1500);
  REQUIRE(loaded[1].model.events.size() == 1485);
  CHECK(loaded[0].model.events[1499].name == "e01499");
  CHECK(loaded[1].model.events[7].name == "e00008");
  // Each event names a team no file defines: one finding per event, in file order.
  REQUIRE(loaded[0].diagnostics.size() == 1500);
  REQUIRE(loaded[1].diagnostics.size() == 1485);
  CHECK(places(loaded[0].diagnostics)[1499] == "reference.unknown-team@e01499.yaml:3:8");
  CHECK(places(loaded[1].diagnostics)[7] == "reference.unknown-team@e00008.yaml:3:8");
}

}  // namespace
