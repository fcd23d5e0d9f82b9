#include "export/prometheus_rules.h"

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "export/export_model.h"
#include "source/rule_ids.h"

using namespace steward;
using namespace steward::exports;
using namespace steward::exports::testing;
using Strings = std::vector<std::string>;

namespace {

const char* const kSlos =
    "kind: slo\ndestination: braze\nowner: team-a\ndelivery_error_rate: 0.5%\n"
    "schema_violation_rate: 1%\nlatency_p95: 250ms\ndead_letter_backlog: 1000\n"
    "---\nkind: slo\ndestination: zendesk\nlatency_p95: 5m\n"   // line 10: no owner
    "---\nkind: slo\ndestination: amplitude\nowner: team-a\n";  // line 14: no objective

struct ExportedRules {
  model::BuildResult built;
  ExportResult result;
  YAML::Node yaml;
};

ExportedRules exported(const std::string& slos, const std::string& destination_name = "braze") {
  ExportedRules e;
  const std::string destinations = "kind: destination\nname: " + destination_name +
                                   "\n---\nkind: destination\nname: zendesk\n"
                                   "---\nkind: destination\nname: amplitude\n";
  e.built = build({{"basics.yaml", model::testing::kBasics},
                   {"destinations.yaml", destinations},
                   {"slos.yaml", slos}});
  e.result = prometheus_rules(e.built.model);
  e.yaml = YAML::Load(e.result.text);
  return e;
}

Strings alert_names(const YAML::Node& group) {
  Strings out;
  for (const auto& rule : group["rules"])
    out.push_back(rule["alert"].as<std::string>());
  return out;
}

}  // namespace

TEST_CASE("each objective of an SLO becomes alerts labelled with its team") {
  auto e = exported(kSlos);
  REQUIRE(e.yaml["groups"].size() == 2);
  const auto braze = e.yaml["groups"][0];
  CHECK(braze["name"].as<std::string>() == "steward-slo-braze");
  CHECK(alert_names(braze) == Strings{"DestinationSchemaViolationRateHigh",
                                      "DestinationErrorBudgetFastBurn",
                                      "DestinationErrorBudgetSlowBurn", "DestinationLatencyP95High",
                                      "DestinationDeadLetterBacklogHigh"});
  for (const auto& rule : braze["rules"]) {
    CHECK(rule["labels"]["team"].as<std::string>() == "team-a");
    CHECK(rule["expr"].as<std::string>().find("destination=\"braze\"") != std::string::npos);
  }
}

TEST_CASE("thresholds: percentages as fractions, durations in seconds") {
  auto e = exported(kSlos);
  const auto rules = e.yaml["groups"][0]["rules"];
  CHECK(rules[0]["expr"].as<std::string>().ends_with("> 0.01"));
  CHECK(rules[1]["expr"].as<std::string>().ends_with("> 0.072"));  // 14.4 x 0.5%
  CHECK(rules[2]["expr"].as<std::string>().ends_with("> 0.03"));   // 6 x 0.5%
  CHECK(rules[3]["expr"].as<std::string>().ends_with("> 0.25"));
  CHECK(rules[4]["expr"].as<std::string>().ends_with("> 1000"));
  CHECK(rules[3]["labels"]["slo"].as<std::string>() == "latency_p95");
}

TEST_CASE("an SLO with no owner or no objective is a finding at its destination") {
  auto e = exported(kSlos);
  CHECK(places(e.result.diagnostics) ==
        Strings{std::string(rule_id::kExportSloOwnerRequired) + "@slos.yaml:10:14",
                std::string(rule_id::kExportSloNoObjective) + "@slos.yaml:14:14"});
  const auto zendesk = e.yaml["groups"][1];
  CHECK(alert_names(zendesk) == Strings{"DestinationLatencyP95High"});
  CHECK_FALSE(zendesk["rules"][0]["labels"]["team"]);
}

TEST_CASE("names from the repository cannot change a query or run a template") {
  auto e = exported(
      "kind: team\nname: '{{ .Value }}'\n---\n"
      "kind: slo\ndestination: 'b\"} or vector(1) #'\nlatency_p95: 5m\nowner: '{{ .Value }}'\n",
      "'b\"} or vector(1) #'");
  const auto rule = e.yaml["groups"][0]["rules"][0];
  CHECK(rule["expr"].as<std::string>().find("{destination=\"b\\\"} or vector(1) #\"}") !=
        std::string::npos);
  CHECK(rule["labels"]["team"].as<std::string>() == "{{ \"{{\" }} .Value }}");
}
