// The scorecard: each item's grade follows the evidence, and says where it was found.

#include "kpi/scorecard.h"

#include <doctest/doctest.h>

#include "../model/model_helpers.h"

using namespace steward;
using namespace steward::kpi;
using model::testing::build;

namespace {

const ScorecardItem& item(const std::vector<ScorecardItem>& items, std::string_view id) {
  for (const auto& i : items) {
    if (i.id == id) return i;
  }
  FAIL("no item " << id);
  return items.front();
}

config::StewardConfig packs(std::vector<std::string> names) {
  config::StewardConfig config;
  config.found = true;
  config.packs = std::move(names);
  return config;
}

}  // namespace

TEST_CASE("an empty repository is No everywhere, and says what was looked for") {
  auto built = build({});
  RepositoryFiles files;
  auto items = score(files, built.model, config::StewardConfig{});
  CHECK(items.size() == 16);
  for (const auto& i : items) {
    INFO(i.id);
    CHECK(!i.evidence.empty());
    if (i.grade != Grade::yes) CHECK(!i.to_yes.empty());
  }
  CHECK(item(items, "c1.event-schemas").grade == Grade::no);
  CHECK(item(items, "c1.event-schemas").evidence[0].found.starts_with("nothing found"));
  CHECK(item(items, "ai.scoped-permissions").grade == Grade::no);
}

TEST_CASE("CI lines are evidence with their line; comments are not") {
  auto built = build({{"e.yaml", "kind: event\nname: e\nproperties:\n  a: {type: string}\n"}});
  RepositoryFiles files;
  files.paths = {".github/workflows/ci.yml", "CODEOWNERS"};
  files.texts[".github/workflows/ci.yml"] =
      "on:\n  pull_request:\n# steward check is run below\njobs:\n  x:\n"
      "    steps:\n      - run: steward check --format github\n";
  files.texts["CODEOWNERS"] = "* @acme/data\n";
  auto items = score(files, built.model, packs({"stdlib:compat", "stdlib:governance"}));
  const auto& policy = item(items, "c1.policy-as-code");
  CHECK(policy.grade == Grade::yes);
  bool found = false;
  for (const auto& e : policy.evidence) {
    if (e.path == ".github/workflows/ci.yml") {
      CHECK(e.line == 7);
      CHECK(e.found == "- run: steward check --format github");
      found = true;
    }
  }
  CHECK(found);
  CHECK(item(items, "c1.promotion-as-pull-requests").grade == Grade::yes);
  CHECK(item(items, "c1.immutable-by-default").grade == Grade::yes);
  CHECK(item(items, "c1.event-schemas").grade == Grade::yes);
  // Owner workflow: CODEOWNERS and governance, but the event has no owner and no team exists.
  CHECK(item(items, "c1.owner-workflow").grade == Grade::partial);
}

TEST_CASE("runbooks: scripts are Yes, documents alone Partial") {
  auto built = build({});
  RepositoryFiles files;
  files.paths = {"runbooks/replay.md"};
  CHECK(item(score(files, built.model, {}), "c1.scripted-runbooks").grade == Grade::partial);
  files.paths.push_back("scripts/backfill_orders.py");
  CHECK(item(score(files, built.model, {}), "c1.scripted-runbooks").grade == Grade::yes);
}

TEST_CASE("reports escape evidence from the repository") {
  auto built = build({});
  RepositoryFiles files;
  files.paths = {".gitlab-ci.yml"};
  files.texts[".gitlab-ci.yml"] = "check: {script: [\"steward check <img src=x>\x1b[2J\"]}\n";
  auto items = score(files, built.model, {});
  std::string markdown = scorecard_markdown(items);
  // Markdown-escaped (`\<img`), never raw HTML.
  CHECK(markdown.find("\\<img src=x\\>") != std::string::npos);
  CHECK(markdown.find(" <img") == std::string::npos);
  CHECK(markdown.find('\x1b') == std::string::npos);
  auto json = scorecard_json(items);
  CHECK(json["items"].size() == 16);
  CHECK(json["summary"]["yes"].get<int>() + json["summary"]["partial"].get<int>() +
            json["summary"]["no"].get<int>() ==
        16);
}
