#include "export/dbt_sources.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "export/export_model.h"
#include "source/rule_ids.h"

using namespace steward;
using namespace steward::exports;
using namespace steward::exports::testing;
using Strings = std::vector<std::string>;

namespace {

const char* const kPlan =
    "kind: event\n"
    "name: order_completed\n"
    "description: An order was paid. {{ run_query('drop table orders') }}\n"
    "owner: team-a\n"
    "sources: [web]\n"
    "properties:\n"
    "  order_id: {type: string, required: true, pii: none}\n"
    "  status: {type: string, enum: [paid, refunded], pii: none}\n"
    "  quantity: {type: integer, enum: [1, 2, 3], pii: none}\n"
    "  note: {type: string, enum: [\"it's\", b], pii: none}\n"  // line 10
    "  email: {type: string, pii: user.contact.email, consent: [analytics]}\n"
    "  address:\n"
    "    type: object\n"
    "    properties:\n"
    "      city: {type: string, required: true, pii: user.contact.address}\n"
    "  shipping:\n"
    "    type: object\n"
    "    required: true\n"
    "    properties:\n"
    "      zip: {type: string, required: true, pii: none}\n"
    "  items:\n"
    "    type: array\n"
    "    items: {type: object, properties: {sku: {type: string, pii: none}}}\n"
    "  secret: {type: [string, 'null'], pii: none}\n";

const char* const kRouting =
    "kind: transformation\nname: hash_email\nevents: [order_completed]\nreads: [email]\n"
    "writes: {email: user.contact.email.hashed}\n"
    "---\nkind: destination\nname: warehouse\ncategory: warehouse\nevents: \"*\"\n"
    "allow_pii: [user]\nexclude_properties: {order_completed: [secret]}\n"
    "transformations: [hash_email]\n"
    "---\nkind: destination\nname: amplitude\ncategory: analytics\nevents: \"*\"\n";

struct Exported {
  model::BuildResult built;
  ExportResult result;
  YAML::Node yaml;
};

Exported exported() {
  Exported e;
  e.built = build(
      {{"basics.yaml", model::testing::kBasics}, {"plan.yaml", kPlan}, {"routing.yaml", kRouting}});
  e.result = dbt_sources(e.built.model);
  e.yaml = YAML::Load(e.result.text);
  return e;
}

YAML::Node column(const YAML::Node& table, const std::string& name) {
  for (const auto& c : table["columns"]) {
    if (c["name"].as<std::string>() == name) return c;
  }
  FAIL("no column " << name);
  return {};
}

Strings strings(const YAML::Node& list) {
  Strings out;
  for (const auto& item : list)
    out.push_back(item.IsScalar() ? item.as<std::string>() : "{map}");
  return out;
}

}  // namespace

TEST_CASE("a source per warehouse destination, a table per event routed to it") {
  auto e = exported();
  CHECK(e.yaml["version"].as<int>() == 2);
  REQUIRE(e.yaml["sources"].size() == 1);
  const auto source = e.yaml["sources"][0];
  CHECK(source["name"].as<std::string>() == "warehouse");
  REQUIRE(source["tables"].size() == 1);
  const auto table = source["tables"][0];
  CHECK(table["name"].as<std::string>() == "order_completed");
  CHECK(table["meta"]["owner"].as<std::string>() == "team-a");
  CHECK(strings(table["meta"]["environments"]) == Strings{"development", "production"});
}

TEST_CASE("columns: excluded properties left out, objects flattened, arrays kept whole") {
  auto e = exported();
  const auto table = e.yaml["sources"][0]["tables"][0];
  Strings names;
  for (const auto& c : table["columns"])
    names.push_back(c["name"].as<std::string>());
  CHECK(names == Strings{"order_id", "status", "quantity", "note", "email", "address_city",
                         "shipping_zip", "items"});
  CHECK(column(table, "items")["data_type"].as<std::string>() == "json");
  CHECK(column(table, "quantity")["data_type"].as<std::string>() == "bigint");
  CHECK(column(table, "order_id")["data_type"].as<std::string>() == "string");
}

TEST_CASE("not_null only where the property and every object around it are required") {
  auto e = exported();
  const auto table = e.yaml["sources"][0]["tables"][0];
  CHECK(strings(column(table, "order_id")["data_tests"]) == Strings{"not_null"});
  CHECK(strings(column(table, "shipping_zip")["data_tests"]) == Strings{"not_null"});
  CHECK_FALSE(column(table, "address_city")["data_tests"]);  // address itself is optional
}

TEST_CASE("accepted_values for enums, unquoted for numbers") {
  auto e = exported();
  const auto table = e.yaml["sources"][0]["tables"][0];
  const auto status = column(table, "status")["data_tests"][0]["accepted_values"];
  CHECK(strings(status["values"]) == Strings{"paid", "refunded"});
  CHECK_FALSE(status["quote"]);
  const auto quantity = column(table, "quantity")["data_tests"][0]["accepted_values"];
  CHECK(strings(quantity["values"]) == Strings{"1", "2", "3"});
  CHECK(quantity["quote"].as<bool>() == false);
}

TEST_CASE("an enum value dbt cannot quote is a finding, and its test is left out") {
  auto e = exported();
  const auto table = e.yaml["sources"][0]["tables"][0];
  CHECK_FALSE(column(table, "note")["data_tests"]);
  CHECK(places(e.result.diagnostics) ==
        Strings{std::string(rule_id::kExportDbtEnumUnquotable) + "@plan.yaml:10:3"});
}

TEST_CASE("meta: the PII class after the destination's transformations, consent, owner") {
  auto e = exported();
  const auto email = column(e.yaml["sources"][0]["tables"][0], "email");
  CHECK(email["meta"]["pii"].as<std::string>() == "user.contact.email.hashed");
  CHECK(strings(email["meta"]["consent"]) == Strings{"analytics"});
  CHECK(email["meta"]["owner"].as<std::string>() == "team-a");
}

TEST_CASE("Jinja in a description is printed by dbt, never run") {
  auto e = exported();
  const auto table = e.yaml["sources"][0]["tables"][0];
  CHECK(table["description"].as<std::string>() ==
        "An order was paid. {{ '{{' }} run_query('drop table orders') }}");
}

TEST_CASE("no warehouse: an empty list of sources, still valid") {
  auto built = build({{"basics.yaml", model::testing::kBasics}});
  auto yaml = YAML::Load(dbt_sources(built.model).text);
  CHECK(yaml["version"].as<int>() == 2);
  CHECK(yaml["sources"].IsSequence());
  CHECK(yaml["sources"].size() == 0);
}
