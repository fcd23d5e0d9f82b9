#include "test_model.h"

#include "model/route_builder.h"
#include "policy/rule_pack.h"
#include "rules/builtins.h"

namespace steward::policy::testing {
namespace {

std::string fake_file() {
  std::string text;
  for (int i = 1; i <= 100; ++i)
    text += "line " + std::to_string(i) + "\n";
  return text;
}

Span at(const SourceRef& file, uint32_t line) {
  return Span{file, line, 1, line, 6};
}

model::Property property(const SourceRef& file, uint32_t line, std::string name, std::string type,
                         std::string pii) {
  model::Property p;
  p.name = name;
  p.path = name;
  if (!type.empty()) p.types = {type};
  p.pii = std::move(pii);
  p.span = at(file, line);
  p.type_span = at(file, line);
  p.pii_span = at(file, line);
  return p;
}

void link(model::Event& event, model::Property& p, const std::string& prefix) {
  p.event = &event;
  p.path = prefix + p.name;
  event.all_properties.push_back(&p);
  for (auto& child : p.properties)
    link(event, child, p.path + ".");
  for (auto& item : p.items) {
    item.event = &event;
    item.path = p.path;
    for (auto& child : item.properties)
      link(event, child, p.path + ".");
  }
}

}  // namespace

std::unique_ptr<model::Model> make_model(const std::string& revision) {
  auto file = make_source("plan.yaml", fake_file(), revision);
  auto m = std::make_unique<model::Model>();

  model::Event checkout;
  checkout.name = "checkout_started";
  checkout.owner = {"team-data", at(file, 10)};
  checkout.sources = {{"web", at(file, 10)}};
  checkout.span = at(file, 10);
  checkout.properties.push_back(property(file, 11, "cart_id", "string", "none"));
  checkout.properties.back().required = true;
  auto email = property(file, 12, "email", "string", "user.contact.email");
  email.consent = {{"marketing", at(file, 12)}};
  checkout.properties.push_back(email);
  checkout.properties.push_back(property(file, 13, "total", "number", "none"));
  checkout.properties.back().constraints.edit().minimum = 0;
  auto items = property(file, 14, "items", "array", "none");
  auto item = property(file, 14, "items", "object", "");
  item.properties.push_back(property(file, 15, "sku", "string", "none"));
  items.items.push_back(item);
  checkout.properties.push_back(items);

  model::Event order;
  order.name = "order_completed";
  order.owner = {"team-data", at(file, 20)};
  order.sources = {{"web", at(file, 20)}};
  order.span = at(file, 20);
  order.properties.push_back(property(file, 21, "order_id", "string", "none"));
  order.properties.push_back(property(file, 22, "phone", "string", "user.contact.phone"));
  order.properties.push_back(property(file, 23, "ip", "string", ""));

  model::Event legacy;
  legacy.name = "legacy_viewed";
  legacy.status = model::EventStatus::deprecated;
  legacy.deprecated = model::Deprecation{
      "2026-01-10", "2026-06-30", {"checkout_started", at(file, 31)}, at(file, 31)};
  legacy.sources = {{"web", at(file, 30)}};
  legacy.span = at(file, 30);

  m->events.clear();
  for (model::Event* event : {&checkout, &order, &legacy})
    m->events.push_back(std::move(*event));
  for (auto& event : m->events) {
    for (auto& p : event.properties)
      link(event, p, "");
  }

  model::Destination ads;
  ads.name = "google_ads";
  ads.category = "advertising";
  ads.region = "us";
  ads.span = at(file, 40);
  ads.region_span = at(file, 41);
  ads.allow_pii = {{"user.contact.email.hashed", at(file, 42)}};
  ads.events = {{"checkout_started", at(file, 43)}, {"order_completed", at(file, 43)}};
  ads.transformations = {{"hash_email", at(file, 44)}};
  model::Destination warehouse;
  warehouse.name = "warehouse";
  warehouse.category = "warehouse";
  warehouse.region = "eu";
  warehouse.span = at(file, 45);
  warehouse.allow_pii = {{"user", at(file, 46)}};
  warehouse.all_events = true;
  m->destinations = {std::move(ads), std::move(warehouse)};

  model::Transformation hash;
  hash.name = "hash_email";
  hash.events = {{"checkout_started", at(file, 50)}};
  hash.reads = {{"email", at(file, 51)}};
  hash.writes = {
      model::Write{{"email", at(file, 52)}, {"user.contact.email.hashed", at(file, 52)}}};
  hash.span = at(file, 50);
  m->transformations = {std::move(hash)};

  m->teams = {model::Team{"team-data", "", {"@acme/data"}, at(file, 60)},
              model::Team{"team-security", "", {"@acme/security"}, at(file, 61)}};
  model::Source web;
  web.name = "web";
  web.platform = "web";
  web.span = at(file, 70);
  m->sources = {std::move(web)};

  m->taxonomy.builtin = false;
  for (const char* c : {"user.contact.email", "user.contact.email.hashed", "user.contact.phone",
                        "user.device.ip"}) {
    m->taxonomy.pii_categories.push_back({c, {}});
  }
  for (const char* p : {"essential", "analytics", "marketing", "advertising"}) {
    m->taxonomy.consent_purposes.push_back({p, {}});
  }
  m->index();
  model::build_routes(*m);
  return m;
}

Span line_span(const model::Model& model, uint32_t line) {
  return at(model.events.front().span.source, line);
}

CheckResult check_text(const std::string& text) {
  LoadedPack loaded = load_pack("test", {PackSource{"test.policy", text}});
  if (!loaded.ok()) {
    CheckResult failed;
    failed.diagnostics = loaded.diagnostics;
    return failed;
  }
  return check_pack(loaded.pack, rules::builtin_functions());
}

std::string describe(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + ": " + d.rule +
           ": " + d.message;
    if (!d.suggestion.empty()) out += " [" + d.suggestion + "]";
    out += "\n";
  }
  return out;
}

std::string describe_findings(const Diagnostics& findings) {
  std::string out;
  for (const auto& d : findings) {
    out += d.rule + " " + std::string(to_string(d.severity));
    if (d.span.valid())
      out += " " + std::to_string(d.span.line) + ":" + std::to_string(d.span.column);
    if (d.base_span.valid()) out += " base " + std::to_string(d.base_span.line);
    out += " " + d.message;
    if (!d.suggestion.empty()) out += " [" + d.suggestion + "]";
    out += "\n";
  }
  return out;
}

Run run_text(const std::string& text, const model::Model& head, const model::Model* base,
             const diff::ChangeSet* changes, Env env) {
  Run run;
  CheckResult checked = check_text(text);
  if (!checked.ok()) {
    run.errors = describe(checked.diagnostics);
    return run;
  }
  PolicyInput input{&head, base, changes, std::move(env)};
  run.result = evaluate(*checked.pack, input);
  run.errors = describe(run.result.errors);
  return run;
}

}  // namespace steward::policy::testing
