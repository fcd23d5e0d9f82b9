#!/usr/bin/env python3
"""The persistent cache end to end: `steward check` with and without it gives the same report,
also after its entries are truncated or overwritten with garbage; a check's cached outcome is
used only for the very same files, configuration, packs, date and options; `steward cache info` and
`steward cache clear`; --cache-dir, STEWARD_CACHE_DIR and --no-cache; runs at once; and
STEWARD_HUGE_PAGES, which --stats reports.

    python3 cache_test.py --steward STEWARD_BINARY --source SOURCE_DIR
Prints one line per check and exits 0 when every check passed.
"""
import concurrent.futures
import os
import pathlib
import re
import shutil
import sys
import tempfile
import time

# The shared helpers are one folder up, in tests/e2e.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from e2e_support import Context, arguments, clean_env, finish  # noqa: E402


def make_repository(ctx):
    """fixtures/shop on main, fixtures/pull-request on top of it on `change`."""
    repo = ctx.shop_repo("repo")
    repo.branch("change")
    repo.overlay(os.path.join(ctx.source, "fixtures", "pull-request"),
                 ignore=shutil.ignore_patterns("README.md"))
    repo.commit("change")
    # Resolved: `steward cache info` prints the cache folder's real path.
    return pathlib.Path(repo.path).resolve()


def store_counts(stderr):
    """hits, misses and writes of the persistent store from --stats, or None."""
    found = re.search(r"store hits (\d+), misses (\d+), writes (\d+)", stderr)
    return tuple(map(int, found.groups())) if found else None


def entries(folder):
    """The store's pack files: each run that saves writes one (docs/configuration.md)."""
    return sorted(folder.glob("pack-*.pack"))


def same_report_with_any_cache(c, steward, repo):
    check_args = ["check", "--base", "main", "--head", "change", "--format", "json"]
    reference = steward(*check_args, "--no-cache", cwd=repo)
    c.true(reference.code in (0, 1), "check --no-cache runs", reference.err)
    c.true(not (repo / ".git/steward-cache").exists(), "--no-cache creates no cache folder")

    # In CI too (CI=true): the default cache is one pack file per run, cheap even where the
    # checkout is fresh, and a runner that keeps its work folder reuses it.
    cold = steward(*check_args, cwd=repo, env=clean_env(CI="true"))
    cache = repo / ".git/steward-cache"
    c.true(len(entries(cache)) == 1 and not list(cache.glob(".tmp-*")),
           "a run with the cache, in CI too, writes one pack to .git/steward-cache", cold.err)
    warm = steward(*check_args, "--stats", cwd=repo)
    counts = store_counts(warm.err)
    c.true(counts is not None and counts[0] >= 1 and counts[1:] == (0, 0),
           "the second run takes base's findings from the cache", warm.err)
    for name, run in (("cold", cold), ("warm", warm)):
        c.true(run.code == reference.code and run.out == reference.out,
               f"the {name} cache gives the same report and exit code as no cache",
               run.out + run.err)

    # Without the outcome in the cache (--cache-dir elsewhere), --stats says where the time went:
    # each stage, base's fingerprints (base runs only the rules of head's findings), and the
    # slowest rules by id.
    timed = steward(*check_args, "--stats", "--cache-dir", repo / ".git/other-cache", cwd=repo)
    rules = re.search(r"stats: slowest of head's (\d+) rules: ([a-z0-9.-]+) [0-9.e+-]+ ms",
                      timed.err)
    base_rules = re.search(r"stats: gate [0-9.e+-]+ ms: diff [0-9.e+-]+ ms, head's rules "
                           r"[0-9.e+-]+ ms, findings stage [0-9.e+-]+ ms; base's fingerprints "
                           r"[0-9.e+-]+ ms on their own thread \(evaluated: (\d+) of (\d+) "
                           r"rules\)", timed.err)
    c.true(base_rules is not None and rules is not None and int(rules.group(1)) > 10 and
           base_rules.group(2) == rules.group(1) and
           0 < int(base_rules.group(1)) < int(rules.group(1)) and
           re.search(r"packs [0-9.e+-]+ ms, cache key [0-9.e+-]+ ms, models [0-9.e+-]+ ms, gate "
                     r"[0-9.e+-]+ ms, saving the outcome", timed.err) is not None,
           "--stats breaks the gate down and names the slowest rules", timed.err)
    peak = re.search(r"stats: memory: peak resident ([0-9.]+) MiB", timed.err)
    c.true(peak is not None and float(peak.group(1)) > 1,
           "--stats says how much memory the check took at its peak", timed.err)
    # --new-only is another outcome over the same base: base's fingerprints come from the store.
    again = steward(*check_args, "--stats", "--new-only", "--cache-dir",
                    repo / ".git/other-cache", cwd=repo)
    c.true("own thread (from the persistent cache)" in again.err,
           "a run over the same base takes base's fingerprints from the cache, and --stats says so",
           again.err)

    for pack in entries(cache):
        os.truncate(pack, pack.stat().st_size // 2)
    truncated = steward(*check_args, "--stats", cwd=repo)
    c.true(truncated.out == reference.out and truncated.code == reference.code,
           "truncated entries give the same report as no cache", truncated.out)
    counts = store_counts(truncated.err)
    c.true(counts is not None and counts[1] >= 1, "a truncated entry is a miss", truncated.err)

    for pack in entries(cache):
        pack.write_bytes(os.urandom(300))
    garbage = steward(*check_args, "--stats", cwd=repo)
    c.true(garbage.out == reference.out and garbage.code == reference.code,
           "entries full of garbage give the same report as no cache", garbage.out)
    counts = store_counts(garbage.err)
    c.true(counts is not None and counts[1] >= 1 and counts[2] == counts[1],
           "a garbage entry is a miss and is replaced", garbage.err)
    again = steward(*check_args, "--stats", cwd=repo)
    counts = store_counts(again.err)
    c.true(counts is not None and counts[0] >= 1 and counts[1] == 0,
           "the replaced entries are used by the next run",
           again.err)


def info_and_clear(c, steward, repo):
    info = steward("cache", "info", cwd=repo)
    cache = (repo / ".git/steward-cache").resolve()
    found = re.search(r"entries: (\d+)\n", info.out)
    count = int(found.group(1)) if found else 0
    c.true(info.code == 0 and f"cache: {cache}\n" in info.out, "cache info says where",
           info.out + info.err)
    c.true(count >= 1 and entries(cache), "cache info counts the entries", info.out)
    kinds = dict((kind, int(n)) for kind, n in re.findall(r"\n  ([a-z-]+): (\d+)", info.out))
    c.true(kinds.get("check-outcome", 0) >= 1 and kinds.get("read-result", 0) >= 1 and
           kinds.get("base-fingerprints", 0) >= 1 and sum(kinds.values()) == count,
           "cache info counts the entries of each kind, the check's outcome among them", info.out)
    c.true(re.search(r"last run: hits [1-9]\d*, misses 0, writes 0\n", info.out),
           "cache info shows the last run's hits and misses", info.out)
    cleared = steward("cache", "clear", "-C", repo, cwd=repo.parent)
    c.true(cleared.code == 0 and f"removed {count} entr" in cleared.out,
           "cache clear says how many entries it removed", cleared.out + cleared.err)
    after = steward("cache", "info", cwd=repo)
    c.true("entries: 0\n" in after.out and "last run: not recorded" in after.out,
           "after cache clear the cache is empty", after.out)


def other_folders(c, steward, repo, scratch):
    check_args = ["check", "--base", "main", "--head", "change", "--format", "json=/dev/null"]
    chosen = scratch / "ci-cache"
    steward(*check_args, "--cache-dir", chosen, cwd=repo)
    c.true(len(entries(chosen)) >= 1, "--cache-dir DIR keeps the cache in DIR (created)")
    c.true(not entries(repo / ".git/steward-cache"), "--cache-dir leaves .git/steward-cache alone")
    from_env = scratch / "env-cache"
    steward(*check_args, cwd=repo, env=clean_env(STEWARD_CACHE_DIR=str(from_env), CI="true"))
    c.true(len(entries(from_env)) >= 1, "STEWARD_CACHE_DIR keeps the cache there, in CI too")
    info = steward("cache", "info", "--cache-dir", chosen, cwd=repo)
    c.true(f"cache: {chosen}\n" in info.out, "cache info --cache-dir DIR reads DIR", info.out)

    a_file = scratch / "not-a-folder"
    a_file.write_text("x")
    bad = steward(*check_args, "--cache-dir", a_file, cwd=repo)
    c.true(bad.code == 2 and "--cache-dir" in bad.err and "fix:" in bad.err,
           "--cache-dir naming a file is exit 2 with the fix", bad.err)
    both = steward(*check_args, "--cache-dir", chosen, "--no-cache", cwd=repo)
    c.true(both.code == 2, "--cache-dir and --no-cache together are a usage error")
    outside = scratch / "no-git"
    outside.mkdir()
    info = steward("cache", "info", cwd=outside)
    c.true(info.code == 2 and "--cache-dir" in info.err,
           "cache info outside git without a folder is exit 2 saying how to name one",
           info.err)


def runs_at_once(c, steward, repo, scratch):
    """Four cold runs at once on one cache folder: each reports what --no-cache reports, and the
    cache they leave is whole (the next run misses nothing)."""
    check_args = ["check", "--base", "main", "--head", "change", "--format", "json"]
    reference = steward(*check_args, "--no-cache", cwd=repo)
    shared = scratch / "shared-cache"
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: steward(*check_args, "--cache-dir", shared, cwd=repo),
                                range(4)))
    c.true(all(r.code == reference.code and r.out == reference.out for r in results),
           "four runs at once on one cold cache report what --no-cache reports",
           "\n".join(r.err for r in results))
    after = steward(*check_args, "--cache-dir", shared, "--stats", cwd=repo)
    counts = store_counts(after.err)
    c.true(after.out == reference.out and counts is not None and counts[0] >= 1 and
           counts[1] == 0 and not list(shared.glob(".tmp-*")),
           "after runs at once the cache is whole: no miss, no temporary file left", after.err)


OUTCOME_HIT = "outcome came from the persistent cache"

# A local pack whose message the key test edits: the outcome must follow the pack's text.
LOCAL_PACK = """pack local

rule local.described {
  severity warning
  for e in head.events
  where e.name == "signed_up"
  deny at e "{e.name}: MESSAGE"
}
"""


def outcome_is_keyed(c, steward, ctx, scratch):
    """The outcome of a check is reused only for the very same inputs: a change to any of them is
    a miss whose report is what --no-cache reports, and the run after it is a hit again."""
    repo = ctx.shop_repo("keyed")
    repo.write("local-pack/rules.policy", LOCAL_PACK.replace("MESSAGE", "first wording"))
    repo.replace("steward.yaml", "packs: [", "packs: [./local-pack, ")
    repo.commit("a local pack")
    repo.branch("change")
    repo.replace("tracking-plan/account/account.yaml", "owner: team-identity\n", "")
    repo.commit("an event loses its owner")
    path = pathlib.Path(repo.path).resolve()
    cache = scratch / "keyed-cache"
    base_args = ["check", "--base", "main", "--format", "json", "--stats"]

    def same_as_no_cache(what, extra=(), env=None):
        reference = steward(*base_args, *extra, "--no-cache", cwd=path, env=env)
        args = base_args + list(extra) + ["--cache-dir", cache]
        first = steward(*args, cwd=path, env=env)
        c.true(OUTCOME_HIT not in first.err and first.out == reference.out and
               first.code == reference.code,
               f"{what}: a miss, whose report is the one without a cache", first.err)
        second = steward(*args, cwd=path, env=env)
        c.true(OUTCOME_HIT in second.err and second.out == reference.out and
               second.code == reference.code,
               f"{what}: then a hit with the same report", second.err)
        return reference

    first = same_as_no_cache("the first run")
    same_as_no_cache("head a commit, not the work tree", ["--head", "change"])
    repo.replace("tracking-plan/account/account.yaml", "name: signed_in\n", "name: signedIn\n")
    changed = same_as_no_cache("a data file edited in the work tree")
    c.true(changed.out != first.out, "the edit changes the report (so a stale hit would show)")
    later = same_as_no_cache("another date", env=clean_env(STEWARD_TODAY="2027-07-01"))
    c.true("compat.sunset-passed" in later.out and "compat.sunset-passed" not in changed.out,
           "a date past a sunset reports it, though the files are the same")
    same_as_no_cache("a label", ["--label", "reviewed"])
    same_as_no_cache("--new-only", ["--new-only"])
    repo.replace("steward.yaml", "fail_on: error\n",
                 "fail_on: error\nseverity: {local.described: note}\n")
    noted = same_as_no_cache("steward.yaml edited")
    c.true('"severity": "note"' in noted.out, "the new severity is in the report", noted.out)
    repo.write("local-pack/rules.policy", LOCAL_PACK.replace("MESSAGE", "second wording"))
    reworded = same_as_no_cache("a pack's text edited")
    c.true("second wording" in reworded.out and "first wording" not in reworded.out,
           "the pack's new message is in the report", reworded.out)
    repo.git("add", "tracking-plan/account/account.yaml")
    same_as_no_cache("the index (--staged)", ["--staged"])


def host_takes_back_freed_memory():
    """Whether a virtio memory balloon here negotiated free page reporting (feature bit 5), read
    from sysfs independently of steward's reading (engine/cli/host_memory.cpp)."""
    devices = pathlib.Path("/sys/bus/virtio/devices")
    try:
        for device in devices.iterdir():
            try:
                if int((device / "device").read_text().strip(), 0) != 5:
                    continue
                features = (device / "features").read_text().strip()
            except (OSError, ValueError):
                continue
            if len(features) > 5 and features[5] == "1":
                return True
    except OSError:
        pass
    return False


def heap_pages(c, steward, repo):
    """Whether the heap asks for transparent huge pages: STEWARD_HUGE_PAGES=1 or 0 decides, any
    other value is an error, and unset steward asks unless the host takes back freed memory; --stats
    says which and why. A build without tcmalloc (the sanitized ones) never asks."""
    check_args = ["check", "--base", "main", "--head", "change", "--no-cache", "--stats",
                  "--format", "json=/dev/null"]
    chosen = steward(*check_args, cwd=repo)
    why = re.search(r"; huge pages (.*)$", chosen.err, re.MULTILINE)
    c.true(chosen.code in (0, 1) and why is not None, "--stats says whether the heap asked for "
           "huge pages", chosen.err)
    if why is None:
        return
    if "C library's allocator" in why.group(1):
        c.true(why.group(1) == "not asked: this build keeps the C library's allocator",
               "a build without tcmalloc asks for no huge pages", chosen.err)
    else:
        expected = ("not asked: the host takes back freed memory (virtio free page reporting), "
                    "STEWARD_HUGE_PAGES=1 asks" if host_takes_back_freed_memory() else "asked")
        c.equal(why.group(1), expected, "unset, STEWARD_HUGE_PAGES follows whether the host "
                "takes back freed memory", chosen.err)
        for value, said in (("1", "asked: STEWARD_HUGE_PAGES=1"),
                            ("0", "not asked: STEWARD_HUGE_PAGES=0")):
            run = steward(*check_args, cwd=repo, env=clean_env(STEWARD_HUGE_PAGES=value))
            c.true(run.code in (0, 1) and f"; huge pages {said}\n" in run.err and
                   run.code == chosen.code, f"STEWARD_HUGE_PAGES={value}: {said}", run.err)
    for value in ("yes", "2"):
        bad = steward("check", "--base", "main", "--head", "change", cwd=repo,
                      env=clean_env(STEWARD_HUGE_PAGES=value))
        c.true(bad.code == 2 and f"STEWARD_HUGE_PAGES is '{value}'; it takes 1 or 0" in bad.err
               and "fix: set it to 1" in bad.err and bad.out == "",
               f"STEWARD_HUGE_PAGES={value}: exit 2, what it takes and the fix", bad.err)


def main():
    # One repository for the three parts, in order: each starts from the cache the one before
    # left, so they are not scenarios of their own and their checks carry no scenario name.
    args = arguments(__doc__)
    ctx = Context(args, tempfile.mkdtemp(prefix="steward-cache-e2e-"), timeout=120)
    start = time.monotonic()
    scratch = pathlib.Path(ctx.root).resolve()
    repo = make_repository(ctx)
    same_report_with_any_cache(ctx.checks, ctx.steward, repo)
    heap_pages(ctx.checks, ctx.steward, repo)
    info_and_clear(ctx.checks, ctx.steward, repo)
    other_folders(ctx.checks, ctx.steward, repo, scratch)
    runs_at_once(ctx.checks, ctx.steward, repo, scratch)
    outcome_is_keyed(ctx.checks, ctx.steward, ctx, scratch)
    return finish(ctx, start)


if __name__ == "__main__":
    sys.exit(main())
