#include <doctest/doctest.h>

#include <algorithm>

#include "policy/limits.h"
#include "test_model.h"

using namespace steward;
using namespace steward::policy;
using namespace steward::policy::testing;

namespace {

// The checker's errors for a rule body (clauses and outcome lines), as "L:C: rule: message".
// The body starts on line 4, or 4 + the number of function lines.
std::string errors_in(const std::string& body, const std::string& functions = "") {
  std::string text = "pack p\n# rule below\n" + functions + "rule p.r {\n" + body + "\n}\n";
  return describe(check_text(text).diagnostics);
}

}  // namespace

TEST_CASE("a correct pack checks") {
  auto checked = check_text(R"(pack pii
func personal(p: property) = p.pii != none
rule pii.destination-allowlist {
  severity error
  for route in head.routes
  for prop in route.delivered_properties
  where prop.pii != none and not route.destination.allows(prop.pii)
  deny at prop "{prop.path} ({prop.pii}) reaches {route.destination.name}"
}
rule pii.review {
  when not empty(changes.identities) or changes.identity_changed
  require review by team-security "identity rules changed"
}
rule pii.functions {
  for e in head.events
  where some p in e.all_properties: personal(p) and p.name matches '^[a-z_]+$'
  let n = count(e.properties)
  where n > 2 and e.status in ["active", "draft"] and e.name glob "checkout_*"
  warn at e "{e.name} has {n} properties"
}
)");
  CHECK(describe(checked.diagnostics) == "");
  REQUIRE(checked.ok());
  CHECK(checked.pack->rules().size() == 3);
  // Literal names are kept for check_names.
  REQUIRE(checked.pack->name_uses().size() == 1);
  CHECK(checked.pack->name_uses()[0].name == "team-security");
}

TEST_CASE("unknown roots and variables, with did-you-mean") {
  CHECK(errors_in("  for e in haed.events\n  deny \"x\"") ==
        "4:12: policy.unknown-name: unknown name `haed`; a path starts at a variable or at "
        "`head`, `base`, `changes` or `env` [did you mean `head`?]\n");
  CHECK(errors_in("  for event in head.events\n  where evnt.name == \"x\"\n  deny \"x\"")
            .find("5:9: policy.unknown-name: unknown name `evnt`") == 0);
  CHECK(errors_in("  for event in head.events\n  where evnt.name == \"x\"\n  deny \"x\"")
            .find("[did you mean `event`?]") != std::string::npos);
}

TEST_CASE("unknown fields and methods") {
  CHECK(errors_in("  for e in head.events\n  where e.nmae == \"x\"\n  deny \"x\"") ==
        "5:11: policy.unknown-field: event has no field `nmae` [did you mean `name`?]\n");
  CHECK(errors_in("  for d in head.destinations\n  where d.allows\n  deny \"x\"") ==
        "5:11: policy.unknown-field: `allows` is a method of destination; call it: "
        "`allows(...)`\n");
  CHECK(errors_in("  for d in head.destinations\n  where d.allow(\"user\")\n  deny \"x\"")
            .find("5:11: policy.unknown-method: destination has no method `allow` [did you mean "
                  "`allows`?]") == 0);
  CHECK(errors_in("  where head.events.name == \"x\"\n  deny \"x\"")
            .find("4:21: policy.unknown-field: a list<event> has no field `name`; go through it") ==
        0);
  CHECK(errors_in("  where head.events.size > 1\n  deny \"x\"").find("use `count(...)`") !=
        std::string::npos);
  CHECK(errors_in("  for e in head.events\n  where e.name.x == \"x\"\n  deny \"x\"") ==
        "5:16: policy.unknown-field: a string has no field `x`\n");
  CHECK(
      errors_in("  for e in head.events\n  where e.name(1)\n  deny \"x\"") ==
      "5:11: policy.unknown-method: `name` is a field of event, not a method; drop the `(...)`\n");
}

TEST_CASE("unknown functions and wrong arguments") {
  CHECK(errors_in("  when cuont(head.events) > 1\n  deny \"x\"") ==
        "4:8: policy.unknown-function: unknown function `cuont` [did you mean `count`?]\n");
  CHECK(errors_in("  when count(head.events, 1) > 1\n  deny \"x\"") ==
        "4:8: policy.arguments: `count` does not take (list<event>, number); it takes "
        "`count(list<any>)`\n");
  CHECK(errors_in("  for d in head.destinations\n  where d.allows()\n  deny \"x\"") ==
        "5:9: policy.arguments: destination.allows takes 1 argument, but 0 are given\n");
  CHECK(errors_in("  for d in head.destinations\n  where d.allows(3)\n  deny \"x\"") ==
        "5:18: policy.type: destination.allows wants a category here, but this is a number\n");
  CHECK(errors_in("  for e in head.events\n  where f(e)\n  deny \"x\"",
                  "func f(p: property) = p.required\n") ==
        "6:11: policy.type: `f` wants a property here, but this is an event\n");
  CHECK(errors_in("  where lower(\"A\") == \"a\"\n  deny \"x\"", "func lower(s: string) = s\n")
            .find("3:6: policy.duplicate-name: function `lower` has the name of a built-in") == 0);
}

TEST_CASE("type errors") {
  CHECK(errors_in("  for e in head.events\n  where e.name\n  deny \"x\"") ==
        "5:9: policy.type: `where` needs a condition (true or false), but this is a string\n");
  CHECK(errors_in("  for e in head.events\n  where e.name == 3\n  deny \"x\"") ==
        "5:9: policy.type: cannot compare a string with a number using `==`\n");
  CHECK(errors_in("  for e in head.events\n  where e.properties > 3\n  deny \"x\"")
            .find("orders numbers or strings") != std::string::npos);
  CHECK(errors_in("  for e in head.events\n  where 3 in e.name\n  deny \"x\"") ==
        "5:9: policy.type: cannot look for a number in a string\n");
  CHECK(errors_in("  for e in head.events\n  where e.name in 3\n  deny \"x\"") ==
        "5:19: policy.type: `in` needs a list (or a string) on its right, but this is a number\n");
  CHECK(errors_in("  for e in head.events\n  for x in e.name\n  deny \"x\"") ==
        "5:12: policy.type: `for` needs a list to go through, but this is a string\n");
  CHECK(errors_in("  for e in head.events\n  deny at count(e.properties) \"x\"")
            .find("5:11: policy.type: `at` needs a model entity") == 0);
  CHECK(errors_in("  for p in head.properties\n  where p.required matches 'x'\n  deny \"x\"") ==
        "5:9: policy.type: `matches` tests a string, but this is a bool\n");
  CHECK(errors_in("  for p in head.properties\n  where p.name matches '(x'\n  deny \"x\"")
            .find("5:24: policy.regex: invalid regular expression") == 0);
  CHECK(errors_in("  for p in head.properties\n  where p.required within \"user\"\n  deny \"x\"") ==
        "5:9: policy.type: `within` tests a PII category, but this is a bool\n");
  CHECK(errors_in("  require review by 3 \"x\"") ==
        "4:21: policy.type: `require review by` needs a team, but this is a number\n");
}

TEST_CASE("duplicate variables and recursion") {
  CHECK(errors_in("  for e in head.events\n  for e in head.events\n  deny \"x\"") ==
        "5:7: policy.duplicate-name: `e` is already defined at 4:7; pick another name\n");
  CHECK(errors_in("  let head = 1\n  deny \"x\"") ==
        "4:7: policy.duplicate-name: `head` is a root of the language and cannot be redefined\n");
  CHECK(errors_in("  where f(1)\n  deny \"x\"",
                  "func f(n: number) = g(n)\nfunc g(n: number) = f(n)\n")
            .find("policy.recursion: function `f` calls itself") != std::string::npos);
}

namespace {

// Functions f0 -> f1 -> ... -> f<n-1>, the last one a leaf: a call chain `n` functions deep.
std::string function_chain(int n) {
  std::string out;
  for (int i = 0; i + 1 < n; ++i)
    out += "func f" + std::to_string(i) + "(x: string) = f" + std::to_string(i + 1) + "(x)\n";
  out += "func f" + std::to_string(n - 1) + "(x: string) = x == \"zzz\"\n";
  return out;
}

}  // namespace

TEST_CASE("function calls have a depth limit, reported once, whatever the order of checking") {
  const std::string body = "  for e in head.events\n  where f0(e.name)\n  deny at e \"x\"";
  CHECK(errors_in(body, function_chain(kMaxFunctionCallDepth)) == "");
  std::string over = errors_in(body, function_chain(kMaxFunctionCallDepth + 1));
  CHECK(over.find("policy.call-depth: functions call one another more than 16 deep here "
                  "(limit: function call depth)") != std::string::npos);
  CHECK(std::count(over.begin(), over.end(), '\n') == 1);
  // Thousands of functions (a generated or hostile pack) end in the same single error, not in a
  // stack overflow of the checker.
  std::string chain = errors_in(body, function_chain(10000));
  CHECK(chain.find("policy.call-depth") != std::string::npos);
  CHECK(std::count(chain.begin(), chain.end(), '\n') == 1);
  // Functions are checked in name order: here the chain's lower half (a0..a9) is checked first,
  // so no check nests deeper than 10, yet m0 -> ... -> m9 -> a0 -> ... -> a9 is 20 deep.
  std::string halves;
  for (int i = 0; i < 10; ++i) {
    std::string m = i + 1 < 10 ? std::string("m") + std::to_string(i + 1) : "a0";
    std::string a = i + 1 < 10 ? std::string("a") + std::to_string(i + 1) + "(x)" : "x == \"z\"";
    halves += "func m" + std::to_string(i) + "(x: string) = " + m + "(x)\n";
    halves += "func a" + std::to_string(i) + "(x: string) = " + a + "\n";
  }
  CHECK(errors_in("  where m0(\"x\")\n  deny \"x\"", halves).find("policy.call-depth") !=
        std::string::npos);
}

TEST_CASE("types written in functions") {
  CHECK(errors_in("  deny \"x\"", "func f(p: proprety) = true\n") ==
        "3:11: policy.unknown-type: unknown type `proprety` [did you mean `property`?]\n");
  CHECK(errors_in("  deny \"x\"", "func f(p: list<event>, c: category, t: team) = true\n") == "");
}

TEST_CASE("check_names validates teams, categories and purposes against the model") {
  auto model = make_model();
  auto checked = check_text(R"(pack p
rule p.r {
  for p in head.properties
  where p.pii within "user.contcat" or p.pii == "user.contact.email"
  where "marketting" in p.consent or p.event.owner == "team-dta"
  require review by team-secruity "x"
}
)");
  REQUIRE(checked.ok());
  CHECK(describe(check_names(*checked.pack, *model)) ==
        "4:22: policy.unknown-category: unknown PII category `user.contcat` (not in the taxonomy) "
        "[did you mean `user.contact`?]\n"
        "5:9: policy.unknown-purpose: unknown consent purpose `marketting` (not in the taxonomy) "
        "[did you mean `marketing`?]\n"
        "5:55: policy.unknown-team: unknown team `team-dta`; teams are defined by `kind: team` "
        "files [did you mean `team-data`?]\n"
        "6:21: policy.unknown-team: unknown team `team-secruity`; teams are defined by `kind: "
        "team` files [did you mean `team-security`?]\n");
}
