// Base's side of the gate computes only what it needs (fingerprints, on a thread of its own):
// over real repositories (the shop, the demo pull request, the broken variants, each as head and
// as base of another, with waivers, severity overrides and inline suppressions), run_gate gives
// exactly the findings, fingerprints and is_new marks of the full pipeline run in order, and base,
// which runs only the rules head's findings need, keeps each of their fingerprints that the full
// findings stage gives it.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "findings/pipeline.h"
#include "gate/gate.h"
#include "git/worktree_reader.h"
#include "policy/evaluator.h"
#include "policy/stdlib_packs.h"
#include "rules/builtins.h"

namespace fs = std::filesystem;
using namespace steward;
using namespace steward::gate;
using Strings = std::vector<std::string>;

namespace {

const fs::path kFixtures = fs::path(STEWARD_SOURCE_DIR) / "fixtures";
const char* const kToday = "2026-06-01";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The shop's data files (as its steward.yaml selects them), or any fixture folder whole.
git::Snapshot read_fixture(const std::string& name) {
  const fs::path root = kFixtures / name;
  git::PathFilter filter;
  if (fs::exists(root / "steward.yaml")) {
    auto config =
        config::parse_steward_config(make_source("steward.yaml", read_text(root / "steward.yaml")));
    filter = git::PathFilter(config.paths, config.exclude);
  }
  return git::read_worktree(root, filter);
}

// `base` with the files of `overlay` added or replacing those at the same path.
git::Snapshot overlaid(git::Snapshot base, const git::Snapshot& overlay) {
  for (const auto& file : overlay.files) {
    auto same = std::find_if(base.files.begin(), base.files.end(),
                             [&](const auto& f) { return f.path == file.path; });
    if (same != base.files.end()) {
      *same = file;
    } else {
      base.files.push_back(file);
    }
  }
  std::sort(base.files.begin(), base.files.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  return base;
}

// `snapshot` with `text` appended to the line of `path` that contains `needle`.
git::Snapshot with_comment(git::Snapshot snapshot, const std::string& path,
                           const std::string& needle, const std::string& text) {
  for (auto& file : snapshot.files) {
    if (file.path != path) continue;
    size_t at = file.content.find(needle);
    REQUIRE(at != std::string::npos);
    file.content.insert(file.content.find('\n', at), text);
    file.blob_id = git::blob_id_of(file.content);
  }
  return snapshot;
}

std::vector<std::shared_ptr<const policy::CheckedPack>> stdlib_packs() {
  std::vector<std::shared_ptr<const policy::CheckedPack>> packs;
  // The default packs (a steward.yaml that lists none).
  for (const char* name : {"compat", "pii", "consent", "identity", "governance"}) {
    auto loaded =
        policy::load_pack(std::string("stdlib:") + name, *policy::stdlib_pack_sources(name));
    REQUIRE(loaded.ok());
    auto checked = policy::check_pack(loaded.pack, rules::builtin_functions());
    REQUIRE(checked.pack);
    packs.push_back(checked.pack);
  }
  return packs;
}

// Waivers, overrides and `off`, so that the stages before fingerprints change what base keeps.
config::StewardConfig busy_config() {
  config::StewardConfig config;
  config.severity["governance.owner-required"] = config::SeverityOverride{Severity::error, {}};
  config.severity["governance.slo-required"] = config::SeverityOverride{std::nullopt, {}};
  config::Waiver waiver;
  waiver.rule = "pii.unclassified-property";
  waiver.target = "checkout_started";
  waiver.reason = "being classified";
  waiver.span = Span{make_source("steward.yaml", "waivers:\n"), 1, 1, 1, 7};
  config.waivers = {waiver};
  return config;
}

class SavingStore : public BaseFingerprintStore {
 public:
  std::optional<Strings> load(const RuleIds&) override { return std::nullopt; }
  void save(const RuleIds& rules, const Strings& fingerprints) override {
    saved_rules = rules;
    saved = fingerprints;
  }
  bool kept() override { return false; }
  RuleIds saved_rules;
  std::optional<Strings> saved;
};

findings::ProcessOptions reference_options(const GateInput& input) {
  findings::ProcessOptions process;
  process.config = input.config;
  process.today = input.env.today;
  process.known_rules = input.known_rules;
  return process;
}

// What the gate computed before base's side was reduced: base evaluated and run through the
// whole findings stage, then head, one after the other.
struct Reference {
  Strings base_fingerprints;
  Strings base_rules;  // of each of base_fingerprints
  findings::Findings head_findings;
};

Reference run_in_order(const GateInput& input) {
  Reference reference;
  const model::LoadedModel& base = *input.base;
  auto at_base = policy::evaluate(input.packs, {&base.model, nullptr, nullptr, input.env});
  REQUIRE(at_base.ok());
  Diagnostics diagnostics = base.diagnostics;
  diagnostics.insert(diagnostics.end(), at_base.findings.begin(), at_base.findings.end());
  findings::ProcessOptions process = reference_options(input);
  process.files = files_of(base);
  for (const auto& f :
       findings::process_findings(findings::make_findings(std::move(diagnostics)), process)) {
    reference.base_fingerprints.push_back(f.fingerprint);
    reference.base_rules.push_back(f.diagnostic.rule);
  }

  const model::LoadedModel& head = *input.head;
  auto changes = diff::compute_changes(base.model, head.model);
  auto at_head = policy::evaluate(input.packs, {&head.model, &base.model, &changes, input.env});
  REQUIRE(at_head.ok());
  diagnostics = head.diagnostics;
  diagnostics.insert(diagnostics.end(), at_head.findings.begin(), at_head.findings.end());
  process = reference_options(input);
  process.files = files_of(head);
  process.head_model = &head.model;
  process.base_fingerprints = reference.base_fingerprints;
  process.new_only = input.new_only;
  reference.head_findings =
      findings::process_findings(findings::make_findings(std::move(diagnostics)), process);
  return reference;
}

Strings sorted(Strings list) {
  std::sort(list.begin(), list.end());
  return list;
}

// Everything a report reads of a finding that the gate decides.
std::string described(const findings::Finding& f) {
  const Span& span = findings::primary_span(f);
  return f.diagnostic.rule + " " + span.file() + ":" + std::to_string(span.line) + ":" +
         std::to_string(span.column) + " " + f.diagnostic.message + " [" + f.subject + "] " +
         f.fingerprint + " " + f.line_hash +
         " new=" + (f.is_new ? (*f.is_new ? "yes" : "no") : "unknown") +
         (f.suppressed() ? " suppressed" : "");
}

struct Counts {
  size_t is_new = 0;
  size_t not_new = 0;
};

// One pair: the gate against the reference, and how many of head's findings are new or not.
Counts compare(const std::string& name, git::Snapshot head_files, git::Snapshot base_files,
               const config::StewardConfig& config, bool new_only = false) {
  CAPTURE(name);
  head_files.label = "head";
  base_files.label = "base";
  std::vector<git::Snapshot> snapshots;
  snapshots.push_back(std::move(head_files));
  snapshots.push_back(std::move(base_files));
  // Loaded together, as `steward check` does: a file with the same blob id is one source.
  auto loaded = model::load_snapshots(std::move(snapshots));
  REQUIRE(loaded.size() == 2);
  SavingStore store;
  policy::Env env;
  env.today = kToday;
  GateInput input{&loaded[0], &loaded[1], &config, stdlib_packs(), env, {}, new_only, &store};
  GateResult result = run_gate(input);
  REQUIRE(result.ok());
  Reference reference = run_in_order(input);

  // Base ran only some rules: it kept every fingerprint of theirs, and for each of head's
  // findings it holds the fingerprint exactly when the full run of base does.
  REQUIRE(store.saved.has_value());
  const Strings saved = sorted(*store.saved);
  auto in = [](const Strings& sorted_list, const std::string& fingerprint) {
    return std::binary_search(sorted_list.begin(), sorted_list.end(), fingerprint);
  };
  for (size_t i = 0; i < reference.base_fingerprints.size(); ++i) {
    if (store.saved_rules.contains(reference.base_rules[i]))
      CHECK(in(saved, reference.base_fingerprints[i]));
  }
  const Strings full = sorted(reference.base_fingerprints);
  for (const auto& f : result.findings)
    CHECK(in(saved, f.fingerprint) == in(full, f.fingerprint));
  Strings got, want;
  Counts counts;
  for (const auto& f : result.findings) {
    got.push_back(described(f));
    (f.is_new.value_or(false) ? counts.is_new : counts.not_new)++;
  }
  for (const auto& f : reference.head_findings)
    want.push_back(described(f));
  CHECK(got == want);
  return counts;
}

}  // namespace

TEST_CASE("base's fingerprints and head's is_new marks are those of the full pipeline") {
  const git::Snapshot shop = read_fixture("shop");
  const git::Snapshot pull_request = overlaid(shop, read_fixture("pull-request"));
  config::StewardConfig plain;
  config::StewardConfig busy = busy_config();

  Counts total;
  auto add = [&](Counts c) {
    total.is_new += c.is_new;
    total.not_new += c.not_new;
  };
  add(compare("the demo pull request", pull_request, shop, plain));
  add(compare("the demo pull request reverted", shop, pull_request, plain));
  add(compare("the demo pull request, busy steward.yaml", pull_request, shop, busy));
  add(compare("the demo pull request, --new-only", pull_request, shop, busy, true));
  add(compare("nothing changed", shop, shop, busy));

  // An inline suppression at base that head drops, and one head adds: the suppressed finding is
  // in base's fingerprints either way, and unused suppressions are findings of their own.
  const std::string checkout = "tracking-plan/commerce/checkout.yaml";
  git::Snapshot suppressed_base =
      with_comment(shop, checkout, "name: checkout_started",
                   "  # steward:ignore governance.event-naming -- legacy name");
  git::Snapshot suppressed_head =
      with_comment(pull_request, checkout, "gift_message",
                   "  # steward:ignore pii.unclassified-property -- tbd");
  add(compare("inline suppressions", suppressed_head, suppressed_base, busy));
  add(compare("inline suppressions reverted", suppressed_base, suppressed_head, busy));

  // Each broken repository against the shop, both ways: data-file findings on either side.
  const fs::path broken = kFixtures / "broken";
  size_t variants = 0;
  for (const auto& entry : fs::directory_iterator(broken)) {
    if (!entry.is_directory()) continue;
    const git::Snapshot variant = read_fixture("broken/" + entry.path().filename().string());
    add(compare(entry.path().filename().string() + " over the shop", variant, shop, plain));
    add(compare("the shop over " + entry.path().filename().string(), shop, variant, busy));
    ++variants;
  }
  CHECK(variants >= 10);
  // Not vacuous: both kinds of marks were compared.
  CHECK(total.is_new > 10);
  CHECK(total.not_new > 10);
}
