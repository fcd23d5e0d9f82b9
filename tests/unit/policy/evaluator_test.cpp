#include <doctest/doctest.h>

#include "policy/limits.h"
#include "test_model.h"

using namespace steward;
using namespace steward::policy;
using namespace steward::policy::testing;

namespace {

// Runs one rule over the test model and describes its findings.
std::string findings_of(const std::string& body, const std::string& functions = "", Env env = {}) {
  static auto model = make_model();
  std::string text = "pack p\n" + functions + "rule p.r {\n" + body + "\n}\n";
  Run run = run_text(text, *model, nullptr, nullptr, std::move(env));
  return run.errors + describe_findings(run.result.findings);
}

// The value of one expression, shown through a note's message.
std::string value_of(const std::string& expression, const std::string& functions = "") {
  std::string out = findings_of("  note \"{" + expression + "}\"", functions);
  const std::string prefix = "p.r note ";
  if (out.rfind(prefix, 0) == 0) out = out.substr(prefix.size());
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("the PII allowlist rule over routes") {
  auto out = findings_of(R"(  severity error
  help "Add the category to allow_pii"
  for route in head.routes
  for prop in route.delivered_properties
  where prop.pii != none and not route.destination.allows(prop.pii)
  deny at prop "{prop.path} ({prop.pii}) reaches {route.destination.name}, which does not allow it"
  suggest "exclude {prop.name}")");
  // email reaches google_ads hashed (allowed); phone is not allowed there; the warehouse allows
  // every user.* category.
  CHECK(out ==
        "p.r error 22:1 phone (user.contact.phone) reaches google_ads, which does not allow it "
        "[exclude phone]\n");
}

TEST_CASE("literals and operators") {
  CHECK(value_of("1") == "1");
  CHECK(value_of("2.5") == "2.5");
  CHECK(value_of("true") == "true");
  CHECK(value_of("none") == "none");
  CHECK(value_of("[1, \"a\", [true]]") == "1, a, true");
  CHECK(value_of("'raw {x}'") == "raw {x}");
  CHECK(value_of("\"a\\{b\\}\"") == "a{b}");
  CHECK(value_of("1 == 1") == "true");
  CHECK(value_of("1 != 1") == "false");
  CHECK(value_of("1 < 2") == "true");
  CHECK(value_of("2 <= 2") == "true");
  CHECK(value_of("\"b\" > \"a\"") == "true");
  CHECK(value_of("1 >= 2") == "false");
  CHECK(value_of("none == none") == "true");
  CHECK(value_of("none < 1") == "false");
  CHECK(value_of("\"a\" in [\"a\", \"b\"]") == "true");
  CHECK(value_of("\"c\" not in [\"a\", \"b\"]") == "true");
  CHECK(value_of("\"ell\" in \"hello\"") == "true");
  CHECK(value_of("\"x\" in none") == "false");
  CHECK(value_of("\"checkout_started\" matches '^checkout_'") == "true");
  CHECK(value_of("\"checkout_started\" matches 'started$'") == "true");
  CHECK(value_of("\"checkout_started\" glob 'checkout_*'") == "true");
  CHECK(value_of("\"checkout_started\" glob 'checkout'") == "false");
  CHECK(value_of("\"user.contact.email\" within \"user.contact\"") == "true");
  CHECK(value_of("\"user.contactx\" within \"user.contact\"") == "false");
  CHECK(value_of("\"user.contact.email\" within [\"user.device\", \"user\"]") == "true");
  CHECK(value_of("none within \"user\"") == "false");
  CHECK(value_of("not true or false") == "false");
  CHECK(value_of("true and not false") == "true");
  CHECK(value_of("if 1 > 2 then \"a\" else \"b\"") == "b");
  CHECK(value_of("[10, 20, 30][1]") == "20");
  CHECK(value_of("[10][5]") == "none");
}

TEST_CASE("paths, methods and none") {
  CHECK(value_of("head.event(\"checkout_started\").owner") == "team-data");
  CHECK(value_of("head.event(\"nope\").owner") == "none");
  CHECK(value_of("head.event(\"legacy_viewed\").deprecated.sunset") == "2026-06-30");
  CHECK(value_of("head.event(\"checkout_started\").deprecated.sunset") == "none");
  CHECK(value_of("head.event(\"checkout_started\").property(\"items.sku\").path") == "items.sku");
  CHECK(value_of("head.event(\"checkout_started\").property(\"items.sku\")") ==
        "checkout_started.items.sku");
  CHECK(value_of("head.destination(\"google_ads\").allows(\"user.contact.email.hashed\")") ==
        "true");
  CHECK(value_of("head.destination(\"warehouse\").allows(\"user.device.ip\")") == "true");
  CHECK(value_of("count(head.events)") == "3");
  CHECK(value_of("count(head.properties)") == "8");
  CHECK(value_of("count(head.event(\"checkout_started\").routes)") == "2");
  CHECK(value_of("head.event(\"checkout_started\").property(\"total\").minimum") == "0");
  CHECK(value_of("head.event(\"checkout_started\").property(\"total\").type") == "number");
  CHECK(value_of("head.taxonomy.has_category(\"user.contact\")") == "true");
  CHECK(value_of("base") == "none");
  CHECK(value_of("count(changes.properties)") == "0");
  CHECK(value_of("env.actor") == "none");
}

TEST_CASE("quantifiers") {
  CHECK(value_of("some e in head.events: e.name == \"order_completed\"") == "true");
  CHECK(value_of("some e in head.events: e.name == \"nope\"") == "false");
  CHECK(value_of("all e in head.events: e.sources == [\"web\"]") == "true");
  CHECK(value_of("all e in []: false") == "true");
  CHECK(value_of("some e in none: true") == "false");
  // Nested, reading the outer variable.
  CHECK(value_of("all e in head.events: some d in head.destinations: d.region == \"eu\" and "
                 "(d.all_events or e.name in d.events)") == "true");
}

TEST_CASE("for, let, where and when") {
  CHECK(findings_of(R"(  when count(head.events) > 100
  note "never")") == "");
  CHECK(findings_of(R"(  when count(head.events) == 3
  for e in head.events
  let n = count(e.all_properties)
  where n > 0
  note at e "{e.name}: {n}")") ==
        "p.r note 10:1 checkout_started: 5\n"
        "p.r note 20:1 order_completed: 3\n");
}

TEST_CASE("outcomes: severities, default location, names from the model") {
  CHECK(findings_of(R"(  severity warning
  for e in head.events
  where e.owner == none
  deny "{e.name} has no owner")") == "p.r warning 30:1 legacy_viewed has no owner\n");
  CHECK(findings_of(R"(  for e in head.events
  where e.name == "order_completed"
  warn at e.owner "w"
  note at e.name "n"
  deny "d")") == "p.r warning 20:1 w\np.r note 20:1 n\np.r error 20:1 d\n");
  CHECK(findings_of("  deny \"nowhere\"") == "p.r error nowhere\n");
}

TEST_CASE("reviews") {
  static auto model = make_model();
  Run run = run_text(R"(pack p
rule p.r {
  for e in head.events
  where e.owner != none
  require review by e.owner "owner must approve"
  require review by team-security at e
})",
                     *model);
  CHECK(run.errors == "");
  REQUIRE(run.result.reviews.size() == 2);
  CHECK(run.result.reviews[0].team == "team-data");
  CHECK(run.result.reviews[0].reason == "owner must approve");
  CHECK(run.result.reviews[0].rule == "p.r");
  CHECK(run.result.reviews[1].team == "team-security");
  CHECK(run.result.reviews[1].span.line == 10);
}

TEST_CASE("user-defined functions") {
  const char* functions =
      "func personal(p: property) = p.pii != none\n"
      "func personal_count(e: event) = count([p.name, \"x\"]) + 0 == 2 and some p in "
      "e.all_properties: personal(p)\n";
  // (`+` is not in the language: the second function is rejected.)
  CHECK(findings_of("  deny \"x\"", functions).find("no arithmetic") != std::string::npos);
  CHECK(value_of("personal(head.event(\"order_completed\").property(\"phone\"))",
                 "func personal(p: property) = p.pii != none\n") == "true");
  CHECK(value_of("some e in head.events: has_personal(e)",
                 "func personal(p: property) = p.pii != none\n"
                 "func has_personal(e: event) = some p in e.all_properties: personal(p)\n") ==
        "true");
}

TEST_CASE("deep nesting through function calls is refused before it runs; within it, runs") {
  // Each body may nest 64 levels and 16 functions may call one another: together that would
  // recurse ~1,000 levels deep in the checker and the evaluator. The nesting limit counts bodies
  // where they are called.
  auto chain = [](int nots) {
    std::string prefix;
    for (int i = 0; i < nots; ++i)
      prefix += "not ";
    std::string functions;
    for (int i = 0; i < kMaxFunctionCallDepth; ++i) {
      std::string next = i + 1 < kMaxFunctionCallDepth
                             ? std::string("f") + std::to_string(i + 1) + "(x)"
                             : "x == \"zzz\"";
      functions += "func f" + std::to_string(i) + "(x: string) = " + prefix + next + "\n";
    }
    return functions;
  };
  CHECK(findings_of("  where f0(\"zzz\")\n  note \"x\"", chain(60))
            .find("policy.call-depth: expressions nest more than 256 levels deep") !=
        std::string::npos);
  // 16 functions of 10 levels each: within the limit, evaluated on the evaluator's threads.
  CHECK(value_of("f0(\"zzz\")", chain(10)) == "true");
  CHECK(value_of("f0(\"a\")", chain(10)) == "false");
}

TEST_CASE("env") {
  Env env;
  env.actor = "octocat";
  env.labels = {"pii-approved"};
  env.environment = "production";
  env.today = "2026-07-01";
  CHECK(findings_of(R"(  when "pii-approved" in env.labels and env.environment == "production"
  for e in head.events
  where e.deprecated != none and e.deprecated.sunset < env.today
  deny at e "{e.name} is past its sunset ({e.deprecated.sunset}); asked by {env.actor}")",
                    "", env) ==
        "p.r error 30:1 legacy_viewed is past its sunset (2026-06-30); asked by octocat\n");
}

TEST_CASE("findings are not repeated for one place and message") {
  CHECK(findings_of(R"(  for d in head.destinations
  for e in head.events
  deny at e "{e.name}")") ==
        "p.r error 10:1 checkout_started\np.r error 20:1 order_completed\n"
        "p.r error 30:1 legacy_viewed\n");
}

TEST_CASE("joins give the same result as nested loops") {
  const char* joined = R"(  for r in head.routes
  for e in head.events
  where e.name == r.event.name and e.status == "active"
  note at e "{r.destination.name}: {e.name}")";
  const char* nested = R"(  for r in head.routes
  for e in head.events
  where e.status == "active" and (e.name == r.event.name or false)
  note at e "{r.destination.name}: {e.name}")";
  CHECK(findings_of(joined) == findings_of(nested));
  CHECK(findings_of(joined) ==
        "p.r note 10:1 google_ads: checkout_started\np.r note 20:1 google_ads: order_completed\n"
        "p.r note 10:1 warehouse: checkout_started\np.r note 20:1 warehouse: order_completed\n");
  // Membership joins (the warehouse's `events: "*"` lists the events it receives).
  CHECK(findings_of(R"(  for d in head.destinations
  for e in head.events
  where e.name in d.events
  note at e "{d.name} <- {e.name}")") ==
        "p.r note 10:1 google_ads <- checkout_started\np.r note 20:1 google_ads <- "
        "order_completed\np.r note 10:1 warehouse <- checkout_started\n"
        "p.r note 20:1 warehouse <- order_completed\np.r note 30:1 warehouse <- legacy_viewed\n");
  // Quantifiers served by an index.
  CHECK(value_of("some e in head.events: e.name == \"legacy_viewed\" and e.owner == none") ==
        "true");
  CHECK(value_of("some e in head.events: \"legacy_viewed\" == e.name and e.owner != none") ==
        "false");
}

TEST_CASE("plans: conditions move to the earliest loop, joins replace loops") {
  auto checked = check_text(R"(pack p
rule p.r {
  for r in head.routes
  for e in head.events
  where e.name == r.event.name and r.destination.name == "warehouse"
  deny "x"
})");
  REQUIRE(checked.ok());
  const RulePlan& plan = checked.pack->rules()[0].plan;
  REQUIRE(plan.steps.size() == 3);
  CHECK(plan.steps[0].kind == PlanStep::Kind::loop);
  CHECK(plan.steps[1].kind == PlanStep::Kind::filter);  // on r alone: before the inner loop
  CHECK(plan.steps[2].kind == PlanStep::Kind::join);
  CHECK(plan.index_count == 1);
}

TEST_CASE("runtime errors stop the rule and are reported") {
  auto out = findings_of(R"(  for e in head.events
  where e.name matches e.name + "("
  deny "x")");
  CHECK(out.find("no arithmetic") != std::string::npos);  // no `+`: a syntax error
  out = findings_of(R"(  for e in head.events
  let pattern = "(" 
  where e.name matches pattern
  deny "x")");
  CHECK(out.find("5:24: policy.runtime: rule `p.r` failed: invalid regular expression: missing ") ==
        0);
  CHECK(out.find("(pattern `(`)") != std::string::npos);
}

TEST_CASE("regular expressions match in linear time, on texts of any length") {
  // Patterns that make a backtracking matcher (std::regex) take seconds or forever.
  std::string as(40, 'a');
  CHECK(value_of("\"" + as + "b\" matches '^(a+)+$'") == "false");
  CHECK(value_of("\"" + as + "\" matches '^(a|aa)*b$'") == "false");
  CHECK(value_of("\"" + as + "b\" matches '^(a|aa)*b$'") == "true");
  // No cap on the matched text: a 100,000-character name is matched like any other.
  std::string long_text(100000, 'a');
  CHECK(value_of("\"" + long_text + "\" matches '^a+$'") == "true");
  // Backreferences and lookaround need backtracking: a pack that uses them does not check.
  CHECK(findings_of("  where \"aa\" matches '(a)\\1'\n  deny \"x\"").find("policy.regex") !=
        std::string::npos);
  CHECK(findings_of("  where \"ab\" matches 'a(?=b)'\n  deny \"x\"").find("lookahead") !=
        std::string::npos);
}

TEST_CASE("a match remembered for one pattern is never another pattern's") {
  // Whether a short text matches is remembered per pattern: the same text against two patterns,
  // written out and computed, again and again in one run.
  CHECK(value_of("[\"ab\" matches '^a', \"ab\" matches '^b', \"ab\" matches pa(), "
                 "\"ab\" matches pb(), \"ab\" matches '^a', \"ab\" matches pb()]",
                 "func pa() = '^a'\nfunc pb() = '^b'\n") ==
        "true, false, true, false, true, false");
}

TEST_CASE("a data pattern that cannot be compiled matches nothing and stops no rule") {
  // The model reports it (schema.invalid-pattern at its line); the rule runs on for the others.
  auto model = make_model();
  model->events[0].properties[0].constraints.edit().pattern = "[a-";  // cart_id, line 11
  model->events[0].properties[2].constraints.edit().pattern = "^b";   // total, line 13
  Run run = run_text(R"(pack p
rule p.r {
  for e in head.events
  for p in e.properties
  where "bc" matches p.pattern
  deny at p "{p.name}"
}
)",
                     *model);
  CHECK(run.errors == "");
  CHECK(describe_findings(run.result.findings) == "p.r error 13:1 total\n");
}

TEST_CASE("strings have a size limit: nested replace cannot take gigabytes") {
  auto out = findings_of(R"(  let s = "aaaaaaaaaa"
  let s2 = replace(s, "a", s)
  let s3 = replace(s2, "a", s2)
  let s4 = replace(s3, "a", s3)
  let s5 = replace(s4, "a", s4)
  where length(s5) > 0
  deny "{s5}")");
  CHECK(out.find("policy.runtime: rule `p.r` failed: `replace`: the result would be") !=
        std::string::npos);
  CHECK(out.find("(limit: string size)") != std::string::npos);
  // Interpolation is bounded the same way.
  out = findings_of(R"(  let s = replace("aaaaaaaaaa", "a", "aaaaaaaaaa")
  let s2 = replace(s, "a", s)
  let s3 = replace(s2, "a", s)
  let s4 = "{s3}{s3}"
  where length(s4) > 0
  deny "x")");
  CHECK(out.find("policy.runtime: rule `p.r` failed: the result would be 2000000 bytes long; a "
                 "string may hold at most 1048576 bytes (limit: string size)") !=
        std::string::npos);
}

TEST_CASE("interpolated values are shortened in messages, not in values") {
  std::string name(300, 'n');
  CHECK(findings_of("  let s = \"" + name + "\"\n  note \"<{s}>\"") ==
        "p.r note <" + std::string(200, 'n') + "…>\n");
  // Suggestions too.
  CHECK(findings_of("  let s = \"" + name + "\"\n  note \"x\" suggest \"{s}\"") ==
        "p.r note x [" + std::string(200, 'n') + "…]\n");
  // Multi-byte characters are not cut in half.
  std::string accents;
  for (int i = 0; i < 250; ++i)
    accents += "\xc3\xa9";
  CHECK(findings_of("  let s = \"" + accents + "\"\n  note \"{s}\"") ==
        "p.r note " + accents.substr(0, 400) + "…\n");
  // Computations see the whole value.
  CHECK(findings_of("  let s = \"" + name + "\"\n  let t = \"<{s}>\"\n  note \"{length(t)}\"") ==
        "p.r note 302\n");
  // Literal text of the message itself is never cut.
  std::string literal(300, 'l');
  CHECK(findings_of("  note \"" + literal + "\"") == "p.r note " + literal + "\n");
}

TEST_CASE("changes: both sides, fields, and where findings point") {
  auto base = make_model("base");
  auto head = make_model("head");
  diff::ChangeSet changes;
  diff::PropertyChange modified;
  modified.kind = diff::ChangeKind::modified;
  modified.name = "checkout_started.total";
  modified.event = "checkout_started";
  modified.base = base->events[0].all_properties[2];
  modified.head = head->events[0].all_properties[2];
  modified.fields = {diff::FieldChange{"type", "integer", "number"}};
  changes.properties.push_back(modified);
  diff::PropertyChange removed;
  removed.kind = diff::ChangeKind::removed;
  removed.name = "order_completed.ip";
  removed.event = "order_completed";
  removed.base = base->events[1].all_properties[2];
  changes.properties.push_back(removed);

  Run run = run_text(R"P(pack compat
rule compat.property-changed {
  for c in changes.properties
  where c.modified and c.changed("type")
  deny at c "{c.head.path} changed type from {c.fields[0].base} to {c.fields[0].head}"
  suggest "add {c.head.name}_v2"
}
rule compat.property-removed {
  for c in changes.properties
  where c.removed
  deny at c.base "{c.name} was removed"
  warn at c "{c.name} (change)"
})P",
                     *head, base.get(), &changes);
  CHECK(run.errors == "");
  CHECK(describe_findings(run.result.findings) ==
        "compat.property-changed error 13:1 base 13 total changed type from integer to number "
        "[add total_v2]\n"
        "compat.property-removed error base 23 order_completed.ip was removed\n"
        "compat.property-removed warning base 23 order_completed.ip (change)\n");
  REQUIRE(run.result.findings.size() == 3);
  CHECK(run.result.findings[1].base_span.source->revision() == "base");
}

TEST_CASE("unknown names in the model stop the pack before it runs") {
  auto model = make_model();
  Run run = run_text("pack p\nrule p.r {\n  require review by team-nobody \"x\"\n}\n", *model);
  CHECK(run.errors ==
        "3:21: policy.unknown-team: unknown team `team-nobody`; teams are defined by `kind: team` "
        "files\n");
  CHECK(run.result.reviews.empty());
}

TEST_CASE("parallel evaluation gives the order of sequential evaluation") {
  auto model = make_model();
  std::string text = "pack p\n";
  for (int i = 0; i < 20; ++i) {
    text += "rule p.r" + std::to_string(i) + " {\n  for e in head.events\n  note at e \"" +
            std::to_string(i) + " {e.name}\"\n}\n";
  }
  auto checked = check_text(text);
  REQUIRE(checked.ok());
  PolicyInput input{model.get(), nullptr, nullptr, {}};
  auto one = evaluate(*checked.pack, input, EvaluateOptions{1});
  auto four = evaluate(*checked.pack, input, EvaluateOptions{4});
  CHECK(describe_findings(one.findings) == describe_findings(four.findings));
  CHECK(one.findings.size() == 60);
}

TEST_CASE("every rule that ran is timed, in pack order, for check --stats") {
  auto model = make_model();
  Run run = run_text(
      "pack p\nrule p.first {\n  for e in head.events\n  note at e \"{e.name}\"\n}\n"
      "rule p.second {\n  for r in head.routes\n  where r.destination.name == \"none\"\n"
      "  note \"never\"\n}\n",
      *model);
  REQUIRE(run.errors.empty());
  REQUIRE(run.result.rule_times.size() == 2);
  CHECK(run.result.rule_times[0].rule == "p.first");
  CHECK(run.result.rule_times[1].rule == "p.second");
  for (const auto& time : run.result.rule_times)
    CHECK(time.ms >= 0);
}

TEST_CASE("the findings of a rule share one copy of its help") {
  auto model = make_model();
  Run run = run_text(
      "pack p\nrule p.r {\n  help \"Describe every event.\"\n  for e in head.events\n"
      "  note at e \"{e.name}\"\n}\n",
      *model);
  REQUIRE(run.errors.empty());
  REQUIRE(run.result.findings.size() >= 2);
  CHECK(*run.result.findings[0].help == "Describe every event.");
  CHECK(run.result.findings[0].help.shares_with(run.result.findings[1].help));
}

TEST_CASE("for fingerprints only: the same findings, without suggestions, help or reviews") {
  auto model = make_model();
  const std::string text =
      "pack p\nrule p.r {\n  help \"Describe every event.\"\n  for e in head.events\n"
      "  note at e \"{e.name}\"\n  suggest \"describe {e.name}\"\n"
      "  require review by team-security at e \"{e.name} changed\"\n}\n";
  CheckResult checked = check_text(text);
  REQUIRE(checked.ok());
  const PolicyInput input{model.get(), nullptr, nullptr, {}};
  EvaluationResult full = evaluate(*checked.pack, input);
  EvaluateOptions options;
  options.fingerprints_only = true;
  EvaluationResult only = evaluate(*checked.pack, input, options);
  REQUIRE(full.ok());
  REQUIRE(only.ok());
  CHECK_FALSE(full.reviews.empty());
  CHECK(only.reviews.empty());
  REQUIRE(full.findings.size() >= 2);
  REQUIRE(only.findings.size() == full.findings.size());
  CHECK_FALSE(full.findings[0].suggestion.empty());
  for (size_t i = 0; i < only.findings.size(); ++i) {
    CHECK(only.findings[i].message == full.findings[i].message);
    CHECK(only.findings[i].rule == full.findings[i].rule);
    CHECK(only.findings[i].subject == full.findings[i].subject);
    CHECK(only.findings[i].span.line == full.findings[i].span.line);
    CHECK(only.findings[i].suggestion.empty());
    CHECK(only.findings[i].help->empty());
  }
}

TEST_CASE("calls with no argument or one name are remembered, and still say where they were") {
  // `same` hands its argument back: each event's owner is the same text, "team-data", but each
  // finding must point at its own event's `owner:` (lines 10 and 20), not at the first call's.
  const char* same = "func same(n: string) = n\n";
  CHECK(findings_of("  for e in head.events\n  where e.owner != none\n"
                    "  deny at same(e.owner) \"{e.name}\"",
                    same) == "p.r error 10:1 checkout_started\np.r error 20:1 order_completed\n");
  // A remembered answer is the answer: a name's test and a constant, called once per property.
  const char* functions =
      "func personal_name(n: string) = n matches '^(email|phone)$'\n"
      "func pattern() = '^[a-z_]+$'\n";
  CHECK(findings_of("  for p in head.properties\n"
                    "  where personal_name(p.name) and p.name matches pattern()\n"
                    "  deny at p \"{p.name}\"",
                    functions) == "p.r error 12:1 email\np.r error 22:1 phone\n");

  // `trace` shows every call, so a function that traces is called every time.
  CheckResult checked = check_text(
      "pack p\nfunc shown(n: string) = trace(\"owner\", n)\n"
      "rule p.r {\n  for e in head.events\n  where shown(e.owner) != none\n  deny \"x\"\n}\n");
  REQUIRE(checked.ok());
  static auto model = make_model();
  std::vector<std::string> traced;
  EvaluateOptions options(1);
  options.trace = [&](const Span&, const std::string& text) { traced.push_back(text); };
  evaluate(*checked.pack, PolicyInput{model.get(), nullptr, nullptr, {}}, options);
  CHECK(traced.size() == 3);  // one per event, legacy_viewed's (no owner) included
}

TEST_CASE("findings come rule by rule, in the pack's order, whichever rule has the most") {
  // Each rule's findings grow apart and are gathered after (evaluate_packs): in the pack's order,
  // whichever rule ran first or found the most.
  static auto model = make_model();
  const std::string text =
      "pack p\n"
      "rule p.a {\n  note \"a\"\n}\n"
      "rule p.b {\n  for e in head.events\n  note \"b {e.name}\"\n}\n"
      "rule p.c {\n  note \"c\"\n}\n";
  Run run = run_text(text, *model, nullptr, nullptr, {});
  REQUIRE(run.errors.empty());
  const Diagnostics& found = run.result.findings;
  REQUIRE(found.size() >= 4);  // the test model has more than one event
  CHECK(found.front().rule == "p.a");
  CHECK(found.back().rule == "p.c");
  for (size_t i = 1; i + 1 < found.size(); ++i)
    CHECK(found[i].rule == "p.b");

  // The largest first, and last.
  Run first = run_text(
      "pack p\nrule p.b {\n  for e in head.events\n  note \"b\"\n}\nrule p.c {\n  note \"c\"\n}\n",
      *model, nullptr, nullptr, {});
  REQUIRE(first.result.findings.size() >= 3);
  CHECK(first.result.findings.front().rule == "p.b");
  CHECK(first.result.findings.back().rule == "p.c");
  Run last = run_text(
      "pack p\nrule p.a {\n  note \"a\"\n}\nrule p.b {\n  for e in head.events\n  note \"b\"\n}\n",
      *model, nullptr, nullptr, {});
  REQUIRE(last.result.findings.size() >= 3);
  CHECK(last.result.findings.front().rule == "p.a");
  CHECK(last.result.findings.back().rule == "p.b");
}
