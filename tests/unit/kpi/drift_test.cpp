// Drift: entities live but not in git, in git but not live, and different, field by field.

#include "kpi/drift.h"

#include <doctest/doctest.h>

#include "source/input_error.h"

using namespace steward::kpi;
using nlohmann::json;

namespace {

json model_with(json events, json destinations = json::array()) {
  return {{"events", std::move(events)}, {"destinations", std::move(destinations)}};
}

json event(const std::string& name, json properties) {
  return {{"name", name},
          {"status", "active"},
          {"properties", std::move(properties)},
          {"span", {{"file", "plan.yaml"}, {"line", 3}}}};
}

json property(const std::string& path, const std::string& pii, int line) {
  return {{"name", path},
          {"path", path},
          {"pii", pii},
          {"span", {{"file", "plan.yaml"}, {"line", line}}}};
}

}  // namespace

TEST_CASE("the same model has no drift, whatever the spans") {
  json git = model_with(json::array({event("e", json::array({property("a", "none", 5)}))}));
  json live = git;
  live["events"][0]["span"]["line"] = 99;
  live["events"][0]["properties"][0]["span"]["line"] = 100;
  Drift drift = compute_drift(git, live);
  CHECK(drift.items.empty());
}

TEST_CASE("live only, git only and different") {
  json git = model_with(
      json::array({event("e", json::array({property("a", "none", 5), property("b", "none", 6)})),
                   event("gone", json::array())}),
      json::array({{{"name", "wh"}, {"region", "eu"}}}));
  json live = model_with(json::array({event("e", json::array({property("a", "user.name", 5)})),
                                      event("hand_made", json::array())}),
                         json::array({{{"name", "wh"}, {"region", "us"}}}));
  Drift drift = compute_drift(git, live);
  std::vector<std::string> seen;
  for (const auto& item : drift.items)
    seen.push_back(std::string(to_string(item.kind)) + " " + item.entity + " " + item.name);
  CHECK(seen == std::vector<std::string>{"git_only event gone", "live_only event hand_made",
                                         "different property e.a", "git_only property e.b",
                                         "different destination wh"});
  CHECK(drift.items[2].fields.size() == 1);
  CHECK(drift.items[2].fields[0].git == "\"none\"");
  CHECK(drift.items[2].fields[0].live == "\"user.name\"");
  CHECK(drift.items[2].file == "plan.yaml");
  CHECK(drift.items[2].line == 5);
  // Collections the live export has nothing of are not compared, and listed.
  git["slos"] = json::array({{{"destination", "wh"}}});
  CHECK(compute_drift(git, live).not_compared == std::vector<std::string>{"slos"});
}

TEST_CASE("an export that is not a model, or nests too deep, is an input error") {
  json git = model_with(json::array());
  CHECK_THROWS_AS(compute_drift(git, json::array()), steward::InputError);
  CHECK_THROWS_AS(compute_drift(git, json{{"events", "x"}}), steward::InputError);
  json deep = json::array();
  for (int i = 0; i < 100; ++i)
    deep = json::array({{{"path", "p"}, {"properties", deep}}});
  CHECK_THROWS_AS(compute_drift(git, model_with(json::array({event("e", deep)}))),
                  steward::InputError);
}

TEST_CASE("reports escape names and values") {
  Drift drift;
  drift.items.push_back({DriftKind::live_only, "event", "<b>x\x1b[31m", {}, "", 0});
  // A code span shows its content literally: no HTML, and the escape character made visible.
  CHECK(drift_markdown(drift, "live").find("`<b>x\\x1b[31m`") != std::string::npos);
  CHECK(drift_text(drift, "live").find('\x1b') == std::string::npos);
  CHECK(drift_json(drift, "live")["summary"]["live_only"] == 1);
}
