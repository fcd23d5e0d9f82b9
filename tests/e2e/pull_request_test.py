#!/usr/bin/env python3
"""steward as a pull-request gate, end to end: the binary run as a user and CI run it, on git
repositories built here with the git CLI, each starting from a copy of fixtures/shop.

Scenarios (each in its own repository, below one temporary folder):
  demo       the demo pull request (fixtures/pull-request) and the three issue-4 changes on their
             own: a renamed property, an unclassified property, a new destination;
  staged     `steward check --staged` as a pre-commit check, GIT_INDEX_FILE, a real hook;
  shallow    shallow clones that lack the base: exit 2 with how to fetch it, never exit 0;
  detached   a detached HEAD as CI checks it out, GITHUB_BASE_REF, `new` and --new-only;
  merges     a branch whose target moved on, before and after merging it: only the branch's changes;
  files      a file moved to another folder is no change; a deleted event file is;
  subfolder  steward.yaml in data/ of a larger repository: -C, repository-relative paths, paths and
             exclude;
  errors     exit 2 with the place and the fix: a missing --base, a bad steward.yaml at the head
             revision, --staged outside git.

Called by CTest as
    python3 pull_request_test.py --steward STEWARD_BINARY --source SOURCE_DIR [--keep]
It prints one line per check, then 'N passed, N failed', and exits 0 when every check passed.
A failed run keeps its repositories and prints where they are.
"""

import os
import shutil
import sys
import tempfile

from e2e_support import clean_env, git, run_scenarios

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKOUT = "tracking-plan/commerce/checkout.yaml"
FETCH_FIXES = ("fetch-depth: 0", "git fetch --unshallow")


def fetch_fix(c, result, what):
    """Exit 2 with a message that says how to fetch the history (and never exit 0)."""
    c.code(result, 2, what)
    missing = [fix for fix in FETCH_FIXES if fix not in result.err]
    c.true(result.err.startswith("error: ") and "\n  fix: " in result.err and not missing,
           f"{what}: the error says how to fetch the history ({', '.join(FETCH_FIXES)})",
           result.detail())


def core_findings(result):
    """(rule, file, line, column, new) of the findings of steward's own readers (syntax, schema,
    reference): the exact ones these scenarios provoke, whatever rule packs add."""
    return sorted((f["rule"], f["file"], f["line"], f["column"], f["new"])
                  for f in result.json().get("findings", [])
                  if f["rule"].split(".")[0] in ("syntax", "schema", "reference"))


# ---- 1. the demo pull request and the issue-4 changes -----------------------------------------

DEMO_DIFF = """\
9 changes to the customer-data model

properties
  + checkout_started.email_address: likely renamed from email
      at tracking-plan/commerce/checkout.yaml:18
      reaches amplitude (staging, production), braze (production), mixpanel_sandbox (staging), snowflake_warehouse (staging, production)
  + checkout_started.gift_message: unclassified (no pii:)
      at tracking-plan/commerce/checkout.yaml:19
      reaches amplitude (staging, production), braze (production), mixpanel_sandbox (staging), snowflake_warehouse (staging, production)
  - checkout_started.email: likely renamed to email_address
      was tracking-plan/commerce/checkout.yaml:18
      reaches amplitude (staging, production), braze (production), snowflake_warehouse (staging, production)

destinations
  + mixpanel_sandbox
      at destinations/mixpanel_sandbox.yaml:3

routes
  ~ checkout_started -> amplitude: now delivers email_address (user.contact.email), gift_message (unclassified)
      at destinations/amplitude.yaml:3
      was destinations/amplitude.yaml:3
  ~ checkout_started -> braze: now delivers email_address (user.contact.email), gift_message (unclassified), stops delivering email (user.contact.email)
      at destinations/braze.yaml:3
      was destinations/braze.yaml:3
  + checkout_started -> mixpanel_sandbox: in staging, 18 properties
      at destinations/mixpanel_sandbox.yaml:3
  + checkout_step_completed -> mixpanel_sandbox: in staging, 4 properties
      at destinations/mixpanel_sandbox.yaml:3
  ~ checkout_started -> snowflake_warehouse: now delivers email_address (user.contact.email), gift_message (unclassified), stops delivering email (user.contact.email)
      at destinations/snowflake_warehouse.yaml:3
      was destinations/snowflake_warehouse.yaml:3
"""

RENAME_DIFF = """\
4 changes to the customer-data model

properties
  + checkout_step_completed.step_label: likely renamed from step_name
      at tracking-plan/commerce/checkout.yaml:31
      reaches amplitude (staging, production), snowflake_warehouse (staging, production)
  - checkout_step_completed.step_name: likely renamed to step_label
      was tracking-plan/commerce/checkout.yaml:30
      reaches amplitude (staging, production), snowflake_warehouse (staging, production)

routes
  ~ checkout_step_completed -> amplitude: now delivers step_label (none), stops delivering step_name (none)
      at destinations/amplitude.yaml:3
      was destinations/amplitude.yaml:3
  ~ checkout_step_completed -> snowflake_warehouse: now delivers step_label (none), stops delivering step_name (none)
      at destinations/snowflake_warehouse.yaml:3
      was destinations/snowflake_warehouse.yaml:3
"""

UNCLASSIFIED_DIFF = """\
3 changes to the customer-data model

properties
  + payment_info_entered.installments: unclassified (no pii:)
      at tracking-plan/commerce/checkout.yaml:53
      reaches amplitude (staging, production), snowflake_warehouse (staging, production)

routes
  ~ payment_info_entered -> amplitude: now delivers installments (unclassified)
      at destinations/amplitude.yaml:3
      was destinations/amplitude.yaml:3
  ~ payment_info_entered -> snowflake_warehouse: now delivers installments (unclassified)
      at destinations/snowflake_warehouse.yaml:3
      was destinations/snowflake_warehouse.yaml:3
"""

HOTJAR = """\
# Session replay, hosted in the EU.
kind: destination
name: hotjar
category: analytics
environments: [production]
region: eu
consent: [analytics]
allow_pii: []
events: [product_viewed, cart_viewed]
"""

DESTINATION_DIFF = """\
3 changes to the customer-data model

destinations
  + hotjar
      at destinations/hotjar.yaml:3

routes
  + product_viewed -> hotjar: in production, 9 properties
      at destinations/hotjar.yaml:3
  + cart_viewed -> hotjar: in production, 13 properties
      at destinations/hotjar.yaml:3

environments
  ~ hotjar: connected in production, but staging never had it
      at destinations/hotjar.yaml:3
"""


def scenario_demo(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = ctx.shop_repo("demo")
    repo.branch("growth/checkout-gift-message")
    overlay = os.path.join(ctx.source, "fixtures", "pull-request")
    for folder in ("tracking-plan", "destinations"):
        shutil.copytree(os.path.join(overlay, folder), repo.file(folder), dirs_exist_ok=True)
    repo.commit("Checkout: gift message, email_address, Mixpanel sandbox")

    r = steward("diff", "--base", "main", cwd=repo.path)
    c.code(r, 0, "demo: steward diff --base main")
    c.equal(r.out, DEMO_DIFF, "demo: the change lines, with their `at` and `was` places")

    r = steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.code(r, 1, "demo: steward check --base main --format json")
    c.equal(core_findings(r),
            [("reference.unknown-property", "destinations/amplitude.yaml", 24, 22, True)],
            "demo: Amplitude's exclusion still names the renamed `email` (new)", r.detail())
    summary = r.json().get("summary", {})
    c.true(summary.get("failed") is True and summary.get("errors", 0) >= 1,
           "demo: the JSON summary says the check failed", r.detail())
    findings = r.json().get("findings", [])
    c.true(findings and all(f["new"] is True for f in findings),
           "demo: every finding is new (the shop on main has none)", r.detail())
    r = steward("check", "--head", "main", "--no-base", cwd=repo.path)
    c.code(r, 0, "demo: the shop on main passes its own check")

    # (a) A renamed property, with a comment line above it: head and base lines differ.
    repo.branch("rename-step-name")
    repo.replace(CHECKOUT, "  step_name:\n", "  # The label shown to the shopper.\n  step_label:\n")
    repo.commit("rename step_name")
    r = steward("diff", "--base", "main", cwd=repo.path)
    c.code(r, 0, "rename: steward diff --base main")
    c.equal(r.out, RENAME_DIFF, "rename: added at head line 31, removed at base line 30")

    # (b) An unclassified property (no pii:).
    repo.branch("installments")
    repo.replace(CHECKOUT, "  saved_for_later: {type: boolean, pii: none}\n",
                 "  saved_for_later: {type: boolean, pii: none}\n"
                 "  installments: {type: integer, minimum: 1}\n")
    repo.commit("installments")
    r = steward("diff", "--base", "main", cwd=repo.path)
    c.code(r, 0, "unclassified: steward diff --base main")
    c.equal(r.out, UNCLASSIFIED_DIFF, "unclassified: the property and the routes it now reaches")

    # (c) A new destination.
    repo.branch("hotjar")
    repo.write("destinations/hotjar.yaml", HOTJAR)
    repo.commit("hotjar")
    r = steward("diff", "--base", "main", cwd=repo.path)
    c.code(r, 0, "destination: steward diff --base main")
    c.equal(r.out, DESTINATION_DIFF, "destination: the destination and its new routes")


# ---- 2. pre-commit: the staged content --------------------------------------------------------

# A misspelt key. (Its length differs, so that git never takes the edited file for unchanged.)
TYPO = ("  step: {type: integer, required: true", "  step: {type: integer, require: true")
GIFT_WRAP = ("  is_guest: {type: boolean, required: true, pii: none}\n",
             "  is_guest: {type: boolean, required: true, pii: none}\n"
             "  gift_wrap: {type: boolean, pii: none}\n")
# The diff of GIFT_WRAP alone: the property and the routes that now deliver it.
BRANCH_DIFF = f"""\
4 changes to the customer-data model

properties
  + checkout_started.gift_wrap: pii none
      at {CHECKOUT}:17
      reaches amplitude (staging, production), braze (production), snowflake_warehouse (staging, production)

routes
  ~ checkout_started -> amplitude: now delivers gift_wrap (none)
      at destinations/amplitude.yaml:3
      was destinations/amplitude.yaml:3
  ~ checkout_started -> braze: now delivers gift_wrap (none)
      at destinations/braze.yaml:3
      was destinations/braze.yaml:3
  ~ checkout_started -> snowflake_warehouse: now delivers gift_wrap (none)
      at destinations/snowflake_warehouse.yaml:3
      was destinations/snowflake_warehouse.yaml:3
"""


def scenario_staged(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = ctx.shop_repo("staged")
    good = repo.read(CHECKOUT)
    typo_line = repo.line_of(CHECKOUT, TYPO[0])
    typo_finding = ("schema.unknown-key", CHECKOUT, typo_line, 25, True)
    typo_finding_below_gift_wrap = ("schema.unknown-key", CHECKOUT, typo_line + 1, 25, True)

    # A mistake staged, then the work tree put right without staging it: the commit would hold
    # the mistake.
    repo.replace(CHECKOUT, *TYPO)
    repo.git("add", CHECKOUT)
    repo.write(CHECKOUT, good)
    r = steward("check", "--staged", "--format", "json", cwd=repo.path)
    c.code(r, 1, "a bad staged change, a good work tree: check --staged")
    c.equal(core_findings(r), [typo_finding], "the finding is on the staged line", r.detail())
    r = steward("check", "--format", "json", cwd=repo.path)
    c.code(r, 0, "a bad staged change, a good work tree: check (the work tree)")

    # A good change staged, a mistake left unstaged: the commit is good.
    repo.git("reset", "-q", "--hard")
    repo.replace(CHECKOUT, *GIFT_WRAP)
    repo.git("add", CHECKOUT)
    staged = repo.read(CHECKOUT)
    repo.replace(CHECKOUT, *TYPO)
    r = steward("check", "--staged", "--format", "json", cwd=repo.path)
    c.code(r, 0, "a good staged change, a bad unstaged edit: check --staged")
    c.equal(core_findings(r), [], "no finding in the staged files", r.detail())
    r = steward("diff", "--staged", cwd=repo.path)
    c.equal((r.code, r.out), (0, BRANCH_DIFF),
            "diff --staged: the staged property at its staged line", r.detail())
    r = steward("check", "--format", "json", cwd=repo.path)
    c.code(r, 1, "a good staged change, a bad unstaged edit: check (the work tree)")

    # GIT_INDEX_FILE: another index (what `git commit -a` and `git commit PATH` hand to hooks).
    other_index = os.path.join(ctx.root, "staged-other-index")
    repo.git("read-tree", "HEAD", env=clean_env(GIT_INDEX_FILE=other_index))
    repo.git("add", CHECKOUT, env=clean_env(GIT_INDEX_FILE=other_index))
    r = steward("check", "--staged", "--format", "json", cwd=repo.path,
                env=clean_env(GIT_INDEX_FILE=other_index))
    c.code(r, 1, "GIT_INDEX_FILE names an index holding the mistake: check --staged")
    c.equal(core_findings(r), [typo_finding_below_gift_wrap],
            "GIT_INDEX_FILE: the finding is read from it", r.detail())
    r = steward("check", "--staged", "--format", "json", cwd=repo.path)
    c.code(r, 0, "without GIT_INDEX_FILE: the repository's index (the good change)")
    r = steward("check", "--staged", cwd=repo.path,
                env=clean_env(GIT_INDEX_FILE=other_index + "-missing"))
    c.code(r, 2, "GIT_INDEX_FILE names no file")
    c.true("GIT_INDEX_FILE" in r.err, "a missing GIT_INDEX_FILE is named in the fix", r.detail())

    # A real pre-commit hook: `git commit -a` stages the mistake into a temporary index that only
    # GIT_INDEX_FILE names; the hook must block it. The staged good change alone is committed.
    hook = repo.file(".git/hooks/pre-commit")
    with open(hook, "w") as f:
        f.write('#!/bin/sh\nexec "$STEWARD_UNDER_TEST" check --staged\n')
    os.chmod(hook, 0o755)
    hook_env = clean_env(STEWARD_UNDER_TEST=ctx.steward.binary)
    before = repo.head()
    result = git(repo.path, "commit", "-q", "-a", "-m", "typo", env=hook_env, check=False)
    output = result.stdout + result.stderr
    c.true(result.returncode != 0 and repo.head() == before,
           "pre-commit hook: `git commit -a` with the mistake is refused", output)
    c.true(f"--> {CHECKOUT}:{typo_line + 1}:25\n" in output,
           "pre-commit hook: the refusal names file:line:col", output)
    c.equal(repo.read(CHECKOUT), staged.replace(*TYPO), "the work tree is left as it was")
    result = git(repo.path, "commit", "-q", "-m", "gift wrap", env=hook_env, check=False)
    c.true(result.returncode == 0 and repo.head() != before,
           "pre-commit hook: the good staged change is committed", result.stdout + result.stderr)
    c.equal(repo.git("show", f"HEAD:{CHECKOUT}"), staged.rstrip("\n"),
            "the commit holds the staged content, not the work tree's")


# ---- 3. shallow clones ------------------------------------------------------------------------

def lsan_env(**extra):
    """libgit2 1.5 leaks 64 bytes in git_merge_base when a walk reaches history a shallow clone
    cut off (see tests/unit/git/sanitizer_options.cpp); suppressed by name, for this scenario."""
    asan = os.environ.get("ASAN_OPTIONS", "")
    lsan = os.environ.get("LSAN_OPTIONS", "")
    suppressions = os.path.join(HERE, "lsan_suppressions.txt")
    return clean_env(
        ASAN_OPTIONS=":".join(filter(None, [asan, "fast_unwind_on_malloc=0"])),
        LSAN_OPTIONS=":".join(filter(None, [lsan, f"suppressions={suppressions}",
                                            "print_suppressions=0"])),
        **extra)


def scenario_shallow(ctx):
    c, steward = ctx.checks, ctx.steward
    origin = ctx.shop_repo("shallow-origin")
    fork = origin.head()
    origin.branch("feature")
    origin.replace(CHECKOUT, *GIFT_WRAP)
    origin.commit("gift wrap")
    origin.checkout("main")
    origin.write("tracking-plan/marketing/referral.yaml",
                 "kind: event\nname: referral_sent\ndescription: A shopper invited a friend.\n"
                 "owner: team-growth\ndomain: marketing\nstatus: active\nsources: [web]\n"
                 "properties:\n  channel: {type: string, pii: none}\n")
    origin.commit("main moves on")
    # What GitLab's merged-results pipelines and GitHub's pull_request events check out: the
    # branch merged into the target's tip (the first parent).
    origin.branch("merged")
    origin.git("merge", "-q", "--no-ff", "--no-edit", "feature")
    url = "file://" + origin.path

    # CI's default: one commit of the pull request's branch, no other branch.
    single = os.path.join(ctx.root, "shallow-single")
    git(ctx.root, "clone", "-q", "--depth", "1", "--branch", "feature", url, single)
    # Runs whose merge-base walk reaches the cut-off history get the leak suppression (its slow
    # unwinder costs seconds under ASan, so only they do).
    leaky = lsan_env()
    for command in ("check", "diff"):
        r = steward(command, "--base", fork, cwd=single)
        fetch_fix(c, r, f"single-branch depth 1: {command} --base <sha not in the clone>")
        r = steward(command, cwd=single, env=clean_env(GITHUB_BASE_REF="main"))
        fetch_fix(c, r, f"single-branch depth 1, GITHUB_BASE_REF=main: {command}")
    r = steward("check", "--base", fork, cwd=single)
    c.true("shallow clone" in r.err, "the error says the clone is shallow", r.detail())

    # Every branch at depth 1: origin/main is there, but not the commit both come from.
    every = os.path.join(ctx.root, "shallow-every-branch")
    git(ctx.root, "clone", "-q", "--depth", "1", "--no-single-branch", "--branch", "feature",
        url, every)
    for command in ("check", "diff"):
        r = steward(command, cwd=every, env=lsan_env(GITHUB_BASE_REF="main"))
        fetch_fix(c, r, f"all branches depth 1, GITHUB_BASE_REF=main: {command}")
        r = steward(command, cwd=every, env=leaky)
        fetch_fix(c, r, f"all branches depth 1, no CI variable (origin/main exists): {command}")
        r = steward(command, "--base", "origin/main", cwd=every, env=leaky)
        fetch_fix(c, r, f"all branches depth 1: {command} --base origin/main (no merge-base)")
        r = steward(command, "--base", fork, cwd=every)
        fetch_fix(c, r, f"all branches depth 1: {command} --base <sha not in the clone>")

    # Depth 2 of the merge: the base given as its first parent is there, at the shallow boundary.
    merged = os.path.join(ctx.root, "shallow-merged")
    git(ctx.root, "clone", "-q", "--depth", "2", "--branch", "merged", url, merged)
    r = steward("diff", "--base", "HEAD^1", cwd=merged, env=leaky)
    c.equal((r.code, r.out), (0, BRANCH_DIFF),
            "depth 2, --base the merge's first parent (at the shallow boundary): the branch's "
            "change", r.detail())
    r = steward("check", "--base", "HEAD^1", "--format", "json", cwd=merged, env=leaky)
    c.equal((r.code, core_findings(r)), (0, []), "depth 2: check --base HEAD^1", r.detail())

    # Fetching the history, as the fix says, makes the same command work.
    git(every, "fetch", "-q", "--unshallow")
    r = steward("check", "--format", "json", cwd=every, env=clean_env(GITHUB_BASE_REF="main"))
    c.code(r, 0, "after `git fetch --unshallow`: check with GITHUB_BASE_REF=main")
    r = steward("diff", cwd=every, env=clean_env(GITHUB_BASE_REF="main"))
    c.equal((r.code, r.out), (0, BRANCH_DIFF),
            "after `git fetch --unshallow`: diff shows the branch's change only", r.detail())


# ---- 4. a detached HEAD in CI -----------------------------------------------------------------

PRE_EXISTING = ("  - signed_in\n", "  - signed_in\n  - wishlist_viewed\n")


def scenario_detached(ctx):
    c, steward = ctx.checks, ctx.steward
    upstream = ctx.shop_repo("detached-upstream")
    # Base already has one finding: Amplitude lists an event nobody defines.
    upstream.replace("destinations/amplitude.yaml", *PRE_EXISTING)
    upstream.commit("amplitude: wishlist_viewed (not defined yet)")
    old_line = upstream.line_of("destinations/amplitude.yaml", "wishlist_viewed")
    old = ("reference.unknown-event", "destinations/amplitude.yaml", old_line, 5)
    # The pull request adds another: an owner that is no team.
    upstream.branch("feature")
    upstream.replace(CHECKOUT, "owner: team-checkout", "owner: team-checkout-eu")
    pr_head = upstream.commit("checkout_started: owner team-checkout-eu")
    new = ("reference.unknown-team", CHECKOUT, 5, 8)
    # A harmless pull request.
    upstream.branch("harmless")
    upstream.replace(CHECKOUT, *GIFT_WRAP)
    harmless = upstream.commit("gift wrap")
    # main moves on and fixes its own finding: a base taken from main's tip would call it new.
    upstream.checkout("main")
    upstream.replace("destinations/amplitude.yaml", PRE_EXISTING[1], PRE_EXISTING[0])
    upstream.commit("amplitude: drop wishlist_viewed")

    ci = os.path.join(ctx.root, "detached-ci")
    git(ctx.root, "clone", "-q", "file://" + upstream.path, ci)
    git(ci, "checkout", "-q", "--detach", pr_head)
    env = clean_env(GITHUB_BASE_REF="main")
    r = steward("check", "--format", "json", cwd=ci, env=env)
    c.code(r, 1, "detached at the pull request's head, GITHUB_BASE_REF=main: check")
    c.equal(core_findings(r), sorted([old + (False,), new + (True,)]),
            "base is the merge-base: only the owner is new", r.detail())
    r = steward("check", "--new-only", "--format", "json", cwd=ci, env=env)
    c.code(r, 1, "--new-only: the new finding still fails")
    findings = r.json().get("findings", [])
    c.equal(core_findings(r), [new + (True,)], "--new-only drops what base already had",
            r.detail())
    c.true(findings and all(f["new"] for f in findings), "--new-only: every finding is new",
           r.detail())
    r = steward("diff", cwd=ci, env=env)
    c.equal((r.code, r.out), (0, "1 change to the customer-data model\n\nevents\n"
                                 "  ~ checkout_started: owner team-checkout -> team-checkout-eu\n"
                                 f"      at {CHECKOUT}:3\n      was {CHECKOUT}:3\n"
                                 "      reaches amplitude (staging, production), braze "
                                 "(production), snowflake_warehouse (staging, production)\n"),
            "diff: the pull request's change only", r.detail())
    r = steward("check", "--format", "json", cwd=ci)
    c.equal((r.code, core_findings(r)), (1, sorted([old + (False,), new + (True,)])),
            "no CI variable: the merge-base with origin/main, the same", r.detail())

    # A pull request that adds no finding, on a base that has one: --new-only passes it.
    git(ci, "checkout", "-q", "--detach", harmless)
    r = steward("check", "--format", "json", cwd=ci, env=env)
    c.equal((r.code, core_findings(r)), (1, [old + (False,)]),
            "harmless pull request: base's finding is reported, not new", r.detail())
    r = steward("check", "--new-only", "--format", "json", cwd=ci, env=env)
    c.equal((r.code, core_findings(r)), (0, []),
            "harmless pull request: --new-only passes", r.detail())

    # What GitHub checks out for pull_request: the merge of the branch into main's tip.
    git(ci, "checkout", "-q", "--detach", "origin/main")
    git(ci, "merge", "-q", "--no-ff", "--no-edit", pr_head)
    r = steward("check", "--format", "json", cwd=ci, env=env)
    c.equal((r.code, core_findings(r)), (1, [new + (True,)]),
            "merge commit on main's tip: the owner is new, main's fix is not a change", r.detail())


# ---- 5. merges --------------------------------------------------------------------------------



def scenario_merges(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = ctx.shop_repo("merges")
    repo.branch("feature")
    repo.replace(CHECKOUT, *GIFT_WRAP)
    repo.commit("gift wrap")
    # main moves on: a property in another file, and one in the same file.
    repo.checkout("main")
    repo.replace(CHECKOUT, "  discount: {type: number, required: true, minimum: 0, pii: none}\n",
                 "  discount: {type: number, required: true, minimum: 0, pii: none}\n"
                 "  campaign: {type: string, pii: none}\n")
    repo.commit("coupon_applied.campaign")
    repo.checkout("feature")

    r = steward("diff", "--base", "main", cwd=repo.path)
    c.code(r, 0, "branch behind main: diff --base main")
    c.equal(r.out, BRANCH_DIFF, "branch behind main: only the branch's change (not main's "
            "newer property as removed)")
    r = steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.equal((r.code, core_findings(r)), (0, []), "branch behind main: check --base main passes",
            r.detail())

    repo.git("merge", "-q", "--no-edit", "main")
    c.true(repo.line_of(CHECKOUT, "campaign") > 0 and repo.line_of(CHECKOUT, "gift_wrap") == 17,
           "the merge holds both changes")
    r = steward("diff", "--base", "main", cwd=repo.path)
    c.code(r, 0, "main merged into the branch: diff --base main")
    c.equal(r.out, BRANCH_DIFF, "main merged into the branch: only the branch's change")
    r = steward("diff", "--base", "main", "--head", "HEAD^1", cwd=repo.path)
    c.equal((r.code, r.out), (0, BRANCH_DIFF), "--head HEAD^1 (before the merge): the same",
            r.detail())

    # Once the branch is merged into main, main has nothing the branch lacks.
    repo.checkout("main")
    repo.git("merge", "-q", "--no-edit", "feature")
    repo.checkout("feature")
    r = steward("diff", "--base", "main", cwd=repo.path)
    c.equal((r.code, r.out), (0, "No changes to the customer-data model.\n"),
            "branch merged into main: no change left", r.detail())


# ---- 6. moved and deleted files ---------------------------------------------------------------

DELETE_DIFF = """\
3 changes to the customer-data model

events
  - push_permission_granted
      was tracking-plan/marketing/push_permission_granted.yaml:2
      reaches braze (production), snowflake_warehouse (staging, production)

routes
  - push_permission_granted -> braze: no longer in production
      was destinations/braze.yaml:3
  - push_permission_granted -> snowflake_warehouse: no longer in staging, production
      was destinations/snowflake_warehouse.yaml:3
"""


def scenario_files(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = ctx.shop_repo("files")
    repo.branch("move")
    os.makedirs(repo.file("tracking-plan/help-center"))
    repo.git("mv", "tracking-plan/support/support.yaml", "tracking-plan/help-center/support.yaml")
    os.makedirs(repo.file("destinations/support"))
    repo.git("mv", "destinations/zendesk.yaml", "destinations/support/zendesk.yaml")
    repo.commit("move files")
    r = steward("diff", "--base", "main", cwd=repo.path)
    c.equal((r.code, r.out), (0, "No changes to the customer-data model.\n"),
            "files moved to other folders: no change to the model", r.detail())
    r = steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.equal((r.code, core_findings(r)), (0, []), "files moved: check passes", r.detail())

    repo.branch("delete")
    repo.git("rm", "-q", "tracking-plan/marketing/push_permission_granted.yaml")
    repo.commit("delete push_permission_granted")
    r = steward("diff", "--base", "main", cwd=repo.path)
    c.code(r, 0, "event file deleted: diff --base main")
    c.equal(r.out, DELETE_DIFF, "event file deleted: the event removed, at its base place")
    r = steward("check", "--base", "main", "--format", "json", cwd=repo.path)
    c.code(r, 1, "event file deleted: check --base main")
    c.equal(core_findings(r), [
        ("reference.unknown-event", "destinations/braze.yaml", 13, 5, True),
        ("reference.unknown-event", "destinations/braze.yaml", 21, 13, True),
        ("reference.unknown-event", "destinations/snowflake_warehouse.yaml", 13, 3, True),
    ], "event file deleted: the destinations that still name it", r.detail())


# ---- 7. a config folder inside a larger repository --------------------------------------------

WORKFLOW = """\
name: ci
on: [pull_request]
jobs:
  build: {runs-on: ubuntu-latest, steps: [{uses: actions/checkout@v4}]}
"""
DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\n"
WIP = "kind: evnt\nname: wishlist_viewed\n"


def scenario_subfolder(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = ctx.shop_repo("subfolder", subfolder="data")
    repo.write(".github/workflows/x.yml", WORKFLOW)
    repo.write("k8s/deploy.yaml", DEPLOYMENT)
    repo.write("package.json", '{"name": "shop", "private": true}\n')
    repo.write("data/tracking-plan/drafts/wip.yaml", WIP)   # under `paths`, until excluded
    repo.write("data/scratch/idea.yaml", DEPLOYMENT)        # outside `paths`
    repo.commit("the shop's configuration in data/, among other files")
    wip = ("schema.unknown-kind", "data/tracking-plan/drafts/wip.yaml", 1, 7, None)

    # For contrast, the repository root (no steward.yaml there): everything but dot-folders.
    r = steward("check", "--no-base", "--format", "json", cwd=repo.path)
    files = {f["file"] for f in r.json().get("findings", [])}
    c.true(r.code == 1 and "k8s/deploy.yaml" in files
           and not any(f.startswith(".github/") for f in files),
           "check at the root: k8s/ is read (and fails), .github/ is not", r.detail())

    r = steward("check", "-C", "data", "--no-base", "--format", "json", cwd=repo.path)
    c.code(r, 1, "check -C data: the draft under tracking-plan/ is read")
    c.equal(core_findings(r), [wip], "only data/ and its `paths` are read; paths from the "
            "repository root", r.detail())

    repo.replace("data/steward.yaml", "fail_on: error\n",
                 'fail_on: error\nexclude: ["**/drafts/**"]\n')
    repo.commit("steward.yaml: exclude drafts")
    for where, args in (("-C data", ("-C", "data")), ("from data/", ())):
        cwd = repo.path if args else repo.file("data")
        r = steward("check", *args, "--format", "json", cwd=cwd)
        c.equal((r.code, core_findings(r)), (0, []), f"check {where}: `exclude` leaves the "
                "draft out", r.detail())

    repo.branch("feature")
    repo.replace("data/" + CHECKOUT, *GIFT_WRAP)
    repo.commit("gift wrap")
    r = steward("diff", "-C", "data", "--base", "main", cwd=repo.path)
    in_data = BRANCH_DIFF.replace(" tracking-plan/", " data/tracking-plan/") \
        .replace(" destinations/", " data/destinations/")
    c.equal((r.code, r.out), (0, in_data), "diff -C data: places relative to the repository root",
            r.detail())
    repo.replace("data/" + CHECKOUT, *TYPO)
    repo.commit("a typo")
    typo = ("schema.unknown-key", "data/" + CHECKOUT, 30, 25, True)
    r = steward("check", "-C", "data", "--base", "main", "--format", "json", cwd=repo.path)
    c.code(r, 1, "check -C data --base main")
    c.equal(core_findings(r), [typo], "the finding's path is relative to the repository root",
            r.detail())
    r = steward("check", "-C", "data", "--base", "main", cwd=repo.path)
    c.true(f"--> data/{CHECKOUT}:30:25\n" in r.out, "the text report points at data/...:30:25",
           r.detail())

    # The staged files of the folder, and a mistake staged outside it that is not steward's.
    repo.git("reset", "-q", "--hard", "main")
    repo.replace("data/" + CHECKOUT, *TYPO)
    repo.write("k8s/deploy.yaml", "kind: [unclosed\n")
    repo.git("add", "-A")
    r = steward("check", "-C", "data", "--staged", "--format", "json", cwd=repo.path)
    c.equal((r.code, core_findings(r)),
            (1, [("schema.unknown-key", "data/" + CHECKOUT, 29, 25, True)]),
            "check -C data --staged: the staged typo, nothing outside data/", r.detail())


# ---- 8. exit 2: steward's own inputs ----------------------------------------------------------

def scenario_errors(ctx):
    c, steward = ctx.checks, ctx.steward
    repo = ctx.shop_repo("errors")
    missing = ("error: cannot resolve revision 'does-not-exist'\n"
               "  fix: check the revision (`git rev-parse does-not-exist` must print a commit), "
               "or fetch it with `git fetch origin does-not-exist:refs/remotes/origin/"
               "does-not-exist`\n")
    for command in ("check", "diff"):
        r = steward(command, "--base", "does-not-exist", cwd=repo.path)
        c.equal((r.code, r.out, r.err), (2, "", missing),
                f"{command} --base does-not-exist: exit 2, the revision and the fix", r.detail())
    r = steward("check", "--head", "does-not-exist", cwd=repo.path)
    c.true(r.code == 2 and "'does-not-exist'" in r.err and "\n  fix: " in r.err,
           "check --head does-not-exist: exit 2 with the fix", r.detail())

    # A misspelt key in steward.yaml, committed; the work tree has it right.
    repo.branch("bad-config")
    repo.replace("steward.yaml", "fail_on: error", "fail-on: error")
    repo.commit("steward.yaml: fail-on")
    line = repo.line_of("steward.yaml", "fail-on")
    repo.replace("steward.yaml", "fail-on: error", "fail_on: error")
    expected = (f"error: steward.yaml:{line}:1: unknown key 'fail-on' in steward.yaml\n"
                "  fix: did you mean 'fail_on'?\n")
    r = steward("check", "--head", "HEAD", "--base", "main", cwd=repo.path)
    c.equal((r.code, r.out, r.err), (2, "", expected),
            "steward.yaml misspelt at the head revision: exit 2, place and fix", r.detail())
    r = steward("diff", "--head", "HEAD", "--base", "main", cwd=repo.path)
    c.equal((r.code, r.err), (2, expected), "diff --head HEAD: the same", r.detail())
    r = steward("check", "--base", "main", cwd=repo.path)
    c.code(r, 0, "the work tree's steward.yaml (put right) is the one read without --head")
    repo.git("add", "steward.yaml")
    r = steward("check", "--staged", "--base", "main", cwd=repo.path)
    c.code(r, 0, "--staged reads the staged steward.yaml (put right)")
    repo.replace("steward.yaml", "paths: [", "paths: [[")
    repo.git("add", "steward.yaml")
    r = steward("check", "--staged", "--base", "main", cwd=repo.path)
    c.true(r.code == 2 and r.out == "" and r.err.startswith("error: steward.yaml:")
           and "\n  fix: " in r.err, "a YAML syntax error in the staged steward.yaml: exit 2 "
           "with steward.yaml:line:col and the fix", r.detail())
    repo.git("reset", "-q", "--hard")

    # Outside any git repository.
    outside = tempfile.mkdtemp(prefix="steward-e2e-nogit-")
    try:
        shutil.copytree(os.path.join(ctx.source, "fixtures", "shop"), outside,
                        dirs_exist_ok=True)
        in_git = git(outside, "rev-parse", "--git-dir", check=False).returncode == 0
        if in_git:
            print(f"note: {outside} is inside a git repository; outside-git checks skipped")
            return
        for args in (("check", "--staged"), ("check", "--base", "main"), ("diff",),
                     ("check", "--head", "HEAD")):
            r = steward(*args, cwd=outside)
            c.true(r.code == 2 and r.out == ""
                   and r.err.startswith(f"error: '{os.path.realpath(outside)}' is not inside a "
                                        "git repository\n  fix: "),
                   f"{' '.join(args)} outside git: exit 2, the folder and the fix", r.detail())
        r = steward("check", cwd=outside)
        c.code(r, 0, "check outside git: the files as they are")
    finally:
        shutil.rmtree(outside, ignore_errors=True)


SCENARIOS = [scenario_demo, scenario_staged, scenario_shallow, scenario_detached,
             scenario_merges, scenario_files, scenario_subfolder, scenario_errors]


if __name__ == "__main__":
    sys.exit(run_scenarios(__doc__, SCENARIOS, "steward-e2e-"))
