// run_gate over small in-memory revisions: what head adds is new, what base had is not, the base
// fingerprint store is read before base is evaluated, and pack errors stop the run.
#include "gate/gate.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "policy/rule_pack.h"
#include "rules/builtins.h"

using namespace steward;
using namespace steward::gate;

namespace {

model::LoadedModel load(std::vector<std::pair<std::string, std::string>> files) {
  git::Snapshot snapshot;
  snapshot.label = "test";
  for (auto& [path, content] : files)
    snapshot.files.push_back({path, "", std::move(content)});
  return model::load_snapshot(std::move(snapshot));
}

std::shared_ptr<const policy::CheckedPack> pack(const std::string& text) {
  auto loaded = policy::load_pack("gate", {policy::PackSource{"gate.policy", text}});
  REQUIRE(loaded.ok());
  auto checked = policy::check_pack(loaded.pack, rules::builtin_functions());
  REQUIRE(checked.pack);
  return checked.pack;
}

// Every event without a description is a finding.
const char* const kDescribed = R"(
rule gate.described {
  severity warning
  for e in head.events
  where e.description == none
  deny at e "{e.name} has no description"
}
)";

// kDescribed, and a removed event asks for a review.
const std::string kPack = std::string("pack gate") + kDescribed + R"(
rule gate.removed {
  for c in changes.events
  where c.removed
  require review by team-data "an event was removed"
}
)";

const char* const kTeam = "kind: team\nname: team-data\n";

// kTeam followed by `rest`, appended: GCC 12 at -O2 takes a `+` after std::string(kTeam) for an
// out-of-bounds copy (-Warray-bounds, GCC bug 105329).
std::string with_team(std::string_view rest) {
  std::string text(kTeam);
  text.append(rest);
  return text;
}

std::vector<std::string> rules_of(const findings::Findings& all, bool only_new) {
  std::vector<std::string> out;
  for (const auto& f : all) {
    if (!only_new || f.is_new.value_or(false))
      out.push_back(f.diagnostic.rule + " " + f.diagnostic.message);
  }
  return out;
}

class CountingStore : public BaseFingerprintStore {
 public:
  std::optional<std::vector<std::string>> load(const RuleIds& rules) override {
    ++loads;
    asked.push_back(rules);
    return rules == saved_rules ? saved : std::nullopt;
  }
  void save(const RuleIds& rules, const std::vector<std::string>& fingerprints) override {
    saved_rules = rules;
    saved = fingerprints;
  }
  bool kept() override { return saved.has_value(); }

  int loads = 0;
  std::vector<RuleIds> asked;
  RuleIds saved_rules;
  std::optional<std::vector<std::string>> saved;
};

}  // namespace

TEST_CASE("head alone: every finding, no changes") {
  auto head = load({{"plan.yaml", with_team("---\nkind: event\nname: a\n")}});
  config::StewardConfig config;
  GateInput input{&head, nullptr, &config, {pack(kPack)}, {}, {}, false, nullptr};
  GateResult result = run_gate(input);
  REQUIRE(result.ok());
  CHECK_FALSE(result.changes.has_value());
  CHECK(rules_of(result.findings, false) ==
        std::vector<std::string>{"gate.described a has no description"});
}

TEST_CASE("base and head: only what head adds is new; changes reach the rules") {
  auto base = load({{"plan.yaml", with_team("---\nkind: event\nname: a\n---\nkind: event\n"
                                            "name: gone\ndescription: d\n")}});
  auto head =
      load({{"plan.yaml", with_team("---\nkind: event\nname: a\n---\nkind: event\nname: b\n")}});
  config::StewardConfig config;
  CountingStore store;
  GateInput input{&head, &base, &config, {pack(kPack)}, {}, {}, false, &store};
  GateResult result = run_gate(input);
  REQUIRE(result.ok());
  REQUIRE(result.changes.has_value());
  CHECK(rules_of(result.findings, false) ==
        std::vector<std::string>{"gate.described a has no description",
                                 "gate.described b has no description"});
  CHECK(rules_of(result.findings, true) ==
        std::vector<std::string>{"gate.described b has no description"});
  REQUIRE(result.reviews.size() == 1);
  CHECK(result.reviews[0].team == "team-data");

  // Base's fingerprints were saved, of the rule head's findings have only (gate.removed asks
  // for reviews, which have no fingerprints); the next run takes them from the store (a store
  // that claims base had b's finding makes it not new). The empty store was not asked: base ran
  // alongside head's rules.
  CHECK(store.loads == 0);
  REQUIRE(store.saved.has_value());
  CHECK(store.saved->size() == 1);
  CHECK(store.saved_rules == RuleIds{"gate.described"});
  std::vector<std::string> all;
  for (const auto& f : result.findings)
    all.push_back(f.fingerprint);
  store.saved = all;
  GateResult again = run_gate(input);
  CHECK(store.loads == 1);
  CHECK(again.times.base_from_store);
  CHECK(rules_of(again.findings, true).empty());

  input.new_only = true;
  input.base_store = nullptr;
  CHECK(rules_of(run_gate(input).findings, false) ==
        std::vector<std::string>{"gate.described b has no description"});
}

// A rule whose findings are all at base: base need not run it, unless head keeps a suppression
// of it that silences nothing there.
const std::string kGonePack = std::string("pack gate") + kDescribed + R"(
rule gate.gone-undescribed {
  severity warning
  for e in head.events
  where e.name == "gone" and e.description == none
  deny at e "gone has no description"
}
)";

TEST_CASE("base runs only the rules that can mark one of head's findings as old") {
  const std::string gone = "---\nkind: event\nname: gone\n";
  auto base = load({{"plan.yaml", with_team("---\nkind: event\nname: a\n" + gone)}});
  auto head =
      load({{"plan.yaml", with_team("---\nkind: event\nname: a\n" + gone + "description: d\n")}});
  config::StewardConfig config;
  CountingStore store;
  GateInput input{&head, &base, &config, {pack(kGonePack)}, {}, {}, false, &store};
  GateResult result = run_gate(input);
  REQUIRE(result.ok());
  CHECK(rules_of(result.findings, false) ==
        std::vector<std::string>{"gate.described a has no description"});
  CHECK(rules_of(result.findings, true).empty());
  CHECK(result.times.base_rules == 1);
  CHECK(store.saved_rules == RuleIds{"gate.described"});

  // A waiver's rule runs at base too: whether the waiver matches nothing there depends on it.
  config::Waiver waiver;
  waiver.rule = "gate.gone-undescribed";
  waiver.target = "*";
  waiver.span = Span{make_source("steward.yaml", "waivers:\n"), 1, 1, 1, 7};
  config.waivers = {waiver};
  store.saved.reset();
  result = run_gate(input);
  REQUIRE(result.ok());
  CHECK(store.saved_rules == RuleIds{"gate.described", "gate.gone-undescribed"});
  CHECK(rules_of(result.findings, true) ==
        std::vector<std::string>{"waiver.unused waiver of gate.gone-undescribed for `*` matches "
                                 "no finding"});
  config.waivers.clear();

  // Head keeps a suppression that silences a finding at base and nothing at head: its unused
  // suppression is new, which only base's run of gate.gone-undescribed can tell.
  const std::string suppressed =
      "---\nkind: event\nname: gone  # steward:ignore gate.gone-undescribed -- legacy\n";
  base = load({{"plan.yaml", with_team("---\nkind: event\nname: a\n" + suppressed)}});
  head = load(
      {{"plan.yaml", with_team("---\nkind: event\nname: a\n" + suppressed + "description: d\n")}});
  store.saved.reset();
  store.asked.clear();
  result = run_gate(input);
  REQUIRE(result.ok());
  CHECK(rules_of(result.findings, true) ==
        std::vector<std::string>{"suppression.unused `# steward:ignore gate.gone-undescribed` "
                                 "silences nothing: no such finding on this line or the next"});
  CHECK(result.times.base_rules == 2);
  // The first round ran alongside head's rules (the store was empty); the second asks the store.
  REQUIRE(store.asked.size() == 1);
  CHECK(store.asked[0] == RuleIds{"gate.described", "gate.gone-undescribed"});
  CHECK(store.saved_rules == RuleIds{"gate.described", "gate.gone-undescribed"});
}

TEST_CASE("base alongside head's rules: the same findings as base evaluated after them") {
  // Three events without a description at base, two of them still so at head, and a rule that
  // only base has findings of: whether base runs alongside (an empty store, or none) or after
  // head's rules (a store that holds something), the same findings are new.
  const std::string pack_text = std::string("pack gate") + kDescribed + R"(
rule gate.named-x {
  for e in head.events
  where e.name == "x"
  deny at e "x is named x"
}
)";
  auto base = load({{"plan.yaml",
                     "kind: event\nname: a\n---\nkind: event\nname: b\n---\n"
                     "kind: event\nname: x\n"}});
  auto head = load({{"plan.yaml",
                     "kind: event\nname: a\n---\nkind: event\nname: c\n---\n"
                     "kind: event\nname: b\ndescription: d\n"}});
  config::StewardConfig config;
  GateInput input{&head, &base, &config, {pack(pack_text)}, {}, {}, false, nullptr};
  GateResult alongside = run_gate(input);
  REQUIRE(alongside.ok());
  CHECK(rules_of(alongside.findings, true) ==
        std::vector<std::string>{"gate.described c has no description"});
  CHECK(alongside.times.base_rules == 1);  // gate.named-x has no finding at head

  CountingStore store;
  store.saved_rules = {"gate.other"};
  store.saved = std::vector<std::string>{};  // kept, but of other rules: base runs after head's
  input.base_store = &store;
  GateResult after = run_gate(input);
  REQUIRE(after.ok());
  CHECK(store.loads == 1);
  CHECK_FALSE(after.times.base_from_store);
  CHECK(rules_of(after.findings, false) == rules_of(alongside.findings, false));
  CHECK(rules_of(after.findings, true) == rules_of(alongside.findings, true));
  for (size_t i = 0; i < after.findings.size() && i < alongside.findings.size(); ++i)
    CHECK(after.findings[i].fingerprint == alongside.findings[i].fingerprint);
}

TEST_CASE("a pack that cannot run on base alone stops the gate with base's errors") {
  // Head defines team-data, base does not: head's rules run, base's run of the rule head found
  // something with fails, and base's errors are what the gate reports, as when base ran first.
  auto base = load({{"plan.yaml", "kind: event\nname: a\n"}});
  auto head = load({{"plan.yaml", with_team("---\nkind: event\nname: a\n")}});
  config::StewardConfig config;
  GateInput input{&head, &base, &config, {pack(kPack)}, {}, {}, false, nullptr};
  GateResult result = run_gate(input);
  CHECK_FALSE(result.ok());
  REQUIRE_FALSE(result.pack_errors.empty());
  CHECK(result.pack_errors.front().message.find("team-data") != std::string::npos);
  CHECK(result.findings.empty());
}

TEST_CASE("a pack that cannot run on the repository stops the gate with its errors") {
  auto head = load({{"plan.yaml", "kind: event\nname: a\ndescription: d\n"}});
  config::StewardConfig config;
  // team-data is not defined here: the pack's `require review by` names no team.
  GateInput input{&head, &head, &config, {pack(kPack)}, {}, {}, false, nullptr};
  GateResult result = run_gate(input);
  CHECK_FALSE(result.ok());
  CHECK_FALSE(result.changes.has_value());
  CHECK(result.findings.empty());
}
