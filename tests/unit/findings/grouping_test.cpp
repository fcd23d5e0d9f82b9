#include "findings/grouping.h"

#include <doctest/doctest.h>

#include <set>

#include "findings/fingerprint.h"
#include "findings/pipeline.h"

using namespace steward;
using namespace steward::findings;

namespace {

const char* kGroupedEvent =
    "kind: event\n"
    "name: checkout_started\n"
    "properties:\n"
    "  email: {type: string, pii: user.contact.email}\n"
    "  phone: {type: string, pii: user.contact.phone}\n";

Finding reaching(const SourceRef& file, uint32_t line, const std::string& property,
                 const std::string& destination) {
  Diagnostic d;
  d.rule = "pii.destination-allowlist";
  d.message =
      property + " (user.contact.email) reaches " + destination + ", which does not allow it";
  d.span = Span{file, line, 3, line, 7};
  return make_finding(std::move(d), "checkout_started." + property + " -> " + destination);
}

}  // namespace

TEST_CASE("one rule at one place: one finding that names every destination") {
  auto file = make_source("e.yaml", kGroupedEvent);
  Findings findings = {
      reaching(file, 4, "email", "meta_ads"), reaching(file, 4, "email", "google_ads"),
      reaching(file, 5, "phone", "google_ads"), reaching(file, 4, "email", "tiktok_ads"),
      reaching(file, 4, "email", "braze")};
  group_findings_at_one_place(findings);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].diagnostic.message ==
        "email (user.contact.email) reaches braze, google_ads, meta_ads, tiktok_ads, which does "
        "not allow it");
  CHECK(findings[0].subjects == std::vector<std::string>{"checkout_started.email -> braze",
                                                         "checkout_started.email -> google_ads",
                                                         "checkout_started.email -> meta_ads",
                                                         "checkout_started.email -> tiktok_ads"});
  CHECK(findings[0].subject == "checkout_started.email -> braze");
  CHECK(findings[1].diagnostic.span.line == 5);
  CHECK(findings[1].subjects.empty());
}

TEST_CASE("members of a place are found however they are interleaved, file by file") {
  auto e = make_source("e.yaml", kGroupedEvent);
  auto f = make_source("f.yaml", kGroupedEvent);  // the same lines in another file: other places
  Findings findings = {reaching(f, 4, "email", "x"), reaching(e, 4, "email", "b"),
                       reaching(e, 5, "phone", "a"), reaching(e, 4, "email", "a"),
                       reaching(f, 4, "email", "w"), reaching(e, 5, "phone", "c")};
  group_findings_at_one_place(findings);
  REQUIRE(findings.size() == 3);  // each group where its first member was, in the same order
  CHECK(findings[0].diagnostic.span.file() == "f.yaml");
  CHECK(findings[0].subjects ==
        std::vector<std::string>{"checkout_started.email -> w", "checkout_started.email -> x"});
  CHECK(findings[1].diagnostic.span.file() == "e.yaml");
  CHECK(findings[1].diagnostic.span.line == 4);
  CHECK(findings[1].subjects ==
        std::vector<std::string>{"checkout_started.email -> a", "checkout_started.email -> b"});
  CHECK(findings[2].diagnostic.span.line == 5);
  CHECK(findings[2].diagnostic.message ==
        "phone (user.contact.email) reaches a, c, which does not allow it");
}

TEST_CASE("grouping keeps suppressed findings, other rules and other severities apart") {
  auto file = make_source("e.yaml", kGroupedEvent);
  Findings findings = {reaching(file, 4, "email", "a"), reaching(file, 4, "email", "b"),
                       reaching(file, 4, "email", "c"), reaching(file, 4, "email", "d")};
  findings[1].suppression.edit().kind = Suppression::Kind::waiver;
  findings[2].diagnostic.rule = "pii.other";
  findings[3].diagnostic.severity = Severity::warning;
  group_findings_at_one_place(findings);
  CHECK(findings.size() == 4);
}

TEST_CASE("group messages: the common text around what differs, bounded") {
  CHECK(group_message({"x reaches a.", "x reaches b."}) == "x reaches a, b.");
  // Different words sharing letters are named whole.
  CHECK(group_message({"reaches google_ads now", "reaches gtm now"}) ==
        "reaches google_ads, gtm now");
  // Nothing in common: the messages, joined.
  CHECK(group_message({"alpha", "beta"}) == "alpha; beta");
  // A shared end that closes brackets each part opened stays with each part.
  CHECK(group_message(
            {"p reaches amplitude (staging, production)", "p reaches braze (production)"}) ==
        "p reaches amplitude (staging, production), braze (production)");
  std::vector<std::string> many;
  for (int i = 0; i < 40; ++i)
    many.push_back("p reaches d" + std::to_string(100 + i) + ", which does not allow it");
  const std::string message = group_message(many);
  CHECK(message.ends_with(" and 30 more, which does not allow it"));
  CHECK(message.size() < 200);
}

TEST_CASE("grouped findings are distinct in SARIF: rule and line hash never repeat") {
  auto file = make_source("e.yaml", "props: {a: 1, b: 2}\n");
  Diagnostic a;
  a.rule = "r.x";
  a.message = "a is bad";
  a.span = Span{file, 1, 9, 1, 9};
  Diagnostic b = a;
  b.message = "b is bad";
  b.span = Span{file, 1, 15, 1, 15};
  Findings findings = {make_finding(a), make_finding(b)};
  assign_fingerprints(findings);
  CHECK(findings[0].line_hash != findings[1].line_hash);
  CHECK(findings[0].line_hash.substr(0, 16) == findings[1].line_hash.substr(0, 16));
}

TEST_CASE("process_findings groups after waivers, so a waived destination stays apart") {
  auto file = make_source("e.yaml", kGroupedEvent);
  Findings findings = {reaching(file, 4, "email", "meta_ads"),
                       reaching(file, 4, "email", "google_ads"),
                       reaching(file, 4, "email", "braze")};
  config::StewardConfig config;
  config::Waiver waiver;
  waiver.rule = "pii.destination-allowlist";
  waiver.target = "checkout_started.email -> braze";
  waiver.reason = "braze is covered by DATA-1";
  waiver.approved_by = "team-data";
  waiver.expires = "2999-01-01";
  config.waivers.push_back(waiver);
  ProcessOptions options;
  options.config = &config;
  options.today = "2026-01-01";
  Findings out = process_findings(findings, options);
  REQUIRE(out.size() == 2);
  size_t waived = 0;
  for (const auto& f : out) {
    if (f.suppressed()) {
      ++waived;
      CHECK(f.subject == "checkout_started.email -> braze");
    } else {
      CHECK(f.subjects.size() == 2);
      CHECK(f.diagnostic.message.find("google_ads, meta_ads") != std::string::npos);
    }
  }
  CHECK(waived == 1);
}
