// Policy coverage (docs/kpis.md): what counts as a production property and as one with PII and
// consent metadata, the breakdowns, and what lowered the figure between two revisions.

#include "kpi/coverage.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../model/model_helpers.h"
#include "config/steward_config.h"
#include "git/worktree_reader.h"
#include "kpi/coverage_report.h"
#include "model/snapshot_loader.h"

namespace fs = std::filesystem;
using namespace steward;
using namespace steward::kpi;
using model::testing::build;
using model::testing::kBasics;

namespace {

model::LoadedModel load_shop() {
  const fs::path root = fs::path(STEWARD_SOURCE_DIR) / "fixtures" / "shop";
  std::ifstream in(root / "steward.yaml", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto config = config::parse_steward_config(make_source("steward.yaml", text.str()));
  auto snapshot = git::read_worktree(root, git::PathFilter(config.paths, config.exclude));
  return model::load_snapshot(std::move(snapshot));
}

std::vector<std::string> names(const std::vector<const model::Property*>& properties) {
  std::vector<std::string> out;
  for (const auto* p : properties)
    out.push_back(p->event->name + "." + p->path);
  return out;
}

// Event m: twelve personal properties p0..p11 with no `consent:`. Every third is also sent to
// `open_m`, which requires no consent (it excludes the others), so those four are uncovered.
std::string many_personal_properties() {
  std::string text = "kind: event\nname: m\nsources: [web]\nproperties:\n";
  for (int i = 0; i < 12; ++i)
    text += "  p" + std::to_string(i) + ": {type: string, pii: user.contact.email}\n";
  text +=
      "---\nkind: destination\nname: open_m\nconsent: []\nenvironments: [production]\n"
      "events: [m]\nexclude_properties:\n  m: [";
  for (int i = 0; i < 12; ++i) {
    if (i % 3 != 0) text += std::string(i > 1 ? ", " : "") + "p" + std::to_string(i);
  }
  return text + "]\n";
}

const char* const kDestination =
    "kind: destination\nname: wh\nenvironments: [production]\nconsent: [analytics]\n"
    "events: \"*\"\n";

}  // namespace

TEST_CASE("the shop's coverage matches a count by hand") {
  model::LoadedModel shop = load_shop();
  REQUIRE(shop.diagnostics.empty());
  // Counted by hand in fixtures/shop/tracking-plan: every property at any depth (the fields of
  // an array's items under the array's path, the library's definitions where `$ref` uses them).
  //   account:   signed_up 5, signed_in 2, profile_updated 2                             =   9
  //   catalog:   product_list_viewed 18, product_viewed 9, products_searched 9            =  36
  //   commerce:  product_added 8, product_removed 3, cart_viewed 13, checkout_started 17,
  //              checkout_step_completed 4, payment_info_entered 4, coupon_applied 4,
  //              order_completed 25, order_placed 13 (deprecated: still sent),
  //              order_refunded 14                                                        = 105
  //   marketing: app_installed 6, newsletter_subscribed 4, promotion_clicked 4,
  //              push_permission_granted 2                                                =  16
  //   support:   support_ticket_created 8, support_chat_started 4                         =  12
  // 178 in all, every event sent from web, ios or android, which all run in production. Every
  // property says `pii:`; the personal ones without `consent:` (email, first_name, phone,
  // shipping_address and its city and postal_code, location's latitude and longitude) reach only
  // destinations that require consent, so all 178 carry the metadata.
  Coverage coverage = measure_coverage(shop.model);
  CHECK(coverage.overall.total == 178);
  CHECK(coverage.overall.covered == 178);
  CHECK(percent_text(coverage.overall) == "100.0%");
  CHECK(coverage.by_domain.at("account").total == 9);
  CHECK(coverage.by_domain.at("catalog").total == 36);
  CHECK(coverage.by_domain.at("commerce").total == 105);
  CHECK(coverage.by_domain.at("marketing").total == 16);
  CHECK(coverage.by_domain.at("support").total == 12);
  CHECK(coverage.by_owner.at("team-identity").total == 9);
  // zendesk: support_ticket_created 8, support_chat_started 4, order_refunded 14.
  CHECK(coverage.by_destination.at("zendesk").total == 26);
  // google_ads: order_completed 25 - shipping_address and its 3 fields, signed_up 5 - first_name,
  // app_installed 6.
  CHECK(coverage.by_destination.at("google_ads").total == 21 + 4 + 6);
  CHECK(coverage.uncovered.empty());
}

TEST_CASE("what counts as production and as metadata") {
  auto built = build({{"t.yaml", std::string(kBasics) + "---\n" + kDestination +
                                     "---\nkind: source\nname: lab\nenvironments: [development]\n"
                                     "---\nkind: destination\nname: open\nconsent: []\n"
                                     "environments: [production]\nevents: [e]\n"},
                      {"e.yaml",
                       "kind: event\nname: e\nowner: team-a\ndomain: d\nsources: [web]\n"
                       "properties:\n"
                       "  a: {type: string, pii: none}\n"
                       "  b: {type: string}\n"                           // no pii
                       "  c: {type: string, pii: user.contact.email}\n"  // reaches `open`
                       "  d: {type: string, pii: user.contact.email, consent: [marketing]}\n"
                       "---\nkind: event\nname: f\nsources: [web]\nstatus: draft\n"
                       "properties:\n  x: {type: string}\n"
                       "---\nkind: event\nname: g\nsources: [lab]\n"
                       "properties:\n  y: {type: string}\n"
                       "---\nkind: event\nname: h\n"
                       "properties:\n  z: {type: string, pii: user.contact.email}\n"}});
  Coverage coverage = measure_coverage(built.model);
  // f is a draft and g is sent only from development: neither counts. h names no sources, so
  // it counts; z is personal and reaches wh, which requires consent.
  CHECK(coverage.overall.total == 5);
  CHECK(coverage.overall.covered == 3);
  CHECK(names(coverage.uncovered) == std::vector<std::string>{"e.b", "e.c"});
  CHECK(coverage.by_domain.at("").total == 1);
  CHECK(coverage.by_owner.at("team-a").covered == 2);
  CHECK(coverage.by_destination.at("open").total == 4);
  CoverageIndex index(built.model);
  CHECK(index.missing_metadata(*coverage.uncovered[0]) == "no `pii:`");
  CHECK(index.missing_metadata(*coverage.uncovered[1]) ==
        "personal (user.contact.email) with no `consent:`, and destination open requires none");
  // has_metadata answers without building the message, and always as the message does.
  for (const auto& event : built.model.events) {
    for (const auto* property : event.all_properties)
      CHECK(index.has_metadata(*property) == index.missing_metadata(*property).empty());
  }
}

TEST_CASE("the overall measure the rules use agrees with the full one") {
  // Personal properties with and without `consent:`, reaching a destination that requires consent,
  // one that does not, both, or none: the receivers decide only some of them.
  auto built = build({{"t.yaml", std::string(kBasics) + "---\n" + kDestination +
                                     "---\nkind: destination\nname: open\nconsent: []\n"
                                     "environments: [production]\nevents: [e]\n"},
                      {"e.yaml",
                       "kind: event\nname: e\nsources: [web]\nproperties:\n"
                       "  a: {type: string, pii: user.contact.email}\n"
                       "  b: {type: string, pii: user.contact.email, consent: [marketing]}\n"
                       "  c: {type: string, pii: none}\n"
                       "  d: {type: string}\n"
                       "---\nkind: event\nname: f\nsources: [web]\nproperties:\n"
                       "  x: {type: string, pii: user.contact.email}\n"
                       "  y: {type: object, pii: none, properties: {z: {type: string, "
                       "pii: user.contact.phone}}}\n"
                       "---\nkind: event\nname: g\nproperties:\n"
                       "  w: {type: string, pii: user.contact.email}\n"},
                      // More personal properties than the overall measure scans route by route.
                      {"m.yaml", many_personal_properties()}});
  const model::LoadedModel shop = load_shop();
  for (const model::Model* model : std::vector<const model::Model*>{&built.model, &shop.model}) {
    Coverage full = measure_coverage(*model);
    Coverage overall = measure_overall_coverage(*model);
    CHECK(overall.overall.total == full.overall.total);
    CHECK(overall.overall.covered == full.overall.covered);
    CHECK(names(overall.uncovered) == names(full.uncovered));
    CHECK(overall.by_domain.empty());
    CHECK(overall.by_destination.empty());
  }
  // e.a reaches `open` (no consent): uncovered; f.x and f.y.z reach only wh: covered; g.w
  // reaches wh: covered; e.d has no pii; m.p0, p3, p6 and p9 reach open_m.
  std::vector<std::string> uncovered{"e.a", "e.d"};
  for (int i = 0; i < 12; i += 3)
    uncovered.push_back("m.p" + std::to_string(i));
  CHECK(names(measure_overall_coverage(built.model).uncovered) == uncovered);
}

TEST_CASE("a model with no production property has full coverage") {
  auto built = build({{"t.yaml", kBasics}});
  CHECK(measure_coverage(built.model).overall.total == 0);
  CHECK(percent_text(measure_coverage(built.model).overall) == "100.0%");
}

TEST_CASE("coverage_lowered_at names what the change made uncovered") {
  const std::string basics = std::string(kBasics) + "---\n" + kDestination;
  auto base = build({{"t.yaml", basics},
                     {"e.yaml",
                      "kind: event\nname: e\nsources: [web]\nproperties:\n"
                      "  a: {type: string, pii: none}\n  old: {type: string}\n"}});
  SUBCASE("a new unclassified property") {
    auto head = build({{"t.yaml", basics},
                       {"e.yaml",
                        "kind: event\nname: e\nsources: [web]\nproperties:\n"
                        "  a: {type: string, pii: none}\n  old: {type: string}\n"
                        "  fresh: {type: string}\n"}});
    CHECK(names(coverage_lowered_at(base.model, head.model)) ==
          std::vector<std::string>{"e.fresh"});
    // The other way round, coverage rises: nothing to report.
    CHECK(coverage_lowered_at(head.model, base.model).empty());
  }
  SUBCASE("only a covered property removed: every uncovered one is named") {
    auto head = build({{"t.yaml", basics},
                       {"e.yaml",
                        "kind: event\nname: e\nsources: [web]\nproperties:\n"
                        "  old: {type: string}\n"}});
    CHECK(names(coverage_lowered_at(base.model, head.model)) == std::vector<std::string>{"e.old"});
  }
  SUBCASE("unchanged") {
    CHECK(coverage_lowered_at(base.model, base.model).empty());
  }
}

TEST_CASE("reports escape what comes from the repository") {
  auto built = build({{"t.yaml", std::string(kBasics) + "---\n" + kDestination},
                      {"e.yaml",
                       "kind: event\nname: e\nsources: [web]\ndomain: \"<b>x|y</b>\"\n"
                       "properties:\n  b: {type: string}\n"}});
  CoverageReport report;
  report.model = &built.model;
  report.coverage = measure_coverage(built.model);
  report.history.push_back({std::string(40, 'a'), 1764547200, "fix\x1b[31m red", {1, 2}});
  std::string markdown = coverage_markdown(report);
  CHECK(markdown.find("<b>") == std::string::npos);
  CHECK(markdown.find("| 0.0% | 0/1 |") != std::string::npos);
  CHECK(markdown.find("2025-12-01") != std::string::npos);
  std::string text = coverage_text(report);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("policy coverage: 0.0% (0 of 1 production properties") == 0);
  auto json = coverage_json(report);
  CHECK(json["coverage"]["total"] == 1);
  CHECK(json["uncovered"][0]["path"] == "b");
  CHECK(json["history"][0]["percent"] == 50.0);
  CHECK(json["history"][0]["date"] == "2025-12-01");
}

TEST_CASE("a property's receivers are the destinations its routes deliver it to, in model order") {
  auto built =
      build({{"t.yaml", std::string(kBasics) + "---\n" + kDestination +
                            "---\nkind: destination\nname: open\nconsent: []\n"
                            "environments: [production]\nevents: [e, f]\n"
                            "exclude_properties:\n  f: [kept_out]\n"},
             {"e.yaml",
              "kind: event\nname: e\nsources: [web]\nproperties:\n  a: {type: string, pii: none}\n"
              "---\nkind: event\nname: f\nsources: [web]\n"
              "properties:\n  b: {type: string}\n  kept_out: {type: string}\n"}});
  CoverageIndex index(built.model);
  auto receivers = [&](std::string_view event, std::string_view path) {
    std::vector<std::string> out;
    for (const auto& e : built.model.events) {
      for (const auto* p : e.all_properties) {
        if (e.name != event || p->path != path) continue;
        for (const auto* destination : index.receivers(*p))
          out.push_back(destination->name);
      }
    }
    return out;
  };
  CHECK(receivers("e", "a") == std::vector<std::string>{"wh", "open"});
  CHECK(receivers("f", "b") == std::vector<std::string>{"wh", "open"});
  CHECK(receivers("f", "kept_out") == std::vector<std::string>{"wh"});
  // The library's properties belong to no event and reach no destination.
  model::Property unrouted;
  CHECK(index.receivers(unrouted).empty());
}
