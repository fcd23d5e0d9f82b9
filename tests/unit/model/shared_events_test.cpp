// Events shared between head's and base's models: load_snapshots reads an event file both
// revisions hold unchanged once, into one Event both models hold, only when everything its
// resolution reads is the same in both (the property library its `$ref`s expand from); each model
// is still exactly what loading it alone gives, diagnostics and their order included.
#include <doctest/doctest.h>

#include <string>
#include <tuple>
#include <vector>

#include "../doctest_strings.h"
#include "diff/change_set.h"
#include "model/model_json.h"
#include "model/snapshot_loader.h"
#include "model_helpers.h"

namespace {

using Strings = std::vector<std::string>;
using steward::git::Snapshot;
using steward::model::Event;
using steward::model::load_snapshot;
using steward::model::load_snapshots;
using steward::model::LoadedModel;
using steward::model::Model;
using steward::model::model_to_json;
using steward::model::Property;
using steward::model::testing::places;
using steward::model::testing::snapshot;

using Files = std::vector<std::tuple<std::string, std::string, std::string>>;  // path, blob, text

const char* const kTeam = "kind: team\nname: team-a\n";

// An event whose `amount` is defined by the library's `money`.
const char* const kOrder =
    "kind: event\nname: order\nowner: team-a\nproperties:\n"
    "  amount: {$ref: money}\n"
    "  id: {type: string}\n";

std::string money(const std::string& type) {
  return "kind: property\nname: money\ntype: " + type + "\npii: none\n";
}

// head and base loaded together, with each loaded alone beside them.
struct Loads {
  std::vector<LoadedModel> together;
  LoadedModel head_alone;
  LoadedModel base_alone;
};

Loads load(const Files& head, const Files& base) {
  std::vector<Snapshot> snapshots;
  snapshots.push_back(snapshot("head", head));
  snapshots.push_back(snapshot("base", base));
  Loads loads;
  loads.together = load_snapshots(std::move(snapshots));
  loads.head_alone = load_snapshot(snapshot("head", head));
  loads.base_alone = load_snapshot(snapshot("base", base));
  REQUIRE(loads.together.size() == 2);
  return loads;
}

// Each model loaded together is what loading it alone gives: the model as `steward model` shows
// it (every entity, resolved, with its spans) and the diagnostics in order. Spans name their
// file and place, not their revision, so a shared file's head-labelled source compares equal.
void check_as_alone(const Loads& loads) {
  CHECK(model_to_json(loads.together[0].model) == model_to_json(loads.head_alone.model));
  CHECK(model_to_json(loads.together[1].model) == model_to_json(loads.base_alone.model));
  CHECK(places(loads.together[0].diagnostics) == places(loads.head_alone.diagnostics));
  CHECK(places(loads.together[1].diagnostics) == places(loads.base_alone.diagnostics));
}

const Event& event_named(const Model& model, const std::string& name) {
  const Event* event = model.find_event(name);
  REQUIRE(event != nullptr);
  return *event;
}

// Every property of `event` at any depth points back at it, and each is listed once.
void check_linked_once(const Event& event, size_t properties) {
  CHECK(event.all_properties.size() == properties);
  for (const Property* property : event.all_properties)
    CHECK(property->event == &event);
}

TEST_CASE("an unchanged event file resolved against the same library is one Event in both") {
  Files files = {{"events/order.yaml", "o1", kOrder},
                 {"library/money.yaml", "m1", money("number")},
                 {"teams.yaml", "t1", kTeam}};
  Loads loads = load(files, files);
  const Event& head = event_named(loads.together[0].model, "order");
  const Event& base = event_named(loads.together[1].model, "order");
  CHECK(&head == &base);
  // Resolved once: the `$ref` expanded, each property linked and listed once.
  check_linked_once(head, 2);
  CHECK(head.properties[0].types == Strings{"number"});
  check_as_alone(loads);
}

TEST_CASE("a shared event file whose `$ref` definition changed is resolved in each model") {
  Loads loads = load({{"events/order.yaml", "o1", kOrder},
                      {"library/money.yaml", "m-head", money("string")},
                      {"teams.yaml", "t1", kTeam}},
                     {{"events/order.yaml", "o1", kOrder},
                      {"library/money.yaml", "m-base", money("number")},
                      {"teams.yaml", "t1", kTeam}});
  const Event& head = event_named(loads.together[0].model, "order");
  const Event& base = event_named(loads.together[1].model, "order");
  CHECK(&head != &base);
  CHECK(head.properties[0].types == Strings{"string"});
  CHECK(base.properties[0].types == Strings{"number"});
  check_linked_once(head, 2);
  check_linked_once(base, 2);
  check_as_alone(loads);
  // The diff sees the property's type change, as it does between the models loaded alone.
  auto changes = steward::diff::compute_changes(loads.together[1].model, loads.together[0].model);
  REQUIRE(changes.properties.size() == 1);
  CHECK(changes.properties[0].name == "order.amount");
  CHECK(changes.properties[0].changed("type"));
  CHECK(changes.properties[0].base_event == &base);
  CHECK(changes.properties[0].head_event == &head);
}

TEST_CASE("a library entry added in another file stops the sharing, even when not referenced") {
  // base's library gains a `kind: property` document in a file head lacks: the libraries differ,
  // so the event is read for each (the rule is by the documents the library is read from).
  Loads loads = load({{"events/order.yaml", "o1", kOrder},
                      {"library/money.yaml", "m1", money("number")},
                      {"teams.yaml", "t1", kTeam}},
                     {{"events/order.yaml", "o1", kOrder},
                      {"library/extra.yaml", "x1", "kind: property\nname: sku\ntype: string\n"},
                      {"library/money.yaml", "m1", money("number")},
                      {"teams.yaml", "t1", kTeam}});
  CHECK(&event_named(loads.together[0].model, "order") !=
        &event_named(loads.together[1].model, "order"));
  check_as_alone(loads);
}

TEST_CASE("a shared event's dangling `$ref` is reported in both models") {
  const std::string dangling =
      "kind: event\nname: order\nowner: team-a\nproperties:\n  amount: {$ref: mony}\n";
  Files files = {{"events/order.yaml", "o1", dangling},
                 {"library/money.yaml", "m1", money("number")},
                 {"teams.yaml", "t1", kTeam}};
  Loads loads = load(files, files);
  CHECK(&event_named(loads.together[0].model, "order") ==
        &event_named(loads.together[1].model, "order"));
  for (const LoadedModel& model : loads.together) {
    CHECK(places(model.diagnostics) ==
          Strings{"reference.unknown-property-definition@events/order.yaml:5:18"});
    REQUIRE(model.diagnostics.size() == 1);
    CHECK(model.diagnostics[0].suggestion == "did you mean 'money'?");
  }
  check_as_alone(loads);
}

TEST_CASE(
    "what reading a shared event reports, and the checks of other models' names, stay "
    "per model") {
  // The event file is shared and has an unknown key (reported by reading it, once, for both);
  // its owner is a team only head defines, so only base reports the owner as unknown.
  const std::string order = std::string(kOrder) + "colour: red\n";
  Loads loads = load({{"events/order.yaml", "o1", order},
                      {"library/money.yaml", "m1", money("number")},
                      {"teams.yaml", "t-head", kTeam}},
                     {{"events/order.yaml", "o1", order},
                      {"library/money.yaml", "m1", money("number")},
                      {"teams.yaml", "t-base", "kind: team\nname: team-b\n"}});
  CHECK(&event_named(loads.together[0].model, "order") ==
        &event_named(loads.together[1].model, "order"));
  CHECK(places(loads.together[0].diagnostics) ==
        Strings{"schema.unknown-key@events/order.yaml:7:1"});
  CHECK(places(loads.together[1].diagnostics) == Strings{"schema.unknown-key@events/order.yaml:7:1",
                                                         "reference.unknown-team@"
                                                         "events/order.yaml:3:8"});
  check_as_alone(loads);
}

TEST_CASE("a shared event that is a duplicate in one model only is held by the other") {
  // head defines `order` in an earlier file too, so head keeps that one and reports the shared
  // file's as a duplicate; base has only the shared file's, which it resolves itself.
  Loads loads = load({{"events/a-order.yaml", "a1", kOrder},
                      {"events/order.yaml", "o1", kOrder},
                      {"library/money.yaml", "m1", money("number")},
                      {"teams.yaml", "t1", kTeam}},
                     {{"events/order.yaml", "o1", kOrder},
                      {"library/money.yaml", "m1", money("number")},
                      {"teams.yaml", "t1", kTeam}});
  const Event& head = event_named(loads.together[0].model, "order");
  const Event& base = event_named(loads.together[1].model, "order");
  CHECK(head.span.file() == "events/a-order.yaml");
  CHECK(base.span.file() == "events/order.yaml");
  check_linked_once(head, 2);
  check_linked_once(base, 2);
  CHECK(places(loads.together[0].diagnostics) ==
        Strings{"schema.duplicate-name@events/order.yaml:2:7"});
  check_as_alone(loads);
}

TEST_CASE("events of one shared file with several documents are shared one by one") {
  const std::string both = std::string(kOrder) +
                           "---\nkind: event\nname: refund\nowner: team-a\nproperties:\n"
                           "  amount: {$ref: money}\n---\n" +
                           money("number") + "---\n" + kTeam;
  Files files = {{"all.yaml", "a1", both}};
  Loads loads = load(files, files);
  for (const char* name : {"order", "refund"}) {
    const Event& head = event_named(loads.together[0].model, name);
    CHECK(&head == &event_named(loads.together[1].model, name));
    CHECK(head.properties[0].types == Strings{"number"});
  }
  check_as_alone(loads);
}

}  // namespace
