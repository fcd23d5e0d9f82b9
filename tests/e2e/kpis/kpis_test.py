#!/usr/bin/env python3
"""Issue 16's key figures end to end, on git repositories built from fixtures/shop at test time:
policy coverage and its history, the coverage rules, the scorecard, drift against a live export,
and what reaches production without staging.

    python3 kpis_test.py --steward STEWARD_BINARY --source SOURCE_DIR [--keep] [--only SCENARIO]
Prints one line per check and exits 0 when every check passed.
"""
import json
import os
import sys

# The shared helpers are one folder up, in tests/e2e.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from e2e_support import git, run_scenarios  # noqa: E402

# The shop's figure, counted by hand in tests/unit/kpi/coverage_test.cpp: 178 production
# properties, all with PII and consent metadata.
SHOP_TOTAL = 178


def add_unclassified(repo):
    """One new property without `pii:` in checkout_started (tracking-plan/commerce/checkout.yaml)."""
    text = repo.read("tracking-plan/commerce/checkout.yaml")
    start = text.index("name: checkout_started")
    head, tail = text[:start], text[start:]
    index = tail.index("properties:\n") + len("properties:\n")
    repo.write("tracking-plan/commerce/checkout.yaml",
               head + tail[:index] + "  gift_note: {type: string}\n" + tail[index:])


def rules_of(result):
    return [f["rule"] for f in result.findings()]


def scenario_coverage_and_history(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = ctx.shop_repo("coverage")
    first = steward("coverage", "--format", "json", cwd=repo.path)
    c.code(first, 0, "coverage of the shop")
    report = first.json()
    c.equal(report.get("coverage"), {"covered": SHOP_TOTAL, "total": SHOP_TOTAL, "percent": 100.0},
            "the shop's figure is the count by hand")
    c.equal(sorted(d["name"] for d in report.get("by_domain", [])),
            ["account", "catalog", "commerce", "marketing", "support"], "broken down by domain")
    c.true(any(d["name"] == "google_ads" for d in report.get("by_destination", [])),
           "broken down by destination", report.get("by_destination"))

    add_unclassified(repo)
    repo.commit("an unclassified property")
    text = steward("coverage", cwd=repo.path)
    c.code(text, 0, "coverage with an unclassified property (no minimum set)")
    c.true(text.out.startswith(f"policy coverage: 99.4% ({SHOP_TOTAL} of {SHOP_TOTAL + 1} "),
           "the text report's headline", text.out)
    c.true("checkout_started.gift_note: no `pii:`" in text.out and
           "at tracking-plan/commerce/checkout.yaml:" in text.out,
           "the property without metadata is listed with its place", text.out)

    history = steward("coverage", "--history", "5", "--format", "json", cwd=repo.path)
    c.code(history, 0, "coverage --history")
    points = history.json().get("history", [])
    c.equal([(p["covered"], p["total"]) for p in points],
            [(SHOP_TOTAL, SHOP_TOTAL + 1), (SHOP_TOTAL, SHOP_TOTAL)],
            "one point per commit of main, newest first")
    c.true("has 2 commit(s) to measure, not 5" in history.err, "fewer commits are said", history.err)
    markdown = steward("coverage", "--history", "2", "--format", "markdown", cwd=repo.path)
    c.true("### History" in markdown.out and "| 99.4% |" in markdown.out,
           "the Markdown history table", markdown.out)
    mixed = steward("coverage", "--history", "2", "--rev", "HEAD", cwd=repo.path)
    c.code(mixed, 2, "--history with --rev")

    # A shallow clone holds one commit: it is measured, and the note says how to fetch more.
    shallow = os.path.join(ctx.root, "coverage-shallow")
    git(ctx.root, "clone", "-q", "--depth", "1", "file://" + repo.path, shallow)
    cut = steward("coverage", "--history", "5", "--format", "json", cwd=shallow)
    c.code(cut, 0, "coverage --history in a shallow clone")
    c.equal(len(cut.json().get("history", [])), 1, "the commit the shallow clone has is measured")
    c.true("shallow clone" in cut.err and "fetch" in cut.err, "and the note says how to fetch more",
           cut.err)


def scenario_coverage_rules(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = ctx.shop_repo("rules")
    repo.branch("change")
    add_unclassified(repo)
    repo.commit("an unclassified property")
    check = steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.code(check, 1, "a change that lowers coverage fails")
    lowered = [f for f in check.findings() if f["rule"] == "governance.coverage-lowered"]
    c.equal(len(lowered), 1, "governance.coverage-lowered reports once", check.out)
    if lowered:
        c.true("falls from 100.0% (178 of 178) to 99.4% (178 of 179)" in lowered[0]["message"]
               and lowered[0]["file"] == "tracking-plan/commerce/checkout.yaml",
               "at the property, with both figures", lowered[0])

    repo.write("steward.yaml", repo.read("steward.yaml") + "coverage: {minimum: 99.5%}\n")
    under = steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.true("governance.coverage-minimum" in rules_of(under), "under the minimum fails the check",
           under.out)
    figure = steward("coverage", cwd=repo.path)
    c.code(figure, 1, "steward coverage under the minimum")
    c.true("under the minimum of 99.5%" in figure.err, "and says why", figure.err)

    repo.write("steward.yaml", repo.read("steward.yaml").replace("99.5%", "lots"))
    bad = steward("coverage", cwd=repo.path)
    c.code(bad, 2, "a minimum that is not a percentage")
    c.true("steward.yaml:" in bad.err and "is not a percentage" in bad.err,
           "names the place in steward.yaml", bad.err)


def scenario_scorecard(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = ctx.shop_repo("scorecard")
    result = steward("scorecard", "--format", "json", cwd=repo.path)
    c.code(result, 0, "scorecard of the shop")
    items = result.json().get("items", [])
    c.equal(len(items), 16, "ten C1 items and six controls before AI assistance")
    for item in items:
        located = [e for e in item["evidence"] if e["path"] and not e["found"].startswith("nothing")]
        c.true(located, f"{item['id']}: evidence with a path", item)
    c.equal([i["id"] for i in items if i["grade"] != "Yes"], [], "the shop is Yes on every item",
            json.dumps(items, indent=1))
    markdown = steward("scorecard", cwd=repo.path)
    c.true("## Scorecard: 16 Yes, 0 Partial, 0 No" in markdown.out, "the Markdown headline",
           markdown.out)

    bare = ctx.copy_of_shop("bare-scorecard")
    for path in (".github/workflows/steward.yml", ".github/workflows/backfill.yml", "CODEOWNERS",
                 "AGENTS.md", "runbooks/backfill.sh", "runbooks/replay.sh",
                 "runbooks/export-live.sh", "runbooks/rollback.md"):
        os.remove(bare.file(path))
    # A workflow linked to a file outside the repository is neither followed nor read.
    os.symlink("/etc/passwd", bare.file(".github/workflows/outside.yml"))
    bare.commit("no CI")
    poor = steward("scorecard", "--format", "json", cwd=bare.path)
    c.code(poor, 0, "scorecard without CI files")
    grades = {i["id"]: i["grade"] for i in poor.json().get("items", [])}
    c.equal(grades.get("c1.promotion-as-pull-requests"), "No", "no CI: promotion is No")
    c.equal(grades.get("c1.event-schemas"), "Yes", "the data files still count")
    c.true("root:" not in poor.out and "outside.yml" not in poor.out,
           "a linked file outside the repository is not read", poor.out)
    c.true(all(i["to_yes"] for i in poor.json()["items"] if i["grade"] != "Yes"),
           "every item short of Yes says what would make it Yes")

    # An evidence file over the 1 MiB limit is exit 2 naming the limit, not read in part.
    bare.write(".github/workflows/huge.yml", "# filler\n" * 150000)
    huge = steward("scorecard", cwd=bare.path)
    c.code(huge, 2, "a CI file over 1 MiB")
    c.true("larger than 1 MiB" in huge.err and "huge.yml" in huge.err, "names the file and the limit",
           huge.err)


def scenario_drift(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = ctx.shop_repo("drift")
    model = steward("model", cwd=repo.path)
    live_path = os.path.join(ctx.root, "live.json")
    with open(live_path, "w", encoding="utf-8") as f:
        f.write(model.out)
    same = steward("drift", "--live", live_path, cwd=repo.path)
    c.code(same, 0, "no drift against the shop's own model")

    live = json.loads(model.out)
    live["destinations"] = [d for d in live["destinations"] if d["name"] != "zendesk"]
    live["events"].append({"name": "hand_made", "properties": []})
    for event in live["events"]:
        if event["name"] == "signed_up":
            for p in event["properties"]:
                if p["path"] == "first_name":
                    p["pii"] = "none"
    with open(live_path, "w", encoding="utf-8") as f:
        json.dump(live, f)
    drift = steward("drift", "--live", live_path, "--format", "json", cwd=repo.path)
    c.code(drift, 1, "drift is exit 1")
    items = {(d["change"], d["entity"], d["name"]): d for d in drift.json().get("drift", [])}
    c.true(("git_only", "destination", "zendesk") in items, "in git, not live", items.keys())
    c.true(("live_only", "event", "hand_made") in items, "live, not in git", items.keys())
    changed = items.get(("different", "property", "signed_up.first_name"))
    c.equal(changed and changed["fields"], [{"field": "pii", "git": '"user.name"', "live": '"none"'}],
            "a different field, with both values")
    c.true(changed and changed["file"] == "tracking-plan/account/account.yaml",
           "where git declares it", changed)
    text = steward("drift", "--live", live_path, cwd=repo.path)
    c.true("- destination zendesk: in git, not live" in text.out, "the text report", text.out)

    folder = steward("drift", "--live", os.path.join(ctx.source, "fixtures", "formats",
                                                     "rudder-cli"), cwd=repo.path)
    c.code(folder, 1, "a rudder-cli export folder is read and compared")
    c.true("not compared" in folder.out, "collections it lacks are said to be not compared",
           folder.out)
    with open(live_path, "w", encoding="utf-8") as f:
        f.write("{not json")
    c.code(steward("drift", "--live", live_path, cwd=repo.path), 2, "an export that is not JSON")
    c.code(steward("drift", "--live", live_path + ".missing", cwd=repo.path), 2,
           "an export that does not exist")


def scenario_environments(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = ctx.shop_repo("environments")
    repo.branch("change")
    repo.write("destinations/tiktok.yaml",
               "kind: destination\nname: tiktok\ndescription: Ads.\nenvironments: [production]\n"
               "consent: [advertising]\nallow_pii: [user.contact.email.hashed]\n"
               "events: [order_completed]\nexclude_properties:\n"
               "  order_completed: [shipping_address]\ntransformations: [hash_email]\n"
               "---\nkind: slo\ndestination: tiktok\ndelivery_error_rate: 1%\n"
               "schema_violation_rate: 0.5%\nlatency_p95: 1h\n")
    repo.commit("tiktok straight to production")
    diff = steward("diff", "--base", "main", cwd=repo.path)
    c.code(diff, 0, "diff")
    c.true("\nenvironments\n  ~ tiktok: connected in production, but staging never had it" in diff.out,
           "the environments section of steward diff", diff.out)
    c.true("tiktok runs hash_email" in diff.out, "the transformation no staging destination runs",
           diff.out)
    check = steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    rules = rules_of(check)
    c.true("governance.production-without-staging" in rules and
           "governance.transformation-without-staging" in rules, "both rules report it", check.out)


if __name__ == "__main__":
    sys.exit(run_scenarios(__doc__, [scenario_coverage_and_history, scenario_coverage_rules,
                                     scenario_scorecard, scenario_drift, scenario_environments],
                           "steward-kpis-"))
