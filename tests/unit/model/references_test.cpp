#include <doctest/doctest.h>

#include "model_helpers.h"

using namespace steward::model;
using namespace steward::model::testing;
using Strings = std::vector<std::string>;

namespace {

// A small repository with every kind, every reference in it resolvable.
const Files kComplete = {
    {"governance.yaml",
     "kind: team\nname: team-a\nreviewers: ['@acme/a']\n"
     "---\nkind: taxonomy\npii_categories: [user.contact.email, user.contact.email.hashed]\n"
     "consent_purposes: [marketing, personalization]\n"
     "residency: [{pii: user.contact, regions: [eu], destination_regions: [eu]}]\n"
     "---\nkind: slo\ndestination: crm\ndelivery_error_rate: 1%\nschema_violation_rate: 0.5%\n"
     "latency_p95: 5m\n"},
    {"sources.yaml", "kind: source\nname: web\nplatform: web\nenvironments: [production]\n"},
    {"library.yaml", "kind: property\nname: email\ntype: string\npii: user.contact.email\n"},
    {"events.yaml",
     "kind: event\nname: signed_up\nowner: team-a\nsources: [web]\nproperties:\n"
     "  email: {$ref: email, consent: [marketing]}\n"
     "  plan: {type: object, pii: none, properties: {tier: {type: string, pii: none}}}\n"
     "---\n"
     "kind: event\nname: registered\nowner: team-a\nsources: [web]\nstatus: deprecated\n"
     "deprecated: {since: 2026-01-10, sunset: 2026-06-30, replaced_by: signed_up}\n"
     "properties:\n  email: {$ref: email}\n"},
    {"routing.yaml",
     "kind: transformation\nname: hash_email\nevents: [signed_up, registered]\nreads: [email]\n"
     "writes: {email: user.contact.email.hashed}\n"
     "---\n"
     "kind: destination\nname: crm\ncategory: marketing\nenvironments: [production]\nregion: eu\n"
     "consent: [marketing]\nallow_pii: [user.contact.email]\nevents: [signed_up, registered]\n"
     "exclude_properties: {registered: [email]}\n"
     "mappings:\n"
     "  - {event: signed_up, from: properties.plan.tier, to: tier}\n"
     "  - {event: signed_up, from: context.ip, to: ip}\n"
     "transformations: [hash_email]\n"},
    {"identity.yaml",
     "kind: identity\nname: default\nowner: team-a\nmatch_keys:\n"
     "  - {key: user_id, precedence: 1}\n"
     "  - {key: email, from: traits.email, precedence: 2, normalize: [trim], "
     "consent: [personalization]}\n"
     "  - {key: ip, from: context.ip, precedence: 3}\n"
     "merge: {max_identifiers_per_profile: 50, on_conflict: keep_highest_precedence}\n"
     "suppress: [{key: email, pattern: '.*@example\\.com'}]\n"},
};

}  // namespace

TEST_SUITE("references") {
  TEST_CASE("every reference of a complete repository resolves") {
    auto built = build(kComplete);
    CHECK(places(built.diagnostics).empty());
    const Model& model = built.model;
    CHECK(model.events.size() == 2);
    CHECK(model.find_team("team-a")->reviewers == Strings{"@acme/a"});
    CHECK(model.find_source("web")->platform == "web");
    const Event& registered = *model.find_event("registered");
    REQUIRE(registered.deprecated.has_value());
    CHECK(registered.deprecated->replaced_by.name == "signed_up");
    CHECK(registered.deprecated->since == "2026-01-10");
    const Destination& crm = *model.find_destination("crm");
    REQUIRE(crm.mappings.size() == 2);
    // A property path resolves to the property; other roots are outside the tracking plan.
    CHECK(crm.mappings[0].property ==
          Model::find_property(*model.find_event("signed_up"), "plan.tier"));
    CHECK(crm.mappings[0].property != nullptr);
    CHECK(crm.mappings[1].property == nullptr);
    const Identity& identity = model.identities[0];
    REQUIRE(identity.match_keys.size() == 3);
    CHECK(identity.match_keys[1].pii == "user.contact.email");  // from the property it reads
    CHECK(identity.match_keys[1].normalize == Strings{"trim"});
    CHECK(identity.max_identifiers_per_profile == 50);
    CHECK(identity.on_conflict == "keep_highest_precedence");
    CHECK(identity.suppress.size() == 1);
    REQUIRE(model.slos.size() == 1);
    CHECK(model.slos[0].latency_p95 == "5m");
    CHECK(model.slos[0].delivery_error_rate == "1%");
    CHECK(model.routes.size() == 2);
  }

  TEST_CASE("every dangling reference is reported at the referring value") {
    auto built = build(
        {{"basics.yaml", kBasics},
         {"events.yaml",
          "kind: event\nname: e\nowner: team-b\nsources: [web, iso]\n"
          "status: deprecated\ndeprecated: {replaced_by: f}\nproperties:\n"
          "  a: {type: string, pii: none}\n"},
         {"routing.yaml",
          "kind: destination\nname: d\nenvironments: [production]\nevents: [e, x]\n"
          "exclude_properties: {e: [b], y: [a]}\n"
          "mappings:\n  - {event: e, from: properties.c, to: c}\n  - {event: z, from: a, to: b}\n"
          "transformations: [t]\n"
          "---\n"
          "kind: transformation\nname: u\nevents: [e, w]\nreads: [r]\nwrites: {s: none}\n"
          "---\n"
          "kind: slo\ndestination: nowhere\n"},
         {"identity.yaml",
          "kind: identity\nname: i\nowner: team-c\nmatch_keys:\n"
          "  - {key: k, from: properties.missing}\n"}});
    CHECK(places(built.diagnostics) == Strings{"reference.unknown-team@events.yaml:3:8",
                                               "reference.unknown-source@events.yaml:4:16",
                                               "reference.unknown-event@events.yaml:6:27",
                                               "reference.unknown-event@routing.yaml:4:13",
                                               "reference.unknown-property@routing.yaml:5:26",
                                               "reference.unknown-event@routing.yaml:5:30",
                                               "reference.unknown-property@routing.yaml:7:22",
                                               "reference.unknown-event@routing.yaml:8:13",
                                               "reference.unknown-transformation@routing.yaml:9:19",
                                               "reference.unknown-event@routing.yaml:13:13",
                                               "reference.unknown-property@routing.yaml:14:9",
                                               "reference.unknown-property@routing.yaml:15:10",
                                               "reference.unknown-team@identity.yaml:3:8",
                                               "reference.unknown-property@identity.yaml:5:20",
                                               "reference.unknown-destination@routing.yaml:18:14"});
    CHECK(built.diagnostics[1].suggestion == "did you mean 'ios'?");
  }

  TEST_CASE("duplicates, missing and unknown kinds") {
    auto built = build({{"a.yaml",
                         "kind: source\nname: web\n---\nkind: source\nname: web\n---\n"
                         "name: no_kind\n---\nkind: destinaton\nname: d\n---\nkind:\nname: k\n"
                         "---\n- a list\n---\nplain\n---\n"}});
    CHECK(places(built.diagnostics) ==
          Strings{"schema.duplicate-name@a.yaml:5:7", "schema.missing-kind@a.yaml:7:1",
                  "schema.unknown-kind@a.yaml:9:7", "schema.unknown-kind@a.yaml:12:1",
                  "schema.missing-kind@a.yaml:15:1", "schema.missing-kind@a.yaml:17:1"});
    CHECK(built.diagnostics[0].suggestion == "first defined at a.yaml:2");
    CHECK(built.diagnostics[1].severity == steward::Severity::warning);
    CHECK(built.diagnostics[2].suggestion == "did you mean 'destination'?");
    CHECK(built.model.sources.size() == 1);
  }

  TEST_CASE("unknown keys have a did-you-mean; x- and metadata keys are free") {
    auto built = build({{"basics.yaml", kBasics},
                        {"e.yaml",
                         "kind: event\nname: e\nowner: team-a\ndescripton: x\nx-jira: DATA-1\n"
                         "metadata: {anything: [1, 2]}\nproperties:\n"
                         "  a: {type: string, pii: none, x-note: y, requried: true}\n"}});
    CHECK(places(built.diagnostics) ==
          Strings{"schema.unknown-key@e.yaml:4:1", "schema.unknown-key@e.yaml:8:43"});
    CHECK(built.diagnostics[0].suggestion == "did you mean 'description'?");
    CHECK(built.diagnostics[1].suggestion == "did you mean 'required'?");
  }

  TEST_CASE("an SLO's owner is a team, its dead-letter backlog a count of events") {
    auto built = build({{"basics.yaml", kBasics},
                        {"slos.yaml",
                         "kind: destination\nname: d\n---\nkind: destination\nname: e\n---\n"
                         "kind: slo\ndestination: d\nowner: team-a\ndead_letter_backlog: 1000\n"
                         "---\n"
                         "kind: slo\ndestination: e\nowner: team-z\ndead_letter_backlog: 1e3\n"}});
    REQUIRE(built.model.slos.size() == 2);
    CHECK(built.model.slos[0].owner.name == "team-a");
    CHECK(built.model.slos[0].dead_letter_backlog == "1000");
    CHECK(built.model.slos[1].dead_letter_backlog.empty());
    CHECK(places(built.diagnostics) ==
          Strings{"schema.invalid-value@slos.yaml:15:22", "reference.unknown-team@slos.yaml:14:8"});
  }

  TEST_CASE("each event's references are reported in its order, linking's before the rest") {
    // Every event is linked before any is checked (so that a model sharing them may start), and
    // what each part reported is put back in one event's order: its `$ref`s, then its category,
    // team and sources; then the next event's.
    auto built = build({{"e.yaml",
                         "kind: event\nname: a\nowner: nobody\nproperties:\n"
                         "  x: {$ref: missing}\n  y: {type: string, pii: user.nope}\n"
                         "---\n"
                         "kind: event\nname: b\nowner: nobody\nproperties:\n"
                         "  x: {$ref: missing}\n  y: {type: string, pii: user.nope}\n"}});
    CHECK(places(built.diagnostics) == Strings{"reference.unknown-property-definition@e.yaml:5:13",
                                               "reference.unknown-pii-category@e.yaml:6:26",
                                               "reference.unknown-team@e.yaml:3:8",
                                               "reference.unknown-property-definition@e.yaml:12:13",
                                               "reference.unknown-pii-category@e.yaml:13:26",
                                               "reference.unknown-team@e.yaml:10:8"});
  }
}
