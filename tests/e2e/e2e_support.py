"""Shared helpers of the end-to-end drivers in tests/e2e: checks, the environment of git and
steward, steward runs, git repositories built from fixtures/shop, arguments and the scenario loop.

Every driver is called by CTest as
    python3 DRIVER --steward STEWARD_BINARY --source SOURCE_DIR [--keep] [--only SCENARIO]
and prints one line per check, then 'N passed, N failed'. It exits 0 when every check passed,
1 when one failed, and 77 (CTest's SKIP_RETURN_CODE) without git. A failed run keeps its
repositories and prints where they are.

Only the checks come from tests/ci/ci_common.py (the CI-template tests' helpers): its environment
sets the author through variables and keeps GITLAB_* and STEWARD_* of the caller, and its git
and argument helpers take -C and --work; the drivers here depend on those below.
"""

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

# Checks and SKIP come from the CI-template tests' helpers, one folder over.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "ci"))
import ci_common  # noqa: E402

SKIP = ci_common.SKIP
TODAY = "2026-11-21"


# ---- checks -----------------------------------------------------------------------------------

class Checks(ci_common.Checks):
    """ci_common's checks (counted; a failed one is reported with its detail but does not stop
    the run), each line prefixed with the running scenario's name when there is one.
    detail_limit shortens the detail of a failure, for drivers whose outputs run to megabytes."""

    def __init__(self, detail_limit=None):
        super().__init__()
        self.scenario = ""
        self.detail_limit = detail_limit

    def true(self, condition, what, detail=""):
        name = f"{self.scenario}: {what}" if self.scenario else what
        return self.check(condition, name, str(detail)[:self.detail_limit].rstrip("\n"))

    def equal(self, actual, expected, what, detail=""):
        if actual == expected:
            return self.true(True, what)
        if isinstance(actual, str) and isinstance(expected, str):
            lines = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "expected",
                                         "actual", lineterm="")
            shown = "\n".join(lines)
        else:
            shown = f"expected: {expected!r}\nactual:   {actual!r}"
        return self.true(False, what, shown + ("\n" + detail if detail else ""))

    def code(self, result, expected, what):
        """The exit code of a steward run, with its output when it is not the expected one."""
        return self.equal(result.code, expected, f"{what}: exit {expected}", result.detail())


# ---- processes --------------------------------------------------------------------------------

def clean_env(**extra):
    """The environment of every git and steward run: nothing from the machine's git configuration,
    CI or steward settings, no colour, a fixed today (the shop's order_placed has a sunset,
    2027-06-30, that compat.sunset-passed reports once it has passed). Sanitizer settings of the
    caller are kept."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "GITHUB_", "CI_", "GITLAB_", "RUNNER_", "STEWARD_"))
           and k not in ("CI", "NO_COLOR", "CLICOLOR_FORCE")}
    env.update({"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1",
                "GIT_TERMINAL_PROMPT": "0", "STEWARD_TODAY": TODAY})
    env.update(extra)
    return env


# Passed on the command line rather than in a configuration file: the global one is /dev/null.
GIT_IDENTITY = ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main",
                "-c", "commit.gpgsign=false", "-c", "advice.detachedHead=false"]


def git(cwd, *args, env=None, check=True):
    """git's standard output, stripped; with check=False the completed process, whatever its
    exit code."""
    result = subprocess.run(["git", *GIT_IDENTITY, *args], cwd=cwd, env=env or clean_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            timeout=60)
    if check and result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} in {cwd} exited {result.returncode}\n"
                           f"{result.stdout}{result.stderr}")
    return result if not check else result.stdout.strip()


class Result:
    """One steward run: its exit code, output and duration."""

    def __init__(self, args, env, completed, seconds, output_limit=None):
        self.args = args
        self.env = env  # the variables this run set beyond clean_env()
        self.code = completed.returncode
        self.out = completed.stdout
        self.err = completed.stderr
        self.seconds = seconds
        self.output_limit = output_limit

    def detail(self):
        limit = self.output_limit
        return (f"$ {self.env}steward {' '.join(self.args)}\n"
                f"(exit {self.code}, {self.seconds:.1f} s)\n"
                f"--- stdout\n{self.out[:limit]}--- stderr\n{self.err[:limit]}")

    def json(self):
        """The JSON report; output that is not JSON is a syntax.not-json finding, so that it is
        never mistaken for "no finding"."""
        try:
            return json.loads(self.out)
        except ValueError:
            return {"findings": [{"rule": "syntax.not-json", "file": "(standard output)",
                                  "line": 0, "column": 0, "new": None}]}

    def findings(self):
        """The findings of the JSON report, none when the output is not JSON (the checks that use
        this also look at the exit code)."""
        try:
            return json.loads(self.out).get("findings", [])
        except ValueError:
            return []


class Steward:
    """Runs the binary under test; output_limit shortens the output shown for a failed check."""

    def __init__(self, binary, timeout=60, output_limit=None):
        self.binary = binary
        self.timeout = timeout
        self.output_limit = output_limit
        self.runs = 0

    def __call__(self, *args, cwd, env=None, timeout=None):
        self.runs += 1
        args = tuple(map(str, args))  # paths may be pathlib.Path
        env = env or clean_env()
        plain = clean_env()
        shown = "".join(f"{k}={v} " for k, v in sorted(env.items())
                        if plain.get(k) != v and not k.endswith("SAN_OPTIONS"))
        start = time.monotonic()
        completed = subprocess.run([self.binary, *args], cwd=cwd, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   timeout=timeout or self.timeout)
        return Result(args, shown, completed, time.monotonic() - start, self.output_limit)


# ---- repositories -----------------------------------------------------------------------------

class Repo:
    """A git work tree built for one scenario."""

    def __init__(self, path):
        self.path = path

    def git(self, *args, env=None):
        return git(self.path, *args, env=env)

    def file(self, relative):
        return os.path.join(self.path, relative)

    def read(self, relative):
        with open(self.file(relative), encoding="utf-8") as f:
            return f.read()

    def write(self, relative, text):
        os.makedirs(os.path.dirname(self.file(relative)), exist_ok=True)
        with open(self.file(relative), "w", encoding="utf-8") as f:
            f.write(text)

    def replace(self, relative, old, new):
        """Replaces the first OLD; a set-up error when there is none."""
        text = self.read(relative)
        if old not in text:
            raise RuntimeError(f"{relative}: {old!r} not found")
        self.write(relative, text.replace(old, new, 1))

    def overlay(self, folder, ignore=None):
        """Copies FOLDER over the work tree (ignore: as shutil.copytree's)."""
        shutil.copytree(folder, self.path, dirs_exist_ok=True, ignore=ignore)

    def line_of(self, relative, needle):
        for number, line in enumerate(self.read(relative).splitlines(), 1):
            if needle in line:
                return number
        raise RuntimeError(f"{relative}: {needle!r} not found")

    def commit(self, message):
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.head()

    def head(self):
        return self.git("rev-parse", "HEAD")

    def branch(self, name, start="main"):
        self.git("checkout", "-q", "-b", name, start)

    def checkout(self, rev):
        self.git("checkout", "-q", rev)


class Context:
    """What every scenario of a run shares: the arguments, the folder of its repositories, the
    steward runner and the checks."""

    def __init__(self, args, root, timeout=60, detail_limit=None):
        self.args = args
        self.source = args.source
        self.root = root
        # Half the limit to each of stdout and stderr, so that stderr survives the cut.
        output_limit = detail_limit // 2 if detail_limit else None
        self.steward = Steward(args.steward, timeout=timeout, output_limit=output_limit)
        self.checks = Checks(detail_limit=detail_limit)

    def copy_of_shop(self, name, subfolder=""):
        """A new repository, no commit yet, whose work tree holds fixtures/shop (in `subfolder`,
        when given)."""
        path = os.path.join(self.root, name)
        os.makedirs(path)
        git(path, "init", "-q")
        shutil.copytree(os.path.join(self.source, "fixtures", "shop"),
                        os.path.join(path, subfolder), dirs_exist_ok=True)
        return Repo(path)

    def shop_repo(self, name, subfolder=""):
        """A new repository whose `main` holds fixtures/shop (in `subfolder`, when given)."""
        repo = self.copy_of_shop(name, subfolder)
        repo.commit("the shop")
        return repo


# ---- the run ----------------------------------------------------------------------------------

def arguments(description):
    parser = argparse.ArgumentParser(description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steward", required=True, help="the steward binary under test")
    parser.add_argument("--source", required=True, help="steward's source folder")
    parser.add_argument("--keep", action="store_true", help="keep the repositories")
    parser.add_argument("--only", action="append", help="run only these scenarios")
    args = parser.parse_args()
    args.steward = os.path.abspath(args.steward)
    args.source = os.path.abspath(args.source)
    return args


def run_scenarios(description, scenarios, prefix, timeout=60, detail_limit=None):
    """Runs each scenario(ctx) in turn, each in repositories below one new temporary folder, and
    returns the exit code. A scenario is named after its function, without `scenario_`."""
    args = arguments(description)
    if shutil.which("git") is None:
        print("SKIP: git is not installed")
        return SKIP
    root = tempfile.mkdtemp(prefix=prefix)
    ctx = Context(args, root, timeout=timeout, detail_limit=detail_limit)
    start = time.monotonic()
    for scenario in scenarios:
        name = scenario.__name__.removeprefix("scenario_").replace("_", "-")
        if args.only and name not in args.only:
            continue
        ctx.checks.scenario = name
        began = time.monotonic()
        try:
            scenario(ctx)
        except Exception as e:  # a broken set-up is a failure of the scenario, not of the run
            ctx.checks.true(False, "the scenario ran to its end", f"{type(e).__name__}: {e}")
        print(f"-- {name}: {time.monotonic() - began:.1f} s")
    return finish(ctx, start)


def finish(ctx, start):
    """Prints the count of checks and removes the repositories, unless a check failed or --keep
    asked to keep them."""
    c = ctx.checks
    print(f"{c.passed} passed, {c.failed} failed ({ctx.steward.runs} steward runs, "
          f"{time.monotonic() - start:.1f} s)")
    if c.failed or ctx.args.keep:
        print(f"repositories kept in {ctx.root}")
    else:
        # A scenario may leave a folder without permission behind (repo_trust_test.py's links).
        subprocess.run(["chmod", "-R", "u+rwx", ctx.root], check=False)
        shutil.rmtree(ctx.root, ignore_errors=True)
    return 1 if c.failed else 0

