// The native kinds come from one table in model_builder.cpp: the reader dispatch, the did-you-mean,
// the help text and the rule's documentation all follow it.
#include <doctest/doctest.h>

#include "model/data_file_rules.h"
#include "model_helpers.h"
#include "source/rule_ids.h"

using namespace steward;
using namespace steward::model;
using namespace steward::model::testing;

TEST_CASE("every native kind is read, and the list of kinds is the same everywhere") {
  CHECK(native_kind_list() ==
        "event, property, source, destination, transformation, identity, team, taxonomy and slo");
  auto unknown = build({{"a.yaml", "kind: evnt\nname: x\n"}});
  REQUIRE(unknown.diagnostics.size() == 1);
  CHECK(unknown.diagnostics[0].rule == rule_id::kSchemaUnknownKind);
  CHECK(*unknown.diagnostics[0].help == "kinds are " + native_kind_list());
  CHECK(unknown.diagnostics[0].suggestion == "did you mean 'event'?");

  bool documented = false;
  for (const auto& rule : data_file_rules()) {
    if (rule.id != rule_id::kSchemaUnknownKind) continue;
    documented = true;
    CHECK(rule.description == "Kinds are " + native_kind_list() + ".");
  }
  CHECK(documented);

  // One document of each kind, each read into its part of the model (not "unknown kind").
  auto read = build({{"all.yaml",
                      "kind: team\nname: t\n---\nkind: source\nname: web\n---\n"
                      "kind: event\nname: e\nowner: t\nsources: [web]\n---\n"
                      "kind: property\nname: p\ntype: string\n---\n"
                      "kind: destination\nname: d\n---\n"
                      "kind: transformation\nname: x\n---\n"
                      "kind: identity\nname: i\n---\n"
                      "kind: taxonomy\npii_categories: [user]\n---\n"
                      "kind: slo\ndestination: d\n"}});
  for (const auto& d : read.diagnostics)
    CHECK(d.rule != rule_id::kSchemaUnknownKind);
  CHECK(read.model.events.size() == 1);
  CHECK(read.model.property_library.size() == 1);
  CHECK(read.model.sources.size() == 1);
  CHECK(read.model.destinations.size() == 1);
  CHECK(read.model.transformations.size() == 1);
  CHECK(read.model.identities.size() == 1);
  CHECK(read.model.teams.size() == 1);
  CHECK(read.model.slos.size() == 1);
}
