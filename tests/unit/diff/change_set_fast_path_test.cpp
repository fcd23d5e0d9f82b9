// compute_changes compares unchanged entities cheaply: one object on both sides is no change,
// properties listed alike are paired in place, routes that deliver alike are skipped. These pin
// that the shortcuts find everything the full comparison finds: a change that reaches an event
// or a route from elsewhere (a property-library entry, a transformation) without its file
// changing, properties reordered, and a path listed twice.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../model/model_helpers.h"
#include "diff/change_set.h"
#include "field_changes.h"

using namespace steward;
using namespace steward::diff;
using steward::model::testing::build;
using steward::model::testing::Files;

using steward::diff::testing::fields_of;

namespace {

const char* const kGovernance =
    "kind: team\nname: team-a\n"
    "---\nkind: taxonomy\n"
    "pii_categories: [user.contact.email, user.contact.email.hashed, user.contact.phone]\n"
    "consent_purposes: [marketing]\n"
    "---\nkind: source\nname: web\nplatform: web\nenvironments: [production]\n";

const char* const kLibrary =
    "kind: property\nname: email\ntype: string\npii: user.contact.email\nmax_length: 10\n";

const char* const kEvents =
    "kind: event\nname: signed_up\nowner: team-a\nsources: [web]\nproperties:\n"
    "  email: {$ref: email}\n"
    "  plan: {type: object, pii: none, properties: {tier: {type: string, pii: none}}}\n"
    "---\n"
    "kind: event\nname: registered\nowner: team-a\nsources: [web]\n"
    "properties:\n  email: {$ref: email}\n  referrer: {type: string, pii: none}\n";

const char* const kRouting =
    "kind: transformation\nname: hash_email\nevents: [signed_up]\nreads: [email]\n"
    "writes: {email: user.contact.email.hashed}\n"
    "---\n"
    "kind: destination\nname: crm\nenvironments: [production]\nallow_pii: [user]\n"
    "events: [signed_up, registered]\ntransformations: [hash_email]\n";

Files files(const std::string& library = kLibrary, const std::string& events = kEvents,
            const std::string& routing = kRouting) {
  return {{"governance.yaml", kGovernance},
          {"library.yaml", library},
          {"events.yaml", events},
          {"routing.yaml", routing}};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// Every change in a line of text, in the change set's order, with what identifies it.
std::vector<std::string> summary(const ChangeSet& c) {
  std::vector<std::string> out;
  for (const auto& e : c.events)
    out.push_back("event " + std::string(to_string(e.kind)) + " " + e.name);
  for (const auto& p : c.properties) {
    std::string line = "property " + std::string(to_string(p.kind)) + " " + p.name;
    for (const auto& f : fields_of(p.fields))
      line += " [" + f + "]";
    out.push_back(line);
  }
  for (const auto& r : c.routes) {
    std::string line = "route " + std::string(to_string(r.kind)) + " " + r.destination + "/" +
                       r.event + " +" + std::to_string(r.added_properties.size()) + " -" +
                       std::to_string(r.removed_properties.size());
    for (const auto* p : r.reclassified_properties)
      line += " ~" + p->property->path + ":" + p->pii();
    out.push_back(line);
  }
  for (const auto& t : c.transformations) {
    std::string line = "transformation " + std::string(to_string(t.kind)) + " " + t.name;
    for (const auto& f : fields_of(t.fields))
      line += " [" + f + "]";
    out.push_back(line);
  }
  for (const auto& d : c.destinations)
    out.push_back("destination " + std::string(to_string(d.kind)) + " " + d.name);
  return out;
}

}  // namespace

TEST_CASE("a model against itself is no change: every entity is one object on both sides") {
  auto built = build(files());
  REQUIRE(built.diagnostics.empty());
  ChangeSet changes = compute_changes(built.model, built.model);
  CHECK(changes.empty());
  CHECK(summary(changes).empty());
}

TEST_CASE("a library entry's PII changed under an unchanged event file reaches the routes") {
  auto base = build(files());
  auto head =
      build(files(replaced(kLibrary, "pii: user.contact.email", "pii: user.contact.phone")));
  REQUIRE(head.diagnostics.empty());
  ChangeSet changes = compute_changes(base.model, head.model);
  // signed_up's email is hashed by the transformation on its route, so only registered's route
  // delivers another class.
  CHECK(summary(changes) ==
        std::vector<std::string>{
            "property modified signed_up.email [pii: user.contact.email -> user.contact.phone]",
            "property modified registered.email [pii: user.contact.email -> user.contact.phone]",
            "route modified crm/registered +0 -0 ~email:user.contact.phone"});
  REQUIRE(changes.properties.size() == 2);
  CHECK(changes.properties[0].span().line == 6);
  CHECK(changes.properties[0].base_span().line == 6);
}

TEST_CASE("a library entry's constraint changed under an unchanged event file is a change") {
  auto base = build(files());
  auto head = build(files(replaced(kLibrary, "max_length: 10", "max_length: 20")));
  ChangeSet changes = compute_changes(base.model, head.model);
  CHECK(summary(changes) ==
        std::vector<std::string>{"property modified signed_up.email [max_length: 10 -> 20]",
                                 "property modified registered.email [max_length: 10 -> 20]"});
}

TEST_CASE("a transformation writing another class reclassifies what its routes deliver") {
  auto base = build(files());
  auto head = build(
      files(kLibrary, kEvents,
            replaced(kRouting, "email: user.contact.email.hashed", "email: user.contact.phone")));
  REQUIRE(head.diagnostics.empty());
  ChangeSet changes = compute_changes(base.model, head.model);
  CHECK(summary(changes) ==
        std::vector<std::string>{
            "route modified crm/signed_up +0 -0 ~email:user.contact.phone",
            "transformation modified hash_email [writes: email: user.contact.email.hashed -> "
            "email: user.contact.phone]"});
}

TEST_CASE("properties listed in another order are no change; a change among them is found") {
  auto base = build(files());
  std::string reordered =
      replaced(kEvents, "  email: {$ref: email}\n  referrer: {type: string, pii: none}\n",
               "  referrer: {type: string, pii: none}\n  email: {$ref: email}\n");
  auto head = build(files(kLibrary, reordered));
  CHECK(summary(compute_changes(base.model, head.model)).empty());

  auto changed = build(files(kLibrary, replaced(reordered, "tier: {type: string, pii: none}",
                                                "tier: {type: integer, pii: none}")));
  CHECK(
      summary(compute_changes(base.model, changed.model)) ==
      std::vector<std::string>{"property modified signed_up.plan.tier [type: string -> integer]"});
}

TEST_CASE("a path listed twice is paired by key: each of its properties with base's first") {
  // An object's properties and its items' properties share paths: tags.a twice, the second
  // holding another class. Pairing by key compares both with base's first tags.a, whether the
  // sides are copies or one model; the shortcuts pair by position only when every path is listed
  // once.
  std::string events = replaced(
      kEvents, "  referrer: {type: string, pii: none}\n",
      "  referrer: {type: string, pii: none}\n"
      "  tags:\n    type: [object, array]\n    pii: none\n"
      "    properties: {a: {type: string, pii: none}}\n"
      "    items: {type: object, properties: {a: {type: string, pii: user.contact.email}}}\n");
  auto base = build(files(kLibrary, events));
  auto head = build(files(kLibrary, events));
  const std::vector<std::string> expected = {
      "property modified registered.tags.a [pii: none -> user.contact.email]",
      "route modified crm/registered +0 -0 ~tags.a:user.contact.email"};
  CHECK(summary(compute_changes(base.model, head.model)) == expected);
  CHECK(summary(compute_changes(head.model, head.model)) == expected);
}

TEST_CASE("thousands of routes are compared in two halves, each change in head's order") {
  // More routes than diff_routes compares on one thread: head's are split in two halves, the
  // second on a thread of its own. Routes added and changed in both halves and one removed must
  // come out as one pass gives them: head's in head's order, then base's removed ones.
  auto events = [](int count, int skipped, int widened) {
    std::string text;
    for (int i = 0; i < count; ++i) {
      if (i == skipped) continue;
      text += "kind: event\nname: e" + std::to_string(i) +
              "\nowner: team-a\nsources: [web]\nproperties:\n  a: {type: string, pii: none}\n";
      if (i == widened || i == count - 2) text += "  b: {type: string, pii: none}\n";
      text += "---\n";
    }
    return text;
  };
  const std::string routing =
      "kind: destination\nname: all\nenvironments: [production]\nevents: \"*\"\n";
  auto base = build(files(kLibrary, events(6000, 10, -1), routing));
  auto head = build(files(kLibrary, events(6001, 5000, 3), routing));
  REQUIRE(base.model.routes.size() == 5999);
  REQUIRE(head.model.routes.size() == 6000);
  std::vector<std::string> routes;
  for (const auto& line : summary(compute_changes(base.model, head.model))) {
    if (line.starts_with("route ")) routes.push_back(line);
  }
  // Each side's last event but one has b: e5998 at base, e5999 at head.
  CHECK(routes ==
        std::vector<std::string>{"route modified all/e3 +1 -0", "route added all/e10 +1 -0",
                                 "route modified all/e5998 +0 -1", "route modified all/e5999 +1 -0",
                                 "route added all/e6000 +1 -0", "route removed all/e5000 +0 -1"});
}
