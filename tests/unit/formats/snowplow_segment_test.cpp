// snowplow-cli data structures and data products, SchemaVer between revisions, and Segment
// Protocols tracking plans (typewriter's JSON).

#include "formats_helpers.h"

using namespace steward;
using namespace steward::formats_testing;
using Strings = std::vector<std::string>;

namespace {

std::string data_structure(const std::string& version, const std::string& extra_property,
                           const std::string& required) {
  return "apiVersion: v1\nresourceType: data-structure\n"
         "meta: {hidden: false, schemaType: event, customData: {}}\n"
         "data:\n"
         "  $schema: http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/"
         "jsonschema/1-0-0#\n"
         "  self: {vendor: com.acme, name: signed_up, format: jsonschema, version: " +
         version +
         "}\n"
         "  type: object\n"
         "  properties:\n"
         "    plan: {type: string}\n" +
         extra_property + "  required: [" + required +
         "]\n"
         "  additionalProperties: false\n";
}

}  // namespace

TEST_SUITE("formats: snowplow-cli and Segment") {
  TEST_CASE("a data structure is its Iglu schema; a data product gives it owner and domain") {
    auto built = build({{"ds.yaml", data_structure("1-0-0", "", "plan")},
                        {"dp.yaml",
                         "apiVersion: v1\nresourceType: data-product\ndata:\n  name: Growth\n"
                         "  domain: growth\n  owner: team-growth\n  eventSpecifications:\n"
                         "    - name: Signed up\n"
                         "      event: {source: \"iglu:com.acme/signed_up/jsonschema/1-0-0\"}\n"},
                        {"team.yaml", "kind: team\nname: team-growth\nreviewers: [\"@g\"]\n"}});
    CHECK(places(built.result.diagnostics).empty());
    const auto& events = built.result.model.events;
    REQUIRE(events.size() == 1);
    CHECK(events[0].name == "iglu:com.acme/signed_up/jsonschema/1-0-0");
    CHECK(events[0].version == "1-0-0");
    CHECK(events[0].owner.name == "team-growth");
    CHECK(events[0].domain == "growth");
    CHECK(events[0].properties.size() == 1);
  }

  TEST_CASE("the envelope is checked") {
    auto built = build({{"ds.yaml",
                         "apiVersion: v2\nresourceType: data-structure\n"
                         "meta: {hidden: no-bool, schemaType: event, customData: {}}\n"
                         "data: {self: {vendor: a.b, name: c, format: jsonschema, "
                         "version: 1-0-0}, type: object}\n"},
                        {"app.yaml",
                         "apiVersion: v1\nresourceType: source-application\n"
                         "data: {name: web}\n"}});
    CHECK(places(built.result.diagnostics) == Strings{"schema.invalid-value@ds.yaml:1:13",
                                                      "schema.wrong-type@ds.yaml:3:16",
                                                      "schema.unsupported-kind@app.yaml:2:15"});
  }

  TEST_CASE("SchemaVer between revisions: a file edited in place with an ADDITION bump") {
    auto base = build({{"ds.yaml", data_structure("1-0-0", "", "plan")}});
    auto breaking = build(
        {{"ds.yaml", data_structure("1-0-1", "    seats: {type: integer}\n", "plan, seats")}});
    auto compatible =
        build({{"ds.yaml", data_structure("1-0-1", "    seats: {type: integer}\n", "plan")}});
    auto revision = build(
        {{"ds.yaml", data_structure("1-1-0", "    seats: {type: integer}\n", "plan, seats")}});
    Diagnostics found;
    diff::check_schema_versions_between(base.result.model, breaking.result.model, found);
    REQUIRE(places(found) == Strings{"compat.iglu-version-bump@ds.yaml:6:74"});
    CHECK(found[0].message.find("ADDITION to 1-0-0 at base") != std::string::npos);
    found.clear();
    diff::check_schema_versions_between(base.result.model, compatible.result.model, found);
    CHECK(found.empty());
    diff::check_schema_versions_between(base.result.model, revision.result.model, found);
    CHECK(found.empty());  // a REVISION may break
  }

  TEST_CASE("a Segment tracking plan: each event's rules in the call's layout") {
    auto loaded = load_folder(kFixtures / "segment");
    REQUIRE(places(loaded.diagnostics).empty());
    const auto& events = loaded.model.events;
    REQUIRE(events.size() == 2);
    CHECK(events[0].name == "Order Completed");
    CHECK(events[0].description == "An order was paid.");
    Strings paths;
    for (const model::Property* p : events[0].all_properties)
      paths.push_back(p->path + (p->required ? "!" : ""));
    CHECK(paths == Strings{"order_id!", "total!", "coupon", "products", "products.sku!",
                           "products.quantity"});
    CHECK(events[1].name == "Signed Up");
    CHECK(*model::Model::find_property(events[1], "email")->pii == "user.contact.email");
  }
}
