#!/usr/bin/env python3
"""The persistent cache end to end: `steward check` with and without it gives the same report,
also after its entries are truncated or overwritten with garbage; `steward cache info` and
`steward cache clear`; --cache-dir, STEWARD_CACHE_DIR and --no-cache.

    python3 cache_test.py --steward STEWARD_BINARY --source SOURCE_DIR
Prints one line per check and exits 0 when every check passed.
"""
import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

FAILED = []


def check(condition, what, detail=""):
    print(("ok: " if condition else "FAILED: ") + what)
    if not condition:
        FAILED.append(what)
        if detail:
            print("  " + str(detail).replace("\n", "\n  "))


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "GITHUB_", "CI_", "GITLAB_", "STEWARD_"))
           and k != "CI"}
    env.update({"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1",
                "STEWARD_TODAY": "2026-11-21"})
    env.update(extra)
    return env


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c",
                    "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                   cwd=repo, env=clean_env(), check=True, stdout=subprocess.DEVNULL)


class Steward:
    def __init__(self, binary):
        self.binary = binary

    def __call__(self, *args, cwd, env=None):
        return subprocess.run([self.binary, *map(str, args)], cwd=cwd, env=env or clean_env(),
                              capture_output=True, text=True, timeout=120)


def make_repository(folder, source):
    """fixtures/shop on main, fixtures/pull-request on top of it on `change`."""
    shutil.copytree(source / "fixtures/shop", folder)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "base")
    git(folder, "checkout", "-q", "-b", "change")
    shutil.copytree(source / "fixtures/pull-request", folder, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("README.md"))
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "change")
    return folder


def store_counts(stderr):
    """hits, misses and writes of the persistent store from --stats, or None."""
    found = re.search(r"store hits (\d+), misses (\d+), writes (\d+)", stderr)
    return tuple(map(int, found.groups())) if found else None


def entries(folder):
    return sorted(folder.glob("*.entry"))


def same_report_with_any_cache(steward, repo):
    check_args = ["check", "--base", "main", "--head", "change", "--format", "json"]
    reference = steward(*check_args, "--no-cache", cwd=repo)
    check(reference.returncode in (0, 1), "check --no-cache runs", reference.stderr)
    check(not (repo / ".git/steward-cache").exists(), "--no-cache creates no cache folder")

    cold = steward(*check_args, cwd=repo)
    cache = repo / ".git/steward-cache"
    check(len(entries(cache)) >= 1, "a run with the cache writes entries to .git/steward-cache")
    warm = steward(*check_args, "--stats", cwd=repo)
    counts = store_counts(warm.stderr)
    check(counts is not None and counts[0] >= 1 and counts[1:] == (0, 0),
          "the second run takes base's findings from the cache", warm.stderr)
    for name, run in (("cold", cold), ("warm", warm)):
        check(run.returncode == reference.returncode and run.stdout == reference.stdout,
              f"the {name} cache gives the same report and exit code as no cache",
              run.stdout + run.stderr)

    for entry in entries(cache):
        os.truncate(entry, entry.stat().st_size // 2)
    truncated = steward(*check_args, "--stats", cwd=repo)
    check(truncated.stdout == reference.stdout and truncated.returncode == reference.returncode,
          "truncated entries give the same report as no cache", truncated.stdout)
    counts = store_counts(truncated.stderr)
    check(counts is not None and counts[1] >= 1, "a truncated entry is a miss", truncated.stderr)

    for entry in entries(cache):
        entry.write_bytes(os.urandom(300))
    garbage = steward(*check_args, "--stats", cwd=repo)
    check(garbage.stdout == reference.stdout and garbage.returncode == reference.returncode,
          "entries full of garbage give the same report as no cache", garbage.stdout)
    counts = store_counts(garbage.stderr)
    check(counts is not None and counts[1] >= 1 and counts[2] == counts[1],
          "a garbage entry is a miss and is replaced", garbage.stderr)
    again = steward(*check_args, "--stats", cwd=repo)
    counts = store_counts(again.stderr)
    check(counts is not None and counts[0] >= 1 and counts[1] == 0,
          "the replaced entries are used by the next run",
          again.stderr)


def info_and_clear(steward, repo):
    info = steward("cache", "info", cwd=repo)
    cache = (repo / ".git/steward-cache").resolve()
    count = len(entries(cache))
    check(info.returncode == 0 and f"cache: {cache}\n" in info.stdout, "cache info says where",
          info.stdout + info.stderr)
    check(f"entries: {count}\n" in info.stdout, "cache info counts the entries", info.stdout)
    check(re.search(r"last run: hits [1-9]\d*, misses 0, writes 0\n", info.stdout),
          "cache info shows the last run's hits and misses", info.stdout)
    cleared = steward("cache", "clear", "-C", repo, cwd=repo.parent)
    check(cleared.returncode == 0 and f"removed {count} entr" in cleared.stdout,
          "cache clear says how many entries it removed", cleared.stdout + cleared.stderr)
    after = steward("cache", "info", cwd=repo)
    check("entries: 0\n" in after.stdout and "last run: not recorded" in after.stdout,
          "after cache clear the cache is empty", after.stdout)


def other_folders(steward, repo, scratch):
    check_args = ["check", "--base", "main", "--head", "change", "--format", "json=/dev/null"]
    chosen = scratch / "ci-cache"
    steward(*check_args, "--cache-dir", chosen, cwd=repo)
    check(len(entries(chosen)) >= 1, "--cache-dir DIR keeps the cache in DIR (created)")
    check(not entries(repo / ".git/steward-cache"), "--cache-dir leaves .git/steward-cache alone")
    from_env = scratch / "env-cache"
    steward(*check_args, cwd=repo, env=clean_env(STEWARD_CACHE_DIR=str(from_env)))
    check(len(entries(from_env)) >= 1, "STEWARD_CACHE_DIR keeps the cache there")
    info = steward("cache", "info", "--cache-dir", chosen, cwd=repo)
    check(f"cache: {chosen}\n" in info.stdout, "cache info --cache-dir DIR reads DIR", info.stdout)

    a_file = scratch / "not-a-folder"
    a_file.write_text("x")
    bad = steward(*check_args, "--cache-dir", a_file, cwd=repo)
    check(bad.returncode == 2 and "--cache-dir" in bad.stderr and "fix:" in bad.stderr,
          "--cache-dir naming a file is exit 2 with the fix", bad.stderr)
    both = steward(*check_args, "--cache-dir", chosen, "--no-cache", cwd=repo)
    check(both.returncode == 2, "--cache-dir and --no-cache together are a usage error")
    outside = scratch / "no-git"
    outside.mkdir()
    info = steward("cache", "info", cwd=outside)
    check(info.returncode == 2 and "--cache-dir" in info.stderr,
          "cache info outside git without a folder is exit 2 saying how to name one",
          info.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steward", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    steward = Steward(str(pathlib.Path(args.steward).resolve()))
    with tempfile.TemporaryDirectory(prefix="steward-cache-e2e-") as scratch:
        scratch = pathlib.Path(scratch).resolve()
        repo = make_repository(scratch / "repo", pathlib.Path(args.source))
        same_report_with_any_cache(steward, repo)
        info_and_clear(steward, repo)
        other_folders(steward, repo, scratch)
    print(f"{len(FAILED)} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
