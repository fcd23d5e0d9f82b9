// Identity simulation: union-find over the identifiers of a sample under base and head rules.
#include "traffic/identity_simulation.h"

#include "traffic_helpers.h"

namespace steward::traffic {

using namespace testing;

namespace {

std::string identity_rules(const std::string& extra_key, const std::string& limit = "25") {
  // Appended piece by piece: GCC 12 at -O2 takes the chain of `+` for an out-of-bounds copy
  // (-Warray-bounds, GCC bug 105329).
  std::string rules(kPlan);
  rules.append(R"(---
kind: identity
name: default
owner: team-a
match_keys:
  - {key: user_id, precedence: 1}
  - {key: email, from: traits.email, precedence: 2, normalize: [trim, lowercase]}
)");
  rules.append(extra_key);
  rules.append(R"(
  - {key: anonymous_id, precedence: 5}
merge: {max_identifiers_per_profile: )");
  rules.append(limit);
  rules.append(R"(, on_conflict: keep_highest_precedence}
suppress:
  - {key: email, pattern: ".*@qa\\.example$"}
)");
  return rules;
}

const std::string kPhone =
    "  - {key: phone, from: traits.phone, precedence: 3, normalize: [trim], consent: [marketing]}";

// Two people of one household: their own user ids and e-mails, one phone number.
const std::vector<std::string> kHousehold = {
    R"({"type":"identify","userId":"u1","anonymousId":"a1","traits":{"email":" Ann@Mail.example","phone":"+441"},)"
    R"("context":{"consent":{"categoryPreferences":{"marketing":true}}}})",
    R"({"type":"identify","userId":"u2","anonymousId":"a2","traits":{"email":"bob@mail.example","phone":"+441"},)"
    R"("context":{"consent":{"categoryPreferences":{"marketing":true}}}})",
    R"({"type":"track","event":"order_completed","anonymousId":"a1","context":{"traits":{"email":"ann@mail.example"}}})",
    R"({"type":"alias","previousId":"a3","userId":"u1"})",
    R"({"type":"identify","userId":"qa1","traits":{"email":"t@qa.example"}})",
};

IdentitySummary simulate(const std::string& base_text, const std::string& head_text,
                         const std::vector<std::string>& lines) {
  auto base = build_plan(base_text);
  auto head = build_plan(head_text);
  TempDir dir;
  std::string text;
  for (const auto& l : lines)
    text += l + "\n";
  LineSource source({dir.write("s.jsonl", text)});
  return simulate_identity(base.model, head.model, source, {});
}

}  // namespace

TEST_SUITE("traffic: identity simulate") {
  TEST_CASE("a head rule matching on a shared phone number joins two people: a collision") {
    auto s = simulate(identity_rules(""), identity_rules(kPhone), kHousehold);
    REQUIRE(s.identities.size() == 1);
    const IdentitySimulation& sim = s.identities[0];
    CHECK(sim.rule_changes ==
          std::vector<std::string>{"match key added: phone from traits.phone, precedence 3"});
    // base: {u1, ann, a1, a3}, {u2, bob, a2}, {qa1}: e-mail normalised, the QA address blocked.
    CHECK(sim.base.profiles == 3);
    CHECK(sim.base.collisions == 0);
    CHECK(sim.base.blocked_values == 1);
    CHECK(sim.base.largest_profile == 4);
    // head: the phone joins both households' profiles.
    CHECK(sim.head.profiles == 2);
    CHECK(sim.head.collisions == 1);
    CHECK(sim.head.largest_profile == 8);
    REQUIRE(sim.head.worst.size() == 1);
    CHECK(sim.head.worst[0].key == "user_id");
    CHECK(sim.head.worst[0].values == 2);
    config::TrafficCriteria criteria;
    auto failures = identity_failures(s, criteria);
    REQUIRE(failures.size() == 1);
    CHECK(failures[0].find("max_collisions") != std::string::npos);
    std::string text = render_identity_text(s, criteria, "main", "work tree");
    CHECK(text.find("collisions") != std::string::npos);
    CHECK(text.find("+441") == std::string::npos);  // values are masked
  }

  TEST_CASE("the merge limit refuses merges; without consent the key is not used") {
    auto s = simulate(
        identity_rules(kPhone, "3"), identity_rules(kPhone, "3"),
        {R"({"type":"identify","userId":"u1","anonymousId":"a1","traits":{"email":"x@y.example","phone":"+1"}})"});
    const IdentityFigures& f = s.identities[0].head;
    CHECK(f.without_consent == 1);  // the phone: no marketing consent
    CHECK(f.identifiers == 3);
    CHECK(f.merges == 2);
    auto limited = simulate(
        identity_rules("", "2"), identity_rules("", "2"),
        {R"({"type":"identify","userId":"u1","anonymousId":"a1","traits":{"email":"x@y.example"}})"});
    CHECK(limited.identities[0].head.refused_by_limit == 1);
    CHECK(limited.identities[0].head.largest_profile == 2);
  }
}

}  // namespace steward::traffic
