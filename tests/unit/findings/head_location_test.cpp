#include "findings/head_location.h"

#include <doctest/doctest.h>

using namespace steward;
using namespace steward::findings;

namespace {

const char* kHead =
    "kind: event\n"
    "name: checkout_started\n"
    "properties:\n"
    "  cart_id: {type: string, pii: none}\n"
    "  items:\n"
    "    type: array\n";

const char* kBase =
    "kind: event\n"
    "name: checkout_started\n"
    "properties:\n"
    "  coupon: {type: string, pii: none}\n"
    "  cart_id: {type: string, pii: none}\n"
    "  items:\n"
    "    type: array\n"
    "    items: {type: object, properties: {sku: {type: string}}}\n";

struct Fixture {
  SourceRef head_file = make_source("events/checkout.yaml", kHead, "head");
  SourceRef base_file = make_source("events/checkout.yaml", kBase, "base");
  model::Model head;

  Fixture() {
    model::Event event;
    event.name = "checkout_started";
    event.span = Span{head_file, 2, 7, 2, 22};
    model::Property cart;
    cart.name = cart.path = "cart_id";
    cart.span = Span{head_file, 4, 3, 4, 9};
    model::Property items;
    items.name = items.path = "items";
    items.span = Span{head_file, 5, 3, 5, 7};
    event.properties = {cart, items};
    head.events.push_back(std::move(event));
    head.index();
  }

  Finding removed(uint32_t base_line, std::string subject) const {
    Diagnostic d;
    d.rule = "compat.property-removed";
    d.message = subject + " was removed";
    d.base_span = Span{base_file, base_line, 3, base_line, 8};
    return make_finding(std::move(d), std::move(subject));
  }
};

}  // namespace

TEST_CASE("a removed property points at its event in head, not at base's line number") {
  Fixture f;
  Findings findings = {f.removed(4, "checkout_started.coupon")};
  locate_in_head(findings, f.head, {f.head_file});
  const Diagnostic& d = findings[0].diagnostic;
  // Line 4 of head is cart_id, an unrelated line: the finding goes to the event's name instead.
  CHECK(d.span.source == f.head_file);
  CHECK(d.span.line == 2);
  CHECK(d.base_span.line == 4);  // kept: text ":::", SARIF relatedLocations, JSON base_line
  CHECK(primary_span(findings[0]).source == f.head_file);
}

TEST_CASE("a removed nested property points at the nearest parent head still has") {
  Fixture f;
  Findings findings = {f.removed(8, "checkout_started.items.sku")};
  locate_in_head(findings, f.head, {f.head_file});
  CHECK(findings[0].diagnostic.span.line == 5);
}

TEST_CASE("a removed event points at its file in head, or keeps its base span alone") {
  Fixture f;
  auto gone = make_source("events/gone.yaml", "kind: event\nname: gone\n", "base");
  Findings findings = {f.removed(2, "order_refunded"), f.removed(2, "gone")};
  findings[1].diagnostic.base_span.source = gone;
  locate_in_head(findings, f.head, {f.head_file});
  CHECK(findings[0].diagnostic.span.source == f.head_file);
  CHECK(findings[0].diagnostic.span.line == 1);
  CHECK_FALSE(findings[1].diagnostic.span.valid());
  CHECK(findings[1].diagnostic.base_span.source == gone);
}

TEST_CASE("findings with a head span are left where they are") {
  Fixture f;
  Findings findings = {f.removed(4, "checkout_started.coupon")};
  findings[0].diagnostic.span = Span{f.head_file, 6, 5, 6, 8};
  locate_in_head(findings, f.head, {f.head_file});
  CHECK(findings[0].diagnostic.span.line == 6);
}
