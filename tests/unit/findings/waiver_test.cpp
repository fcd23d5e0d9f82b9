#include "findings/waiver.h"

#include <doctest/doctest.h>

#include "findings/builtin_rules.h"
#include "source/rule_ids.h"

using namespace steward;
using namespace steward::findings;

namespace {

Finding about(std::string rule, std::string subject) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.message.assign(1, 'm');  // not `= "m"`: GCC 12 at -O3 warns of an overflow there
  return make_finding(std::move(d), std::move(subject));
}

config::Waiver waiver(std::string rule, std::string target, std::string expires = {}) {
  config::Waiver w;
  w.rule = std::move(rule);
  w.target = std::move(target);
  w.reason = "see DATA-123";
  w.approved_by = "team-data";
  w.expires = std::move(expires);
  w.span = Span{make_source("steward.yaml", "waivers:\n  - rule: x\n"), 2, 5, 2, 11};
  return w;
}

size_t count(const Findings& findings, std::string_view rule) {
  size_t n = 0;
  for (const auto& f : findings)
    n += f.diagnostic.rule == rule;
  return n;
}

}  // namespace

TEST_CASE("waiver targets match the subject exactly, as a dotted prefix, or with *") {
  auto f = about("compat.property-removed", "checkout_started.coupon");
  CHECK(waiver_covers(waiver("compat.property-removed", "checkout_started.coupon"), f));
  CHECK(waiver_covers(waiver("compat.property-removed", "checkout_started"), f));
  CHECK(waiver_covers(waiver("compat.property-removed", "*"), f));
  CHECK_FALSE(waiver_covers(waiver("compat.property-removed", "checkout"), f));
  CHECK_FALSE(waiver_covers(waiver("compat.property-removed", "checkout_started.coupon.x"), f));
  CHECK_FALSE(waiver_covers(waiver("compat.other", "*"), f));
  CHECK_FALSE(waiver_covers(waiver("compat.property-removed", ""), f));
  CHECK_FALSE(
      waiver_covers(waiver("compat.property-removed", "x"), about("compat.property-removed", "")));
  CHECK(
      waiver_covers(waiver("compat.property-removed", "*"), about("compat.property-removed", "")));
}

TEST_CASE("a valid waiver waives what it covers and records why") {
  Findings findings = {about("compat.property-removed", "checkout_started.coupon"),
                       about("compat.property-removed", "order_completed.coupon")};
  apply_waivers(findings, {waiver("compat.property-removed", "checkout_started", "2026-12-31")},
                {"2026-06-01", {}, {}});
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].suppression->kind == Suppression::Kind::waiver);
  CHECK(findings[0].suppression->reason == "see DATA-123");
  CHECK(findings[0].suppression->approved_by == "team-data");
  CHECK(findings[0].suppression->span.file() == "steward.yaml");
  CHECK_FALSE(findings[1].suppressed());
}

TEST_CASE("a waiver is valid through its expiry date, and an expired one is an error") {
  CHECK_FALSE(waiver_expired(waiver("r", "*", "2026-06-01"), "2026-06-01"));
  CHECK(waiver_expired(waiver("r", "*", "2026-06-01"), "2026-06-02"));
  CHECK_FALSE(waiver_expired(waiver("r", "*"), "2999-01-01"));

  Findings findings = {about("r", "a")};
  apply_waivers(findings, {waiver("r", "*", "2026-01-31")}, {"2026-02-01", {}, {}});
  CHECK_FALSE(findings[0].suppressed());
  REQUIRE(count(findings, rule_id::kWaiverExpired) == 1);
  const Finding& expired = findings.back();
  CHECK(expired.diagnostic.severity == Severity::error);
  CHECK(expired.diagnostic.span.file() == "steward.yaml");
  CHECK(expired.diagnostic.span.line == 2);
  CHECK(expired.diagnostic.message == "waiver of r for `*` expired on 2026-01-31");
  CHECK(count(findings, rule_id::kWaiverUnused) == 0);
}

TEST_CASE("an unused waiver is a warning with a did-you-mean") {
  Findings findings = {about("compat.property-removed", "checkout_started.coupon")};
  apply_waivers(findings,
                {waiver("compat.property-removed", "checkout_started.cupon"),
                 waiver("compat.property-remove", "*"), waiver("r.off", "*")},
                {"2026-01-01", {"r.off"}, {"compat.property-removed", "r.off"}});
  CHECK_FALSE(findings[0].suppressed());
  REQUIRE(count(findings, rule_id::kWaiverUnused) == 2);
  CHECK(findings[1].diagnostic.severity == Severity::warning);
  CHECK(findings[1].diagnostic.suggestion == "did you mean target `checkout_started.coupon`?");
  CHECK(findings[2].diagnostic.suggestion == "did you mean rule `compat.property-removed`?");
}

TEST_CASE("findings suppressed inline are left to the comment") {
  Findings findings = {about("r", "a")};
  findings[0].suppression.edit().kind = Suppression::Kind::inline_comment;
  apply_waivers(findings, {waiver("r", "a")}, {"2026-01-01", {}, {}});
  CHECK(findings[0].suppression->kind == Suppression::Kind::inline_comment);
  CHECK(count(findings, rule_id::kWaiverUnused) == 1);
}

TEST_CASE("today_utc is an ISO date") {
  std::string today = today_utc();
  CHECK(today.size() == 10);
  CHECK(today[4] == '-');
  CHECK(today[7] == '-');
}
