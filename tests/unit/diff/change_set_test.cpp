// compute_changes over small models read from inline YAML: entities added, removed and modified
// with the fields that differ, properties renamed, and routes that gain or lose environments and
// properties.
#include "diff/change_set.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../model/model_helpers.h"
#include "field_changes.h"

using namespace steward;
using namespace steward::diff;
using steward::model::testing::build;

using steward::diff::testing::fields_of;

namespace {

const char* const kBase = R"(kind: source
name: web
environments: [production]
---
kind: event
name: checkout_started
sources: [web]
properties:
  cart_id: {type: string, pii: none}
  email: {type: string, pii: user.contact.email}
---
kind: event
name: legacy_viewed
sources: [web]
---
kind: destination
name: warehouse
environments: [production]
allow_pii: [user]
events: [checkout_started]
)";

std::vector<std::string> names_of(const std::vector<EventChange>& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes)
    out.push_back(std::string(to_string(c.kind)) + " " + c.name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("the same model twice is no change") {
  auto base = build({{"plan.yaml", kBase}});
  auto head = build({{"plan.yaml", kBase}});
  ChangeSet changes = compute_changes(base.model, head.model);
  CHECK(changes.empty());
  CHECK_FALSE(changes.identity_changed());
}

TEST_CASE("events added, removed and modified, with the fields that differ") {
  auto base = build({{"plan.yaml", kBase}});
  std::string text = kBase;
  text.replace(text.find("name: legacy_viewed"), 19, "name: order_completed");
  text.replace(text.find("  cart_id: {type: string"), 24, "  cart_id: {type: integer");
  auto head = build({{"plan.yaml", text}});
  ChangeSet changes = compute_changes(base.model, head.model);
  CHECK(names_of(changes.events) ==
        std::vector<std::string>{"added order_completed", "removed legacy_viewed"});
  REQUIRE(changes.properties.size() == 1);
  const PropertyChange& cart = changes.properties[0];
  CHECK(cart.modified());
  CHECK(cart.name == "checkout_started.cart_id");
  CHECK(cart.event == "checkout_started");
  CHECK(fields_of(cart.fields) == std::vector<std::string>{"type: string -> integer"});
  CHECK(cart.span().line > 0);
  CHECK(cart.base_span().line > 0);
}

TEST_CASE("a property removed and one of its type added beside it is a rename") {
  auto base = build({{"plan.yaml", kBase}});
  std::string text = kBase;
  text.replace(text.find("  cart_id:"), 10, "  basket_id:");
  auto head = build({{"plan.yaml", text}});
  ChangeSet changes = compute_changes(base.model, head.model);
  REQUIRE(changes.properties.size() == 2);
  const PropertyChange* removed = nullptr;
  const PropertyChange* added = nullptr;
  for (const auto& c : changes.properties)
    (c.removed() ? removed : added) = &c;
  REQUIRE(removed != nullptr);
  REQUIRE(added != nullptr);
  CHECK(removed->renamed_to == "basket_id");
  CHECK(added->renamed_from == "cart_id");
  CHECK(removed->head == nullptr);
  CHECK(added->base == nullptr);

  // Another type is no rename: a removal and an addition.
  text.replace(text.find("  basket_id: {type: string"), 26, "  basket_id: {type: number");
  auto retyped_head = build({{"plan.yaml", text}});
  ChangeSet retyped = compute_changes(base.model, retyped_head.model);
  CHECK(retyped.properties.size() == 2);
  for (const auto& c : retyped.properties) {
    CHECK(c.renamed_to.empty());
    CHECK(c.renamed_from.empty());
  }
}

TEST_CASE("routes: a new environment, a property no longer delivered, a new route") {
  auto base = build({{"plan.yaml", kBase}});
  std::string text = kBase;
  // The source and the destination reach staging too; email is excluded from the warehouse; the
  // warehouse now receives legacy_viewed.
  text.replace(text.find("environments: [production]\n---\nkind: event"), 26,
               "environments: [production, staging]");
  text.replace(text.find("environments: [production]\nallow_pii"), 26,
               "environments: [production, staging]");
  text.replace(text.find("events: [checkout_started]"), 26,
               "events: [checkout_started, legacy_viewed]\n"
               "exclude_properties: {checkout_started: [email]}");
  auto head = build({{"plan.yaml", text}});
  REQUIRE(head.diagnostics.empty());
  ChangeSet changes = compute_changes(base.model, head.model);
  const RouteChange* checkout = nullptr;
  const RouteChange* legacy = nullptr;
  for (const auto& r : changes.routes) {
    CHECK(r.destination == "warehouse");
    (r.event == "checkout_started" ? checkout : legacy) = &r;
  }
  REQUIRE(checkout != nullptr);
  REQUIRE(legacy != nullptr);
  CHECK(legacy->added());
  CHECK(legacy->base == nullptr);
  CHECK(checkout->modified());
  CHECK(checkout->added_environments == std::vector<std::string>{"staging"});
  CHECK(checkout->removed_environments.empty());
  REQUIRE(checkout->removed_properties.size() == 1);
  CHECK(checkout->removed_properties[0]->property->path == "email");
  CHECK(checkout->added_properties.empty());
}

TEST_CASE("a property's PII class changing reclassifies it on every route that delivers it") {
  auto base = build({{"plan.yaml", kBase}});
  std::string text = kBase;
  text.replace(text.find("pii: user.contact.email}"), 24, "pii: user.contact.phone}");
  auto head = build({{"plan.yaml", text}});
  ChangeSet changes = compute_changes(base.model, head.model);
  REQUIRE(changes.routes.size() == 1);
  REQUIRE(changes.routes[0].reclassified_properties.size() == 1);
  CHECK(changes.routes[0].reclassified_properties[0]->property->path == "email");
  REQUIRE(changes.properties.size() == 1);
  CHECK(fields_of(changes.properties[0].fields) ==
        std::vector<std::string>{"pii: user.contact.email -> user.contact.phone"});
}
