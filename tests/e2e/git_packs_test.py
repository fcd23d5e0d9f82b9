#!/usr/bin/env python3
"""Rule packs shared through git (issue 14, item 6): `packs: [git+URL@REF#path]`.

Each scenario builds a pack repository and a copy of fixtures/shop here, with the git CLI, and
reaches the pack through a file:// URL (no network):
  pinned     `steward packs fetch` pins the tag's commit in steward.lock; check reads the pack from
             steward's cache, also --offline and after the pack's repository is gone
  first-use  without a lock, check fetches the pack on first use; --offline with an empty cache
             refuses to fetch (exit 2, with the fix)
  moved-tag  a tag moved to another commit: check keeps the locked commit, packs fetch refuses it
             (exit 2) until --update pins the new one
  commit     a pack pinned to a full commit id
  huge-file  a .policy file past the size limit: exit 2 naming the limit
  example-pack  fixtures/packs/security-example from a pinned repository: reviews, portably
  bad-specs  a bare URL (once mangled to `https:/...`), a git pack without @REF, a folder the
             commit does not have: exit 2 with where and how

Called by CTest as
    python3 git_packs_test.py --steward STEWARD_BINARY --source SOURCE_DIR [--keep]
"""

import os
import shutil
import sys

from e2e_support import Repo, clean_env, git, run_scenarios

# libgit2's leak while fetching (git_packs_lsan.txt), for every steward run of this test;
# clean_env keeps the caller's sanitizer settings.
os.environ["LSAN_OPTIONS"] = ":".join(filter(None, [
    os.environ.get("LSAN_OPTIONS", ""),
    "suppressions=" + os.path.join(os.path.dirname(os.path.abspath(__file__)), "git_packs_lsan.txt"),
    "print_suppressions=0"]))

PACK = """pack security

rule security.event-count {
  severity note
  title "Counts the events"
  note "MESSAGE: {count(head.events)} events"
}
"""

SHOP_PATHS = "paths: [tracking-plan, destinations, identity, governance]\n"


def pack_repo(ctx, name, message="first"):
    """A repository whose `security/` folder holds a one-rule pack, tagged v1.0."""
    path = os.path.join(ctx.root, name)
    os.makedirs(path)
    git(path, "init", "-q")
    repo = Repo(path)
    repo.write("security/security.policy", PACK.replace("MESSAGE", message))
    repo.write("security/tests/case/head/plan.yaml", "kind: event\nname: x\n")
    repo.write("README.md", "a pack\n")
    repo.commit("the pack")
    repo.git("tag", "v1.0")
    return repo


def data_repo(ctx, name, spec):
    repo = ctx.shop_repo(name)
    repo.write("steward.yaml", SHOP_PATHS + f"packs: ['{spec}']\n")
    repo.commit("the git pack")
    return repo


def messages(result):
    return [f["message"] for f in result.findings() if f["rule"] == "security.event-count"]


def check(ctx, repo, *extra, env=None):
    return ctx.steward("check", "--no-base", "--format", "json", *extra, cwd=repo.path, env=env)


def scenario_pinned(ctx):
    c = ctx.checks
    pack = pack_repo(ctx, "pinned-pack")
    spec = f"git+file://{pack.path}@v1.0#security"
    repo = data_repo(ctx, "pinned", spec)
    r = ctx.steward("packs", "fetch", cwd=repo.path)
    c.code(r, 0, "packs fetch")
    lock = repo.read("steward.lock")
    c.true(f"{pack.head()} {spec}\n" in lock, "steward.lock pins the tag's commit", lock)
    r = check(ctx, repo, "--offline")
    c.code(r, 0, "check --offline with the pack in the cache")
    c.equal(messages(r), ["first: 22 events"], "the git pack's rule ran", r.detail())
    shutil.rmtree(pack.path)
    r = check(ctx, repo, "--offline")
    c.equal(messages(r), ["first: 22 events"], "the pack's repository gone: still from the cache",
            r.detail())
    r = check(ctx, repo)
    c.equal(messages(r), ["first: 22 events"], "without --offline, the locked commit needs no fetch",
            r.detail())
    r = ctx.steward("explain", "security.event-count", cwd=repo.path)
    c.code(r, 0, "explain finds the git pack's rule in the cache")


def scenario_first_use(ctx):
    c = ctx.checks
    pack = pack_repo(ctx, "first-use-pack")
    repo = data_repo(ctx, "first-use", f"git+file://{pack.path}@v1.0#security")
    empty = os.path.join(ctx.root, "empty-cache")
    r = check(ctx, repo, "--offline", env=clean_env(STEWARD_CACHE_DIR=empty))
    c.code(r, 2, "--offline with an empty cache")
    c.true("--offline forbids fetching it" in r.err and "steward packs fetch" in r.err,
           "it says why and how", r.detail())
    r = check(ctx, repo)
    c.equal(messages(r), ["first: 22 events"], "no lock: fetched on first use", r.detail())
    c.true(not os.path.exists(repo.file("steward.lock")), "check writes no lock")
    r = check(ctx, repo, "--offline")
    c.equal(messages(r), ["first: 22 events"], "then used offline", r.detail())


def scenario_moved_tag(ctx):
    c = ctx.checks
    pack = pack_repo(ctx, "moved-pack")
    first = pack.head()
    spec = f"git+file://{pack.path}@v1.0#security"
    repo = data_repo(ctx, "moved", spec)
    c.code(ctx.steward("packs", "fetch", cwd=repo.path), 0, "packs fetch")
    pack.write("security/security.policy", PACK.replace("MESSAGE", "second"))
    second = pack.commit("changed")
    pack.git("tag", "-f", "v1.0")
    r = check(ctx, repo)
    c.equal(messages(r), ["first: 22 events"], "check keeps the locked commit", r.detail())
    r = ctx.steward("packs", "fetch", cwd=repo.path)
    c.code(r, 2, "packs fetch after the tag moved")
    c.true(first in r.err and second in r.err and "--update" in r.err,
           "it names both commits and the way out", r.detail())
    r = ctx.steward("packs", "fetch", "--update", cwd=repo.path)
    c.code(r, 0, "packs fetch --update")
    c.true(f"{second} {spec}" in repo.read("steward.lock"), "the lock pins the new commit")
    r = check(ctx, repo, "--offline")
    c.equal(messages(r), ["second: 22 events"], "check reads the new commit", r.detail())
    # A lock that pins a commit the tag no longer names, with a cache that lacks it: the fetch
    # finds the tag elsewhere, which is an error rather than a silent switch.
    repo.write("steward.lock", f"{first} {spec}\n")
    r = check(ctx, repo, env=clean_env(STEWARD_CACHE_DIR=os.path.join(ctx.root, "moved-cache")))
    c.code(r, 2, "a locked commit the tag no longer names")
    c.true("its ref moved" in r.err, "it says the ref moved", r.detail())


def scenario_commit(ctx):
    c = ctx.checks
    pack = pack_repo(ctx, "commit-pack")
    repo = data_repo(ctx, "commit", f"git+file://{pack.path}@{pack.head()}#security")
    r = check(ctx, repo)
    c.equal(messages(r), ["first: 22 events"], "a pack pinned to a commit id", r.detail())


def scenario_bad_specs(ctx):
    c = ctx.checks
    pack = pack_repo(ctx, "bad-pack")
    cases = {
        "https://example.com/org/packs.git": "is a URL, not a folder",
        f"git+file://{pack.path}": "is not `git+URL@REF#path`",
        f"git+file://{pack.path}@v1.0#nope": "has no folder 'nope'",
        f"git+file://{pack.path}@v9.9#security": "has no tag, branch or commit 'v9.9'",
        f"git+file://{pack.path}@v1.0#../x": "leaves its repository",
    }
    for i, (spec, expected) in enumerate(cases.items()):
        repo = data_repo(ctx, f"bad-{i}", spec)
        r = check(ctx, repo)
        c.code(r, 2, f"packs: [{spec}]")
        c.true(expected in r.err and "https:/e" not in r.err, f"{spec}: {expected}", r.detail())


def scenario_huge_file(ctx):
    """A .policy file past the policy file size limit in a git pack: exit 2 naming the limit,
    checked before the file is read."""
    c = ctx.checks
    pack = pack_repo(ctx, "huge-pack")
    pack.write("security/huge.policy", "pack security\n" + "# padding\n" * 120000)
    pack.commit("a huge file")
    pack.git("tag", "-f", "v1.0")
    repo = data_repo(ctx, "huge", f"git+file://{pack.path}@v1.0#security")
    r = check(ctx, repo)
    c.code(r, 2, "a policy file over 1 MiB in a git pack")
    c.true("(limit: policy file size)" in r.err and "huge.policy" in r.err, "it names the limit",
           r.detail())


TIKTOK = ("kind: destination\nname: tiktok_ads\ncategory: advertising\nregion: us\n"
          "consent: [advertising]\nallow_pii: []\nevents: []\n")


def security_reviews(result):
    return [r["reason"] for r in result.json().get("reviews", []) if r["team"] == "team-security"
            and r["reason"].startswith("new destination")]


def scenario_example_pack(ctx):
    """fixtures/packs/security-example, used from a pinned git repository: a new destination asks
    team-security for a review; in a repository without team-security nobody is asked, and the
    pack still runs (a literal team would stop it with policy.unknown-team)."""
    c = ctx.checks
    path = os.path.join(ctx.root, "example-pack")
    os.makedirs(path)
    git(path, "init", "-q")
    pack = Repo(path)
    shutil.copytree(os.path.join(ctx.source, "fixtures", "packs", "security-example"),
                    pack.file("security-example"))
    pack.commit("the example pack")
    pack.git("tag", "v1.0")
    repo = data_repo(ctx, "example", f"git+file://{pack.path}@v1.0#security-example")
    c.code(ctx.steward("packs", "fetch", cwd=repo.path), 0, "packs fetch")
    repo.commit("steward.lock")
    repo.branch("tiktok")
    repo.write("destinations/tiktok.yaml", TIKTOK)
    repo.commit("a new destination")
    r = ctx.steward("check", "--base", "main", "--offline", "--format", "json", cwd=repo.path)
    c.true(r.code in (0, 1), "check --base main runs the example pack", r.detail())
    c.equal(security_reviews(r), ["new destination tiktok_ads (advertising, region us)"],
            "team-security is asked to review the new destination", r.detail())
    text = repo.read("governance/teams.yaml")
    repo.write("governance/teams.yaml", text[:text.index("---\nkind: team\nname: team-security")])
    repo.commit("no security team")
    r = ctx.steward("check", "--base", "main", "--offline", "--format", "json", cwd=repo.path)
    c.true(r.code in (0, 1), "without team-security the pack still runs", r.detail())
    c.equal(security_reviews(r), [], "and asks nobody", r.detail())


SCENARIOS = [scenario_pinned, scenario_first_use, scenario_moved_tag, scenario_commit,
             scenario_bad_specs, scenario_huge_file, scenario_example_pack]

if __name__ == "__main__":
    sys.exit(run_scenarios(__doc__, SCENARIOS, "steward-git-packs-"))
