#!/usr/bin/env python3
"""Golden tests of the steward command line.

For the example shop and every variant of fixtures/broken, the fixture is copied into a fresh
temporary folder outside any git repository (so paths are relative to it and the output does not
depend on where the project lies), steward runs there, and its output and exit code are compared
with the files under expected/:

    expected/<case>.<output>   what steward printed (standard output, or standard error for the
                               usage and configuration errors)
    expected/<case>.exit       one line per output: "<output> <exit code>"

UPDATE_GOLDEN=1 in the environment rewrites the expected files instead of comparing.

    run_golden.py --steward PATH --source-dir DIR            the output cases
    run_golden.py --steward PATH --source-dir DIR --color    NO_COLOR and colour on a terminal
    run_golden.py --steward PATH --source-dir DIR --cached   every check case in every format, with
                  no cache, then twice with one (a miss that fills it, a hit): byte for byte the same
"""

import argparse
import difflib
import os
import pty
import select
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected"
CHECK = ["check", "--no-base", "--color", "never"]


@dataclass
class Run:
    output: str           # the expected file's suffix: text, json, model.json, stderr
    args: list            # steward's arguments
    stream: str = "stdout"  # what is compared; the other stream must be empty for stdout runs
    stdin: str = None       # given on standard input (steward eval -i)


@dataclass
class Case:
    name: str
    fixture: str          # relative to the source folder
    runs: list
    files: dict = field(default_factory=dict)  # files to write into the copy: path -> text


def cases(source_dir: Path):
    out = [Case("shop", "fixtures/shop", [
        Run("text", CHECK + ["--format", "text"]),
        Run("json", CHECK + ["--format", "json"]),
        Run("model.json", ["model"]),
    ])]
    for variant in sorted(p.name for p in (source_dir / "fixtures" / "broken").iterdir()
                          if p.is_dir()):
        out.append(Case("broken-" + variant, "fixtures/broken/" + variant, [
            Run("text", CHECK + ["--format", "text"]),
            Run("json", CHECK + ["--format", "json"]),
        ]))
    # Exit 2: problems in steward's own inputs, reported on standard error with where and how.
    out.append(Case("error-unknown-format", "fixtures/shop", [
        Run("stderr", CHECK + ["--format", "yaml"], stream="stderr"),
    ]))
    out.append(Case("error-steward-yaml-unknown-key", "fixtures/shop", [
        Run("stderr", CHECK, stream="stderr"),
    ], files={"steward.yaml": "paths: [tracking-plan, destinations, identity, governance]\n"
                              "packs: [stdlib:pii]\n"
                              "fail_on: error\n"
                              "severty: {pii.destination-allowlist: warning}\n"}))
    out.extend(test_command_cases())
    # steward explain shows the severity steward.yaml sets, next to the rule's own (issue 14).
    out.append(Case("explain-severity-override", "fixtures/shop", [
        Run("text", ["explain", "governance.owner-required"]),
    ], files={"steward.yaml": "paths: [tracking-plan, destinations, identity, governance]\n"
                              "packs: [stdlib:governance]\n"
                              "severity: {governance.owner-required: note}\n"}))
    # steward eval: one expression, JSON, and a session on standard input (issue 14).
    out.append(Case("eval", "fixtures/shop", [
        Run("text", ["eval", 'head.destination("snowflake_warehouse").events']),
        Run("value", ["eval", "--format", "json", "head.routes[0]"]),  # JSON, not a report
        Run("interactive", ["eval", "-i"],
            stdin='count(head.events)\n# a comment\n\nhead.routes[0].consent\n'
                  'head.destination("snowflake_warehouse").all_events\n'
                  'defined_team("team-nobody")\n'
                  '[defined_purpose("analytics"), defined_category("user.contact")]\n'),
        Run("stderr", ["eval", "-i"], stream="stderr",
            stdin='head.evnts\ntrace("events", count(head.events))\n'),
    ]))
    return out


# A pack whose rule forgot `at`: `steward test` prints its error as `steward check` does (code,
# place, code frame, did-you-mean), once, and exits 2.
BROKEN_PACK = """pack broken

rule broken.owner {
  for e in head.events
  where e.owner == none
  deny e "{e.name} has no owner"
}
"""


def test_command_cases():
    """`steward test` on the fixture runner's own packs (tests/unit/policy/packs)."""
    packs = "tests/unit/policy/packs"
    return [
        Case("test-precise", packs, [
            Run("text", ["test", "precise", "--coverage"]),
            Run("verbose.text", ["test", "precise", "--run", "env$", "--verbose"]),
            Run("junit.xml", ["test", "precise", "imprecise", "--format", "junit"]),
        ]),
        Case("test-imprecise", packs, [Run("text", ["test", "imprecise"])]),
        Case("test-pack-error-once", packs, [
            Run("stderr", ["test", "misnamed"], stream="stderr"),
        ]),
        Case("test-broken-pack", packs, [
            Run("stderr", ["test", "broken"], stream="stderr"),
        ], files={"broken/rules.policy": BROKEN_PACK}),
        Case("explain-tags", packs, [Run("text", ["explain", "precise.unclassified"])],
             files={"steward.yaml": "packs: [./precise]\n"}),
        Case("test-run-matches-nothing", packs, [
            Run("stderr", ["test", "precise", "--run", "nothing-like-this"], stream="stderr"),
        ]),
    ]


def copy_fixture(source_dir: Path, case: Case, into: Path) -> Path:
    work = into / case.name
    shutil.copytree(source_dir / case.fixture, work)
    for path, text in case.files.items():
        (work / path).parent.mkdir(parents=True, exist_ok=True)
        (work / path).write_text(text)
    return work


def outside_git(folder: Path):
    probe = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"],
                           capture_output=True, text=True)
    if probe.returncode == 0:
        sys.exit(f"error: {folder} is inside the git repository {probe.stdout.strip()}; "
                 "set TMPDIR to a folder outside any repository")


def environment():
    env = dict(os.environ)
    for name in ("NO_COLOR", "GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
                 "CI_MERGE_REQUEST_DIFF_BASE_SHA", "GIT_INDEX_FILE", "GIT_DIR"):
        env.pop(name, None)
    env["GIT_CEILING_DIRECTORIES"] = tempfile.gettempdir()
    # Date rules (sunsets) must not change the golden output as the calendar moves on.
    env["STEWARD_TODAY"] = "2026-11-21"
    return env


def read_expected(case: str):
    exits = {}
    path = EXPECTED / f"{case}.exit"
    if path.exists():
        for line in path.read_text().splitlines():
            output, code = line.split()
            exits[output] = int(code)
    return exits


def run_cases(steward: str, source_dir: Path, update: bool, only: str) -> int:
    failures = 0
    checked = 0
    with tempfile.TemporaryDirectory(prefix="steward-golden-") as temp:
        temp_dir = Path(temp)
        outside_git(temp_dir)
        for case in cases(source_dir):
            if only and only not in case.name:
                continue
            work = copy_fixture(source_dir, case, temp_dir)
            expected_exits = read_expected(case.name)
            exits = {}
            for run in case.runs:
                result = subprocess.run([steward] + run.args, cwd=work, env=environment(),
                                        capture_output=True, text=True, timeout=120,
                                        input=run.stdin)
                actual = result.stdout if run.stream == "stdout" else result.stderr
                other = result.stderr if run.stream == "stdout" else ""
                exits[run.output] = result.returncode
                expected_path = EXPECTED / f"{case.name}.{run.output}"
                label = f"{case.name}.{run.output} (steward {' '.join(run.args)})"
                checked += 1
                if other:
                    print(f"FAIL {label}: unexpected standard error:\n{other}")
                    failures += 1
                if result.returncode not in (0, 1, 2):
                    print(f"FAIL {label}: exit code {result.returncode} (a crash?)\n"
                          f"{result.stderr}")
                    failures += 1
                if update:
                    expected_path.write_text(actual)
                    continue
                expected = expected_path.read_text() if expected_path.exists() else None
                if expected is None:
                    print(f"FAIL {label}: no {expected_path.relative_to(HERE)} "
                          "(run with UPDATE_GOLDEN=1)")
                    failures += 1
                    continue
                if actual != expected:
                    diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                f"expected/{expected_path.name}", "actual")
                    print(f"FAIL {label}: output differs\n{''.join(diff)}")
                    failures += 1
                if expected_exits.get(run.output) != result.returncode:
                    print(f"FAIL {label}: exit code {result.returncode}, expected "
                          f"{expected_exits.get(run.output)}")
                    failures += 1
            if update:
                (EXPECTED / f"{case.name}.exit").write_text(
                    "".join(f"{output} {code}\n" for output, code in exits.items()))
    print(f"{checked} golden outputs {'written' if update else 'checked'}, {failures} failures")
    return 1 if failures else 0


def run_on_terminal(steward: str, cwd: Path, args: list, env: dict):
    """Runs steward with standard output on a pseudo-terminal; returns (output, exit code)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([steward] + args, cwd=cwd, env=env, stdout=terminal,
                               stderr=subprocess.PIPE)
    os.close(terminal)
    chunks = []
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: steward has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    process.stderr.read()
    return b"".join(chunks).decode(errors="replace"), process.wait(timeout=60)


def run_color_checks(steward: str, source_dir: Path) -> int:
    failures = 0
    with tempfile.TemporaryDirectory(prefix="steward-golden-") as temp:
        temp_dir = Path(temp)
        outside_git(temp_dir)
        case = Case("color", "fixtures/broken/unknown-team", [])
        work = copy_fixture(source_dir, case, temp_dir)
        args = ["check", "--no-base", "--color", "auto"]
        checks = [
            ("--color auto on a terminal", {}, args, True),
            ("--color auto on a terminal with NO_COLOR=1", {"NO_COLOR": "1"}, args, False),
            ("--color never on a terminal", {}, ["check", "--no-base", "--color", "never"], False),
        ]
        for label, extra, run_args, want_color in checks:
            env = environment()
            env.update(extra)
            output, code = run_on_terminal(steward, work, run_args, env)
            has_color = "\x1b[" in output
            ok = has_color == want_color and code == 1 and "reference.unknown-team" in output
            print(f"{'ok  ' if ok else 'FAIL'} {label}: exit {code}, "
                  f"{'colour' if has_color else 'no colour'}")
            failures += not ok
        # Not a terminal: no colour, with or without NO_COLOR.
        result = subprocess.run([steward] + args, cwd=work, env=environment(),
                                capture_output=True, text=True)
        ok = "\x1b[" not in result.stdout and result.returncode == 1
        print(f"{'ok  ' if ok else 'FAIL'} --color auto into a pipe: no colour")
        failures += not ok
    return 1 if failures else 0


REPORT_FORMATS = ["text", "json", "sarif", "markdown", "github", "gitlab", "junit", "rdjson"]


def check_all_formats(steward: str, work: Path, args: list, out_dir: Path, env: dict,
                      stats=False):
    """One `steward check` writing every format to a file of `out_dir`: (exit code, the files'
    bytes by format, standard error)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    formats = []
    for name in REPORT_FORMATS:
        formats += ["--format", f"{name}={out_dir / name}"]
    result = subprocess.run([steward] + args + formats + (["--stats"] if stats else []),
                            cwd=work, env=env, capture_output=True, text=True, timeout=120)
    outputs = {name: (out_dir / name).read_bytes() if (out_dir / name).exists() else None
               for name in REPORT_FORMATS}
    return result.returncode, outputs, result.stderr


def compare_cached(steward: str, work: Path, args: list, label: str, scratch: Path,
                   env: dict) -> int:
    """`args` without a cache, then twice with a fresh one: the same exit code and the same bytes
    in every format each time, and the third run's outcome came from the cache."""
    cache = scratch / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    plain_env = dict(env)
    plain_env.pop("STEWARD_CACHE_DIR", None)
    cached_env = dict(env, STEWARD_CACHE_DIR=str(cache))
    reference = check_all_formats(steward, work, args + ["--no-cache"], scratch / "none",
                                  plain_env)
    miss = check_all_formats(steward, work, args, scratch / "miss", cached_env)
    hit = check_all_formats(steward, work, args, scratch / "hit", cached_env, stats=True)
    failures = 0
    for name, run in (("first run with the cache", miss), ("second run (a hit)", hit)):
        if run[0] != reference[0]:
            print(f"FAIL {label}: {name}: exit code {run[0]}, without a cache {reference[0]}")
            failures += 1
        for output in REPORT_FORMATS:
            if run[1][output] != reference[1][output]:
                print(f"FAIL {label}: {name}: the {output} report differs from the one without "
                      "a cache")
                failures += 1
    if "outcome came from the persistent cache" not in hit[2]:
        print(f"FAIL {label}: the second run with the cache did not take the outcome from it\n"
              f"{hit[2]}")
        failures += 1
    if reference[0] not in (0, 1) or reference[1]["json"] is None:
        print(f"FAIL {label}: steward check failed (exit {reference[0]})\n{reference[2]}")
        failures += 1
    print(f"{'ok  ' if not failures else 'FAIL'} {label}: every format the same without a cache, "
          "filling it and from it")
    return failures


def git_in(folder: Path, *args):
    subprocess.run(["git", "-c", "user.name=golden", "-c", "user.email=golden@example.com",
                    "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"] + list(args),
                   cwd=folder, check=True, capture_output=True)


def run_cached_checks(steward: str, source_dir: Path, only: str) -> int:
    failures = 0
    env = environment()
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_STEP_SUMMARY",
                 "GITHUB_ACTOR", "GITLAB_USER_LOGIN", "CI", "GITHUB_ACTIONS", "GITLAB_CI"):
        env.pop(name, None)
    with tempfile.TemporaryDirectory(prefix="steward-golden-cached-") as temp:
        temp_dir = Path(temp)
        outside_git(temp_dir)
        for case in cases(source_dir):
            runs = [run for run in case.runs if run.args[:1] == ["check"] and
                    run.stream == "stdout"]
            if not runs or (only and only not in case.name):
                continue
            work = copy_fixture(source_dir, case, temp_dir / "work")
            failures += compare_cached(steward, work, CHECK, case.name, temp_dir / case.name, env)
        # A pull request in git: base and head commits, head in the work tree, the index, and
        # --new-only, each with its own key.
        repo = copy_fixture(source_dir, Case("pull-request", "fixtures/shop", []),
                            temp_dir / "git")
        git_in(repo, "init", "-q")
        git_in(repo, "add", "-A")
        git_in(repo, "commit", "-q", "-m", "shop")
        git_in(repo, "checkout", "-q", "-b", "change")
        shutil.copytree(source_dir / "fixtures" / "pull-request", repo, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("README.md"))
        git_in(repo, "add", "-A")
        git_in(repo, "commit", "-q", "-m", "change")
        git_env = dict(env)
        git_env.pop("GIT_CEILING_DIRECTORIES", None)
        pr = ["check", "--color", "never", "--base", "main"]
        for label, args in (("pull-request --head change", pr + ["--head", "change"]),
                            ("pull-request --new-only", pr + ["--head", "change", "--new-only"]),
                            ("pull-request, head in the work tree", pr)):
            if not only or only in label:
                failures += compare_cached(steward, repo, args, label, temp_dir / label, git_env)
        event = next((repo / "tracking-plan").rglob("*.yaml"))
        with open(event, "a") as f:
            f.write("staged_key_nobody_knows: 1\n")
        git_in(repo, "add", str(event))
        if not only or only in "pull-request --staged":
            failures += compare_cached(steward, repo, ["check", "--color", "never", "--staged"],
                                       "pull-request --staged", temp_dir / "staged", git_env)
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steward", required=True, help="the steward executable")
    parser.add_argument("--source-dir", required=True, help="the project's source folder")
    parser.add_argument("--color", action="store_true", help="run the colour checks instead")
    parser.add_argument("--cached", action="store_true",
                        help="compare every check case with and without the persistent cache")
    parser.add_argument("--only", default="", help="run only cases whose name contains this")
    args = parser.parse_args()
    source_dir = Path(args.source_dir).resolve()
    args.steward = str(Path(args.steward).resolve())
    if args.color:
        return run_color_checks(args.steward, source_dir)
    if args.cached:
        return run_cached_checks(args.steward, source_dir, args.only)
    update = os.environ.get("UPDATE_GOLDEN") == "1"
    EXPECTED.mkdir(exist_ok=True)
    return run_cases(args.steward, source_dir, update, args.only)


if __name__ == "__main__":
    sys.exit(main())
