// Replay: one sample through base and head: newly rejected events with the reason new at head,
// deliveries per destination and environment, a PII class newly delivered, consent.
#include "traffic/replay.h"

#include "traffic_helpers.h"

namespace steward::traffic {

using namespace testing;

namespace {

ReplaySummary replay(const std::string& base_text, const std::string& head_text,
                     const std::vector<std::string>& lines, std::unique_ptr<model::BuildResult>& b,
                     std::unique_ptr<model::BuildResult>& h) {
  b = std::make_unique<model::BuildResult>(build_plan(base_text));
  h = std::make_unique<model::BuildResult>(build_plan(head_text));
  PlanChecks base(b->model), head(h->model);
  TempDir dir;
  std::string text;
  for (const auto& l : lines)
    text += l + "\n";
  LineSource source({dir.write("s.jsonl", text)});
  return replay_sample(base, head, source, {});
}

std::string with(const std::string& from, const std::string& to) {
  std::string plan = kPlan;
  plan.replace(plan.find(from), from.size(), to);
  return plan;
}

const std::string kEvent =
    R"({"type":"track","event":"order_completed","properties":{"order_id":"ord_1234","total":3,)"
    R"("email":"a@b.example","phone_model":"x"},"context":{"consent":{"categoryPreferences":{"marketing":true}}}})";
const std::string kNoConsent =
    R"({"type":"track","event":"order_completed","properties":{"order_id":"ord_1234","total":3}})";

}  // namespace

TEST_SUITE("traffic: replay") {
  TEST_CASE("a renamed required property: newly rejected, its deliveries stop") {
    std::unique_ptr<model::BuildResult> b, h;
    auto s =
        replay(kPlan, with("  order_id: {", "  orderId: {"), {kEvent, kEvent, kNoConsent}, b, h);
    CHECK(s.lines == 3);
    CHECK(s.newly_rejected == 3);
    CHECK(s.by_event["order_completed"].first == 3);
    REQUIRE(!s.new_reasons.empty());
    CHECK(s.new_reasons[0].kind == ReasonKind::missing_required);
    CHECK(s.new_reasons[0].path == "$.properties.orderId");
    CHECK(s.new_reasons[0].count == 3);
    DeliveryKey email{"crm", "production", "order_completed", "email", "user.contact.email"};
    REQUIRE(s.deliveries.count(email));
    CHECK(s.deliveries[email].no_longer_delivered == 2);
    config::TrafficCriteria criteria;
    CHECK(replay_failures(s, criteria).size() == 1);
    criteria.max_newly_rejected_rate = 1.0;
    CHECK(replay_failures(s, criteria).empty());
  }

  TEST_CASE("an unclassified property newly delivered is a new PII class at the destination") {
    std::unique_ptr<model::BuildResult> b, h;
    auto head = with("  currency: {", "  phone_model: {type: string}\n  currency: {");
    auto s = replay(kPlan, head, {kEvent, kEvent}, b, h);
    CHECK(s.newly_rejected == 0);
    DeliveryKey leak{"crm", "production", "order_completed", "phone_model", "unclassified"};
    REQUIRE(s.deliveries.count(leak));
    CHECK(s.deliveries[leak].newly_delivered == 2);
    REQUIRE(s.new_pii.size() == 1);
    CHECK(s.new_pii[0].pii == "unclassified");
    CHECK(s.new_pii[0].events == 2);
    auto failures = replay_failures(s, {});
    REQUIRE(failures.size() == 1);
    CHECK(failures[0].find("max_new_pii_deliveries") != std::string::npos);
    std::string markdown = render_replay_markdown(s, {}, "main", "head");
    CHECK(markdown.find("`phone_model`") != std::string::npos);
  }

  TEST_CASE("a destination that newly needs consent: deliveries newly blocked") {
    std::unique_ptr<model::BuildResult> b, h;
    auto base = with("consent: [marketing]\nallow_pii", "consent: []\nallow_pii");
    auto s = replay(base, kPlan, {kEvent, kNoConsent}, b, h);
    CHECK(s.newly_blocked_by_consent == 1);
    auto key = std::make_pair(std::string("crm"), std::string("order_completed"));
    REQUIRE(s.consent.count(key));
    CHECK(s.consent[key].newly_blocked == 1);
    config::TrafficCriteria criteria;
    CHECK(replay_failures(s, criteria).empty());  // unset: reported only
    criteria.max_newly_blocked_by_consent_rate = 0.1;
    CHECK(replay_failures(s, criteria).size() == 1);
  }
}

}  // namespace steward::traffic
