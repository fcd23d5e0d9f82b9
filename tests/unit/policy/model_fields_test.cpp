// The fields issue 14 added to the model as the language sees it: event consent, a route's
// consent, what `events: "*"` receives, and the properties a match key reads.
#include <doctest/doctest.h>

#include "test_model.h"

using namespace steward;
using namespace steward::policy;
using namespace steward::policy::testing;

namespace {

// The test model with an event consent, a destination consent, a "*" transformation and a match
// key: see test_model.h for the rest.
std::unique_ptr<model::Model> consent_model() {
  auto m = make_model();
  Span span = line_span(*m, 20);
  m->events[1].consent = {{"analytics", span}};
  m->destinations[0].consent = {{"advertising", span}};
  m->transformations[0].all_events = true;
  model::MatchKey key;
  key.key = "email";
  key.from = {"traits.email", span};
  key.properties = {&m->events[0].properties[1]};
  model::Identity identity;
  identity.name = "default";
  identity.match_keys.push_back(std::move(key));
  m->identities.push_back(std::move(identity));
  return m;
}

std::string value_of(const std::string& expression) {
  static auto model = consent_model();
  Run run = run_text("pack p\nrule p.r {\n  note \"{" + expression + "}\"\n}\n", *model);
  std::string out = run.errors + describe_findings(run.result.findings);
  const std::string prefix = "p.r note ";
  if (out.rfind(prefix, 0) == 0) out = out.substr(prefix.size());
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("an event's consent and a route's: the destination's purposes, then the event's") {
  CHECK(value_of("head.event(\"order_completed\").consent") == "analytics");
  CHECK(value_of("head.event(\"checkout_started\").consent") == "");
}

TEST_CASE("route consent through a comprehension") {
  static auto model = consent_model();
  Run run = run_text(R"(pack p
rule p.r {
  for r in head.routes
  where "analytics" in r.consent
  note at r.event "{r.event.name} -> {r.destination.name}: {r.consent}"
}
)",
                     *model);
  CHECK(run.errors == "");
  CHECK(describe_findings(run.result.findings) ==
        "p.r note 20:1 order_completed -> google_ads: advertising, analytics\n"
        "p.r note 20:1 order_completed -> warehouse: analytics\n");
}

TEST_CASE("events: \"*\" lists the events the destination receives; transformations every event") {
  CHECK(value_of("head.destination(\"warehouse\").all_events") == "true");
  CHECK(value_of("head.destination(\"warehouse\").events") ==
        "checkout_started, order_completed, legacy_viewed");
  CHECK(value_of("\"order_completed\" in head.destination(\"warehouse\").events") == "true");
  CHECK(value_of("head.destination(\"google_ads\").events") == "checkout_started, order_completed");
  CHECK(value_of("head.transformation(\"hash_email\").events") ==
        "checkout_started, order_completed, legacy_viewed");
}

TEST_CASE("a match key's properties") {
  CHECK(value_of("head.match_keys[0].properties") == "checkout_started.email");
  CHECK(value_of("head.match_keys[0].properties[0].consent") == "marketing");
}
