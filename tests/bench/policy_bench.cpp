// Policy evaluation benchmark: 50 rules over a generated model of 10,000 events (10 properties
// each, 20 destinations, ~50,000 routes). Only evaluation is timed; the model is built in memory.
// Results are recorded in docs/benchmarks.md ("Policy evaluation").
//
//   steward_policy_bench [EVENTS] [--rules-only]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <thread>

#include "model/model.h"
#include "model/route_builder.h"
#include "policy/checker.h"
#include "policy/evaluator.h"
#include "policy/rule_pack.h"
#include "rules/builtins.h"

using namespace steward;

namespace {

Span at(const SourceRef& file, uint32_t line) {
  return Span{file, line, 1, line, 1};
}

model::Property property(const SourceRef& file, uint32_t line, std::string name, std::string type,
                         std::string pii) {
  model::Property p;
  p.name = name;
  p.path = std::move(name);
  p.types = {std::move(type)};
  p.pii = std::move(pii);
  p.span = p.type_span = p.pii_span = at(file, line);
  return p;
}

std::unique_ptr<model::Model> generate(int events) {
  auto file = make_source("generated.yaml", "x\n");
  auto m = std::make_unique<model::Model>();
  const char* teams[] = {"team-checkout", "team-growth", "team-data", "team-catalog",
                         "team-security"};
  for (const char* team : teams)
    m->teams.push_back(model::Team{team, "", {}, at(file, 1)});
  model::Source web;
  web.name = "web";
  web.environments = {{"production", {}}};
  m->sources.push_back(web);
  m->events.reserve(events);
  for (int i = 0; i < events; ++i) {
    // Every entity on its own line, as in real files, so findings do not collapse into one.
    uint32_t line = static_cast<uint32_t>(i) * 20 + 1;
    model::Event e;
    e.name = "event_" + std::to_string(i);
    e.owner = {i % 97 == 0 ? "" : teams[i % 5], at(file, 1)};
    e.description = i % 89 == 0 ? "" : "Generated event";
    e.sources = {{"web", {}}};
    e.span = at(file, line);
    if (i % 50 == 0) {
      e.status = model::EventStatus::deprecated;
      e.deprecated = model::Deprecation{
          "2026-01-01", i % 100 == 0 ? "2026-03-01" : "2027-01-01", {"event_1", {}}, at(file, 1)};
    }
    e.properties.push_back(property(file, ++line, "order_id", "string", "none"));
    e.properties.push_back(property(file, ++line, "total", "number", "none"));
    e.properties.push_back(
        property(file, ++line, i % 100 == 0 ? "CouponCode" : "coupon_code", "string", "none"));
    auto email = property(file, ++line, "email", "string", "user.contact.email");
    email.consent = {{i % 50 == 0 ? "personalization" : "marketing", {}}};
    e.properties.push_back(email);
    e.properties.push_back(
        property(file, ++line, "phone", "string", i % 11 == 0 ? "user.contact.phone" : "none"));
    e.properties.push_back(property(file, ++line, "ip", "string",
                                    i % 100 == 0 ? "" : (i % 10 == 0 ? "user.device.ip" : "none")));
    auto shipping = property(file, ++line, "shipping", "object", "none");
    shipping.properties.push_back(property(file, ++line, "country", "string", "none"));
    shipping.properties.push_back(property(file, ++line, "postal_code", "string",
                                           i % 20 == 0 ? "user.contact.address" : "none"));
    shipping.properties.push_back(property(file, ++line, "city", "string", "none"));
    e.properties.push_back(std::move(shipping));
    m->events.push_back(std::move(e));
  }
  for (auto& e : m->events) {
    for (auto& p : e.properties) {
      p.event = &e;
      e.all_properties.push_back(&p);
      for (auto& child : p.properties) {
        child.event = &e;
        child.path = p.name + "." + child.name;
        e.all_properties.push_back(&child);
      }
    }
  }
  const char* categories[] = {"advertising", "analytics", "marketing", "warehouse"};
  for (int d = 0; d < 20; ++d) {
    model::Destination dest;
    dest.name = "destination_" + std::to_string(d);
    dest.category = categories[d % 4];
    dest.region = d % 2 ? "eu" : "us";
    dest.environments = {{"production", {}}};
    if (d % 10 == 9) {
      dest.consent = {{"analytics", {}}};
    } else {
      dest.consent = {{"marketing", {}}, {"advertising", {}}};
    }
    dest.allow_pii = {{d % 4 == 0 ? "user.contact" : "user", {}}};
    dest.span = at(file, 1);
    // Each destination receives a quarter of the events.
    for (int i = d % 4; i < events; i += 4)
      dest.events.push_back({"event_" + std::to_string(i), {}});
    m->destinations.push_back(std::move(dest));
  }
  m->taxonomy.builtin = false;
  for (const char* c :
       {"user.contact.email", "user.contact.phone", "user.contact.address", "user.device.ip"}) {
    m->taxonomy.pii_categories.push_back({c, {}});
  }
  for (const char* p : {"analytics", "marketing", "advertising", "personalization"}) {
    m->taxonomy.consent_purposes.push_back({p, {}});
  }
  m->index();
  model::build_routes(*m);
  return m;
}

// Ten rule shapes, five variants each: 50 rules. With `only_first`, one rule per shape.
std::string rules_text(int variants = 5) {
  std::string text = "pack bench\n";
  for (int v = 0; v < variants; ++v) {
    std::string n = std::to_string(v);
    text += R"(
rule bench.allowlist-)" +
            n + R"( {
  for route in head.routes
  for prop in route.delivered_properties
  where prop.pii != none and not route.destination.allows(prop.pii)
  deny at prop "{prop.path} ({prop.pii}) reaches {route.destination.name}"
}
rule bench.owner-)" +
            n + R"( {
  for e in head.events
  where e.owner == none or e.description == none
  warn at e "{e.name} has no owner or description"
}
rule bench.snake-case-)" +
            n + R"( {
  for p in head.properties
  where not (p.name matches '^[a-z][a-z0-9_]*$')
  warn at p "{p.name} is not snake_case"
}
rule bench.unclassified-)" +
            n + R"( {
  for p in head.properties
  where not p.classified
  deny at p "{p.path} has no pii class"
}
rule bench.route-join-)" +
            n + R"( {
  for r in head.routes
  for e in head.events
  where e.name == r.event.name and e.status == "deprecated" and r.destination.category == "advertising"
  note at e "deprecated {e.name} still reaches {r.destination.name}"
}
rule bench.quantifier-join-)" +
            n + R"( {
  for e in head.events
  where e.status == "active" and not (some r in head.routes: r.event.name == e.name and r.destination.region == "eu")
  note at e "{e.name} reaches no EU destination"
}
rule bench.sunset-)" +
            n + R"( {
  for e in head.events
  where e.deprecated != none and e.deprecated.sunset < env.today
  deny at e "{e.name} is past its sunset"
}
rule bench.consent-)" +
            n + R"( {
  for route in head.routes
  for prop in route.delivered_properties
  where prop.pii != none and some c in prop.property.consent: c not in route.destination.consent
  warn at prop "{prop.path} needs consent {route.destination.name} does not require"
}
rule bench.membership-join-)" +
            n + R"( {
  for d in head.destinations
  for e in head.events
  where e.name in d.events and e.owner == "team-security" and d.region == "us"
  note at e "{e.name} of team-security reaches {d.name} in the us"
}
rule bench.residency-)" +
            n + R"( {
  for route in head.routes
  where route.destination.region != "eu"
  for prop in route.delivered_properties
  where prop.pii within "user.contact.address"
  deny at prop "{prop.path} leaves the EU to {route.destination.name}"
}
)";
  }
  return text;
}

std::shared_ptr<const policy::CheckedPack> check(const std::string& text) {
  auto loaded = policy::load_pack("bench", {policy::PackSource{"bench.policy", text}});
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.diagnostics.front().message.c_str());
    std::exit(2);
  }
  auto checked = policy::check_pack(loaded.pack, rules::builtin_functions());
  if (!checked.ok()) {
    std::fprintf(stderr, "%d:%d %s\n", checked.diagnostics.front().span.line,
                 checked.diagnostics.front().span.column,
                 checked.diagnostics.front().message.c_str());
    std::exit(2);
  }
  return checked.pack;
}

// The best of three runs, in wall-clock milliseconds; `cpu_ms` gets the processor time of that
// run (all threads), which other load on the machine does not inflate.
double best_ms(const policy::CheckedPack& pack, const policy::PolicyInput& input, unsigned threads,
               size_t& findings, double* cpu_ms = nullptr) {
  double best = 1e30;
  for (int run = 0; run < 3; ++run) {
    auto start = std::chrono::steady_clock::now();
    std::clock_t cpu_start = std::clock();
    auto result = policy::evaluate(pack, input, policy::EvaluateOptions{threads});
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    double cpu = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    if (cpu_ms != nullptr && ms < best) *cpu_ms = cpu;
    findings = result.findings.size();
    if (!result.errors.empty()) {
      std::fprintf(stderr, "%s\n", result.errors.front().message.c_str());
      std::exit(2);
    }
    best = std::min(best, ms);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  int events = argc > 1 ? std::atoi(argv[1]) : 10000;
  bool rules_only = argc > 2 && std::string(argv[2]) == "--rules-only";
  auto start = std::chrono::steady_clock::now();
  auto model = generate(events);
  double build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  size_t properties = 0, delivered = 0;
  for (const auto& e : model->events)
    properties += e.all_properties.size();
  for (const auto& r : model->routes)
    delivered += r.delivered_properties.size();
  std::printf(
      "model: %d events, %zu properties, %zu destinations, %zu routes, %zu delivered "
      "properties (built in %.0f ms)\n",
      events, properties, model->destinations.size(), model->routes.size(), delivered, build_ms);

  policy::PolicyInput input{model.get(), nullptr, nullptr, {}};
  input.env.today = "2026-06-01";
  auto pack = check(rules_text());
  size_t findings = 0;
  double one_cpu = 0, all_cpu = 0;
  double one = best_ms(*pack, input, 1, findings, &one_cpu);
  unsigned cores = std::thread::hardware_concurrency();
  double all = best_ms(*pack, input, 0, findings, &all_cpu);
  std::printf("50 rules, 1 thread: %.0f ms (%.0f ms CPU)\n", one, one_cpu);
  std::printf("50 rules, %u threads: %.0f ms (%.0f ms CPU); %zu findings\n", cores, all, all_cpu,
              findings);

  if (rules_only) return 0;

  // Each shape alone (its first variant), on one thread.
  auto shapes = check(rules_text(1));
  for (const auto& rule : shapes->rules()) {
    std::string text = "pack bench\n";
    const Span& span = rule.rule->span;
    for (uint32_t line = span.line; line <= span.end_line; ++line) {
      text += std::string(span.source->line(line)) + "\n";
    }
    auto one_rule = check(text);
    size_t n = 0;
    double cpu = 0;
    best_ms(*one_rule, input, 1, n, &cpu);
    std::printf("  %-28s %6.0f ms CPU, %zu findings\n", rule.rule->id.c_str(), cpu, n);
  }

  // The same join with the index and without it (the planner cannot index an `or`), on a
  // smaller model so that the product stays affordable.
  auto small = generate(2000);
  policy::PolicyInput small_input{small.get(), nullptr, nullptr, {}};
  auto indexed = check(R"(pack bench
rule bench.join {
  for r in head.routes
  for e in head.events
  where e.name == r.event.name
  note at e "x {r.destination.name}"
})");
  auto product = check(R"(pack bench
rule bench.join {
  for r in head.routes
  for e in head.events
  where e.name == r.event.name or false
  note at e "x {r.destination.name}"
})");
  size_t a = 0, b = 0;
  double with_index = best_ms(*indexed, small_input, 1, a);
  double without = best_ms(*product, small_input, 1, b);
  std::printf(
      "routes x events join on 2,000 events (%zu routes): %.1f ms with the index, %.0f ms "
      "without (%zu = %zu findings)\n",
      small->routes.size(), with_index, without, a, b);
  return a == b ? 0 : 1;
}
