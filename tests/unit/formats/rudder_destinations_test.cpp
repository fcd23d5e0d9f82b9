// rudder-cli destination specs read completely: event filters in every spelling, `enabled`,
// connection modes per platform as part of the route, consent management per platform, literal
// credentials; and how `steward diff` and rules see their changes.

#include "diff/change_set.h"
#include "diff/change_summary.h"
#include "formats_helpers.h"

using namespace steward;
using namespace steward::formats_testing;
using Strings = std::vector<std::string>;

namespace {

const model::Route* route(const model::Model& m, std::string_view destination,
                          std::string_view event) {
  for (const auto& r : m.routes) {
    if (r.destination->name == destination && r.event->name == event) return &r;
  }
  return nullptr;
}

Strings events_to(const model::Model& m, std::string_view destination) {
  Strings out;
  for (const auto& r : m.routes) {
    if (r.destination->name == destination) out.push_back(r.event->name);
  }
  return out;
}

// A destination spec with `config` (indented under `config:`), connected to a web and an android
// source that both send Order Completed and Password Reset.
Files project(const std::string& config, const std::string& enabled = "true") {
  return {
      {"catalog.yaml",
       "version: rudder/v1\nkind: properties\nmetadata: {name: p}\nspec:\n  properties:\n"
       "    - {id: email, name: email, type: string}\n"
       "---\nversion: rudder/v1\nkind: events\nmetadata: {name: e}\nspec:\n  events:\n"
       "    - {id: order_completed, name: Order Completed, event_type: track}\n"
       "    - {id: password_reset, name: Password Reset, event_type: track}\n"
       "---\nversion: rudder/v1\nkind: tracking-plan\nmetadata: {name: t}\nspec:\n"
       "  id: plan\n  display_name: Plan\n  rules:\n"
       "    - {type: event_rule, id: r1, event: \"#event:order_completed\", properties: "
       "[{property: \"#property:email\"}]}\n"
       "    - {type: event_rule, id: r2, event: \"#event:password_reset\"}\n"},
      {"sources.yaml",
       "version: rudder/v1\nkind: event-stream-source\nmetadata: {name: web}\nspec:\n"
       "  id: web\n  name: Web\n  type: javascript\n"
       "  governance: {validations: {tracking_plan: \"#tracking-plan:plan\"}}\n"
       "---\nversion: rudder/v1\nkind: event-stream-source\nmetadata: {name: android}\nspec:\n"
       "  id: android\n  name: Android\n  type: android\n"
       "  governance: {validations: {tracking_plan: \"#tracking-plan:plan\"}}\n"
       "---\nversion: rudder/v1\nkind: event-stream-connections\nmetadata: {name: c}\nspec:\n"
       "  connections:\n"
       "    - {id: c1, source: \"#event-stream-source:web\", destination: \"#destination:adj\"}\n"
       "    - {id: c2, source: \"#event-stream-source:android\", destination: "
       "\"#destination:adj\"}\n"},
      {"adj.yaml",
       "version: rudder/v1\nkind: destination\nmetadata: {name: adj}\nspec:\n"
       "  id: adj\n  display_name: Adjust\n  type: adj\n  enabled: " +
           enabled + "\n  config:\n" + config},
  };
}

}  // namespace

TEST_SUITE("formats: rudder-cli destinations") {
  TEST_CASE("the fixture project: what each destination receives, and how") {
    auto loaded = load_folder(kFixtures / "rudder-cli" / "destinations");
    REQUIRE(places(loaded.diagnostics).empty());
    const auto& m = loaded.model;
    // Deny list: every event but Password Reset; device mode on android only.
    CHECK(events_to(m, "adj") == Strings{"Order Completed", "Page Viewed"});
    REQUIRE(route(m, "adj", "Order Completed"));
    CHECK(route(m, "adj", "Order Completed")->device_platforms == Strings{"android"});
    // Allow list; use_native_sdk on web (not android) is device mode there.
    CHECK(events_to(m, "braze") == Strings{"Order Completed"});
    CHECK(route(m, "braze", "Order Completed")->device_platforms == Strings{"web"});
    // The API's spelling: the option selects the deny list; the blank allow list is ignored.
    CHECK(events_to(m, "tiktok_ads") == Strings{"Order Completed", "Password Reset"});
    CHECK(route(m, "tiktok_ads", "Order Completed")->device_platforms.empty());
    // Disabled: nothing, although it is connected.
    CHECK(events_to(m, "postgres").empty());
    const model::Destination* tiktok = m.find_destination("tiktok_ads");
    REQUIRE(tiktok);
    REQUIRE(tiktok->consent_providers.size() == 1);
    CHECK(tiktok->consent_providers[0].resolution_strategy == "and");
    CHECK(tiktok->consent_providers[0].purposes[0].name == "advertising");
    const model::Destination* braze = m.find_destination("braze");
    REQUIRE(braze->literal_credentials.size() == 1);
    CHECK(braze->literal_credentials[0].key == "config.app_key");
  }

  TEST_CASE("steward diff: deny list to allow list, device mode moved, consent added, disabled") {
    auto base =
        build(project("    event_filtering_blacklist: [Password Reset]\n"
                      "    use_native_sdk: {web: true}\n"));
    auto head =
        build(project("    event_filtering_whitelist: [Order Completed]\n"
                      "    connection_mode: {android: device}\n"
                      "    consent_management:\n"
                      "      android: [{provider: oneTrust, consents: [analytics]}]\n"));
    REQUIRE(places(base.result.diagnostics).empty());
    REQUIRE(places(head.result.diagnostics).empty());
    auto changes = diff::compute_changes(base.result.model, head.result.model);
    REQUIRE(changes.destinations.size() == 1);
    const auto& c = changes.destinations[0];
    CHECK(c.changed("receives"));
    CHECK(c.changed("connection_mode"));
    CHECK(c.changed("consent_management"));
    // Only Order Completed was also received before; android moved to device mode: widened.
    CHECK(c.widened == Strings{"android now in device mode"});
    auto lines = diff::summarize(changes, base.result.model, head.result.model);
    std::string text = diff::render_text(lines);
    CHECK(text.find("now receives only Order Completed, was every event except Password Reset") !=
          std::string::npos);
    CHECK(text.find("connection mode now android: device (was web: device)") != std::string::npos);
    CHECK(text.find("consent management now android: oneTrust analytics (was none)") !=
          std::string::npos);

    auto disabled =
        build(project("    event_filtering_whitelist: [Order Completed]\n"
                      "    connection_mode: {android: device}\n",
                      "false"));
    auto off = diff::compute_changes(head.result.model, disabled.result.model);
    REQUIRE(off.destinations.size() == 1);
    CHECK(off.destinations[0].changed("enabled"));
    CHECK(off.destinations[0].widened.empty());
    CHECK(diff::render_text(diff::summarize(off, head.result.model, disabled.result.model))
              .find("; disabled: receives nothing") != std::string::npos);
    auto on = diff::compute_changes(disabled.result.model, head.result.model);
    REQUIRE(on.destinations.size() == 1);
    CHECK(on.destinations[0].widened.front() == "enabled again");
  }

  TEST_CASE("a filter that lets more events through is widened; one that lets fewer is not") {
    auto only = build(project("    event_filtering_whitelist: [Order Completed]\n"));
    auto except = build(project("    event_filtering: {blacklist: [Password Reset]}\n"));
    auto all = build(project("    delay: \"60\"\n"));
    auto wider = diff::compute_changes(only.result.model, all.result.model);
    REQUIRE(wider.destinations.size() == 1);
    CHECK(wider.destinations[0].widened ==
          Strings{"now receives every event, was only Order Completed",
                  "now receives Password Reset"});
    auto narrower = diff::compute_changes(all.result.model, except.result.model);
    REQUIRE(narrower.destinations.size() == 1);
    CHECK(narrower.destinations[0].widened.empty());
  }
}
