#!/usr/bin/env python3
"""The policy stage's limits, end to end (issue 10, the reproductions of
/work/shared/reliability-repro turned into tests). Each scenario copies fixtures/shop into a
folder of its own (a git repository, so that `steward check --no-base` reads it as CI would),
adds a hostile pack or hostile data, and runs the steward binary:

  long-name       a 10,001-character event name: governance.event-naming reports it at the
                  event's line (exit 1), no rule fails, and the message stays short;
  redos           `e.name matches '^(a+)+$'` on 'a'*40+'b': ends at once (RE2, linear time);
  data-pattern    `pattern: '[a-'` and a lookahead on properties: schema.invalid-pattern at their
                  lines, exit 1, every other rule still runs;
  function-chain  10,000 chained functions: exit 2, policy.call-depth at file:line:col (`steward
                  test`: an ERROR case naming the limit); no stack overflow;
  replace         nested replace() squaring a string: exit 2 naming the string size limit;
  file-size       a .policy file over 1 MiB: exit 2 naming the file and the limit;
  amplification   a 10,000-character name with 3,000 unclassified properties: every message
                  holds a shortened name (the JSON `subject` still holds it whole: engine/report).

Called by CTest as
    python3 policy_limits_test.py --steward STEWARD_BINARY --source SOURCE_DIR [--keep]
It prints one line per check, then 'N passed, N failed', and exits 0 when every check passed
(77, skipped, without git).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

PRODUCT_VIEWED = "tracking-plan/catalog/product_viewed.yaml"
SUPPORT = "tracking-plan/support/support.yaml"
TODAY = "2026-11-21"
POLICY_PACKS = "paths: [tracking-plan, destinations, identity, governance]\n" \
               "packs: [stdlib:pii, ./policies]\n"


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.scenario = ""

    def true(self, condition, what, detail=""):
        if condition:
            self.passed += 1
            print(f"ok: {self.scenario}: {what}")
        else:
            self.failed += 1
            print(f"FAILED: {self.scenario}: {what}")
            if detail:
                print("  " + str(detail)[:4000].rstrip("\n").replace("\n", "\n  "))
        return condition


def clean_env():
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "GITHUB_", "CI_", "GITLAB_", "RUNNER_"))
           and k not in ("CI", "NO_COLOR", "CLICOLOR_FORCE", "STEWARD_TODAY")}
    env.update({"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1",
                "GIT_TERMINAL_PROMPT": "0", "STEWARD_TODAY": TODAY})
    return env


def git(cwd, *args):
    identity = ["-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main",
                "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=cwd, env=clean_env(), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)


class Result:
    def __init__(self, args, completed, seconds):
        self.args = args
        self.code = completed.returncode
        self.out = completed.stdout
        self.err = completed.stderr
        self.seconds = seconds

    def detail(self):
        return (f"$ steward {' '.join(self.args)}\n(exit {self.code}, {self.seconds:.1f} s)\n"
                f"--- stdout\n{self.out[:2000]}--- stderr\n{self.err[:2000]}")

    def findings(self):
        try:
            return json.loads(self.out).get("findings", [])
        except ValueError:
            return []


class Context:
    def __init__(self, args, root):
        self.args = args
        self.root = root
        self.checks = Checks()

    def shop(self, name):
        path = os.path.join(self.root, name)
        shutil.copytree(os.path.join(self.args.source, "fixtures", "shop"), path)
        git(path, "init", "-q")
        return path

    def commit(self, path):
        git(path, "add", "-A")
        git(path, "commit", "-q", "-m", "x")

    def steward(self, path, *args, timeout=120):
        start = time.monotonic()
        completed = subprocess.run([self.args.steward, *args], cwd=path, env=clean_env(),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   timeout=timeout)
        return Result(args, completed, time.monotonic() - start)


def write(path, relative, text):
    full = os.path.join(path, relative)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


def replace_once(path, relative, old, new):
    full = os.path.join(path, relative)
    with open(full, encoding="utf-8") as f:
        text = f.read()
    assert text.count(old) >= 1, f"{relative}: {old!r} not found"
    with open(full, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def with_pack(ctx, name, policy):
    path = ctx.shop(name)
    write(path, "steward.yaml", POLICY_PACKS)
    write(path, "policies/custom.policy", policy)
    ctx.commit(path)
    return path


def scenario_long_name(ctx):
    c = ctx.checks
    path = ctx.shop("long-name")
    # Not snake_case (the capital), so the naming rule reports it; all 'a' would be snake_case.
    replace_once(path, PRODUCT_VIEWED, "name: product_viewed", "name: A" + "a" * 10000)
    # A problem for another rule, which must still be reported.
    replace_once(path, SUPPORT, "  ticket_id: {", "  TicketId: {")
    ctx.commit(path)
    r = ctx.steward(path, "check", "--no-base", "--format", "json")
    c.true(r.code == 1, "exit 1 (a finding), not 2", r.detail())
    c.true("policy.runtime" not in r.out + r.err, "no rule failed", r.detail())
    naming = [f for f in r.findings() if f["rule"] == "governance.event-naming"]
    c.true(len(naming) == 1 and naming[0]["file"] == PRODUCT_VIEWED and naming[0]["line"] == 2,
           "governance.event-naming at the event's name, product_viewed.yaml:2", r.detail())
    c.true(all(len(f["message"]) < 600 for f in r.findings()),
           "messages shorten the 10,001-character name", r.detail())
    other = [f for f in r.findings() if f["rule"] == "governance.property-naming"
             and f["file"] == SUPPORT and f["line"] == 10]
    c.true(len(other) == 1, "the other rules still report (property naming, support.yaml:10)",
           r.detail())


def scenario_redos(ctx):
    c = ctx.checks
    path = ctx.shop("redos")
    write(path, "steward.yaml", POLICY_PACKS)
    write(path, "policies/custom.policy",
          "pack custom\nrule custom.redos {\n  for e in head.events\n"
          "  where e.name matches '^(a+)+$'\n  deny at e \"{e.name} is all a\"\n}\n")
    replace_once(path, PRODUCT_VIEWED, "name: product_viewed", "name: " + "a" * 40 + "b")
    ctx.commit(path)
    r = ctx.steward(path, "check", "--no-base", "--format", "json", timeout=60)
    c.true(r.code in (0, 1) and r.seconds < 30,
           "a catastrophic-backtracking pattern ends at once (exit 0 or 1)", r.detail())
    c.true(not [f for f in r.findings() if f["rule"] == "custom.redos"],
           "and does not match 'a'*40+'b'", r.detail())


def scenario_data_pattern(ctx):
    c = ctx.checks
    path = ctx.shop("data-pattern")
    replace_once(path, PRODUCT_VIEWED, "pattern: '^[A-Z0-9]{3}-[A-Z0-9]{4,8}$'", "pattern: '[a-'")
    replace_once(path, PRODUCT_VIEWED, "max_length: 200, pii: none}",
                 "max_length: 200, pattern: '^(?!test)', pii: none}")
    ctx.commit(path)
    r = ctx.steward(path, "check", "--no-base", "--format", "json")
    c.true(r.code == 1, "exit 1", r.detail())
    bad = sorted((f["line"], f["column"]) for f in r.findings()
                 if f["rule"] == "schema.invalid-pattern" and f["file"] == PRODUCT_VIEWED)
    c.true(bad == [(10, 48), (11, 66)],
           "schema.invalid-pattern at both patterns (10:48, 11:66)", f"{bad}\n{r.detail()}")
    c.true("policy.runtime" not in r.out + r.err, "no rule failed", r.detail())


def function_chain(n):
    out = ["pack custom"]
    for i in range(n):
        out.append(f"func f{i}(x: string) = f{i + 1}(x)")
    out.append(f'func f{n}(x: string) = x == "zzz"')
    out.append('rule custom.r {\n  for e in head.events\n  where f0(e.name)\n  deny at e "x"\n}')
    return "\n".join(out) + "\n"


def scenario_function_chain(ctx):
    c = ctx.checks
    path = with_pack(ctx, "function-chain", function_chain(10000))
    r = ctx.steward(path, "check", "--no-base")
    c.true(r.code == 2, "exit 2 (not a crash, 139)", r.detail())
    c.true("policy.call-depth" in r.err and "policies/custom.policy:" in r.err
           and "limit: function call depth" in r.err,
           "policy.call-depth at policies/custom.policy:line:col, naming the limit", r.detail())
    r = ctx.steward(path, "test", "policies")
    # `steward test` reports a pack that does not check as an ERROR case (exit 1), not a crash.
    c.true(r.code == 1 and "limit: function call depth" in r.out + r.err,
           "steward test: the case is an ERROR naming the limit", r.detail())
    path = with_pack(ctx, "function-chain-ok", function_chain(10))
    r = ctx.steward(path, "check", "--no-base")
    c.true(r.code in (0, 1), "a chain of 11 functions checks and runs", r.detail())


def scenario_replace(ctx):
    c = ctx.checks
    path = with_pack(ctx, "replace", """pack custom
rule custom.boom {
  let s = "aaaaaaaaaa"
  let s2 = replace(s, "a", s)
  let s3 = replace(s2, "a", s2)
  let s4 = replace(s3, "a", s3)
  let s5 = replace(s4, "a", s4)
  where length(s5) > 0
  deny "{s5}"
}
""")
    r = ctx.steward(path, "check", "--no-base", timeout=60)
    c.true(r.code == 2 and "custom.boom" in r.err and "limit: string size" in r.err,
           "exit 2: the rule fails naming the string size limit", r.detail())


def scenario_file_size(ctx):
    c = ctx.checks
    policy = ('pack custom\nrule custom.r {\n  for e in head.events\n  where e.name == "'
              + "z" * (2 * 1024 * 1024) + '"\n  deny at e "x"\n}\n')
    path = with_pack(ctx, "file-size", policy)
    r = ctx.steward(path, "check", "--no-base")
    c.true(r.code == 2 and "custom.policy" in r.err and "limit: policy file size" in r.err
           and "fix:" in r.err, "exit 2 naming the file, the limit and the fix", r.detail())


def scenario_amplification(ctx):
    c = ctx.checks
    path = ctx.shop("amplification")
    lines = ["kind: event", "name: " + "x" * 10000, "description: d", "owner: team-catalog",
             "sources: [web]", "properties:"]
    lines += [f"  p{i}: {{type: string}}" for i in range(3000)]
    write(path, "tracking-plan/big.yaml", "\n".join(lines) + "\n")
    ctx.commit(path)
    r = ctx.steward(path, "check", "--no-base", "--format", "json", timeout=300)
    findings = r.findings()
    c.true(r.code == 1 and len(findings) >= 3000, "exit 1 with a finding per property",
           f"{len(findings)} findings\n{r.detail()}")
    longest = max((len(f["message"]) for f in findings), default=0)
    c.true(longest < 1000, f"no message repeats the whole name (longest {longest})", r.detail())


SCENARIOS = [scenario_long_name, scenario_redos, scenario_data_pattern, scenario_function_chain,
             scenario_replace, scenario_file_size, scenario_amplification]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steward", required=True, help="the steward binary under test")
    parser.add_argument("--source", required=True, help="steward's source folder")
    parser.add_argument("--keep", action="store_true", help="keep the repositories")
    parser.add_argument("--only", help="run only the scenario of this name")
    args = parser.parse_args()
    args.steward = os.path.abspath(args.steward)
    args.source = os.path.abspath(args.source)
    if shutil.which("git") is None:
        print("SKIP: git is not installed")
        return 77
    root = tempfile.mkdtemp(prefix="steward-policy-limits-")
    ctx = Context(args, root)
    for scenario in SCENARIOS:
        name = scenario.__name__.removeprefix("scenario_").replace("_", "-")
        if args.only and name != args.only:
            continue
        ctx.checks.scenario = name
        try:
            scenario(ctx)
        except Exception as e:  # a broken set-up fails the scenario, not the run
            ctx.checks.true(False, "the scenario ran to its end", f"{type(e).__name__}: {e}")
    c = ctx.checks
    print(f"{c.passed} passed, {c.failed} failed")
    if c.failed or args.keep:
        print(f"repositories kept in {root}")
    else:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
