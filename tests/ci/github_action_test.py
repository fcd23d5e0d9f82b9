#!/usr/bin/env python3
"""ci-templates/github: the composite action, its comment script and the example workflow.

1. Structure (python3-yaml): what GitHub requires of a composite action, the inputs and step ids
   its expressions name, no ${{ }} inside run scripts (inputs reach them through env:, so a branch
   name cannot inject shell), the steps of the contract, the documented permissions; the example
   workflow's trigger, permissions, checkout with fetch-depth 0, and its use of the action.
2. The action run for real, offline, by tests/ci/composite_runner.py: its bash steps on a shallow
   clone of a temporary upstream repository (unshallow, base fetch, merge-base), steward with the
   github, sarif and markdown formats, the step summary, the SARIF handed to upload-sarif, the
   github-script step against a fake GitHub (tests/ci/github_script_harness.js: one comment
   created, then updated in place), and the job's exit code: 1 with findings, 0 when fixed, 2 when
   steward cannot check, and a push (no pull request) with no comment.
"""

import hashlib
import json
import os
import re
import shutil
import tarfile

from ci_common import (Checks, arguments, clean_env, commit_all, copy_tree, git, init_repo,
                       line_of, load_yaml_or_skip, replace_in_file, run, temp_dir)
from composite_runner import EXPRESSION, run_action

MARKER = "<!-- steward:report -->"
CHECKOUT = "tracking-plan/commerce/checkout.yaml"


def expressions(value):
    """Every ${{ }} expression in VALUE (strings, dicts and lists)."""
    if isinstance(value, dict):
        return [e for v in value.values() for e in expressions(v)]
    if isinstance(value, list):
        return [e for v in value for e in expressions(v)]
    return [m.group(1).strip() for m in EXPRESSION.finditer(str(value))] if value else []


def check_action_structure(checks, action, action_text, action_dir, docs):
    checks.check(isinstance(action.get("name"), str) and isinstance(action.get("description"), str),
                 "action.yml: name and description are strings")
    runs = action.get("runs") or {}
    checks.check(runs.get("using") == "composite", "action.yml: runs.using is composite")
    steps = runs.get("steps") or []
    inputs = action.get("inputs") or {}
    for name, spec in inputs.items():
        checks.check(isinstance(spec, dict) and "description" in spec,
                     f"action.yml: input {name} has a description")
    checks.check(inputs.get("base-ref", {}).get("default") == "${{ github.base_ref }}",
                 "action.yml: base-ref defaults to ${{ github.base_ref }}")
    for name in ("working-directory", "fail-on", "args", "comment", "steward"):
        checks.check(name in inputs, f"action.yml: has the input {name}")

    ids = []
    for index, step in enumerate(steps):
        label = step.get("name", f"step {index}")
        checks.check(("run" in step) != ("uses" in step), f"step '{label}': exactly one of run, uses")
        if "run" in step:
            checks.check(step.get("shell") == "bash", f"step '{label}': a run step names its shell")
            checks.check(not EXPRESSION.search(step["run"]),
                         f"step '{label}': no ${{{{ }}}} inside the script (values come through env:)")
        for expression in expressions({k: v for k, v in step.items() if k != "run"}):
            for name in re.findall(r"\binputs\.([\w-]+)", expression):
                checks.check(name in inputs, f"step '{label}': input '{name}' is declared")
            for step_id in re.findall(r"\bsteps\.([\w-]+)\.", expression):
                checks.check(step_id in ids, f"step '{label}': step id '{step_id}' comes earlier")
        if "id" in step:
            ids.append(step["id"])
    for name, spec in (action.get("outputs") or {}).items():
        for step_id in re.findall(r"\bsteps\.([\w-]+)\.", spec.get("value", "")):
            checks.check(step_id in ids, f"output {name}: step id '{step_id}' exists")

    check_step = next((s for s in steps if s.get("id") == "check"), {})
    script = check_step.get("run", "")
    checks.check("--format github" in script and "sarif=" in script and "markdown=" in script
                 and "steward.sarif" in script and "steward-comment.md" in script,
                 "the check step runs steward with --format github, sarif=, markdown=")
    checks.check(not re.search(r"cat [^\n]*>>\s*\"?\$\{?GITHUB_STEP_SUMMARY", script),
                 "the check step leaves the job summary to steward's github format (no duplicate)")
    uses = {s.get("uses", "").split("@")[0]: s for s in steps if "uses" in s}
    upload = uses.get("github/codeql-action/upload-sarif")
    checks.check(upload is not None and "always()" in str(upload.get("if")),
                 "SARIF is uploaded with github/codeql-action/upload-sarif, if: always()")
    comment = uses.get("actions/github-script")
    checks.check(comment is not None and "always()" in str(comment.get("if"))
                 and "inputs.comment" in str(comment.get("if")),
                 "the comment step uses actions/github-script, if: always() and the comment input")
    checks.check(comment is not None and not EXPRESSION.search(comment["with"]["script"]),
                 "the github-script script has no ${{ }} (values come through env:)")
    checks.check(os.path.exists(os.path.join(action_dir, "comment.js")),
                 "comment.js is next to action.yml")
    last = steps[-1] if steps else {}
    checks.check("always()" in str(last.get("if")) and "exit" in last.get("run", ""),
                 "the last step, if: always(), exits with steward's exit code")
    base = next((s for s in steps if s.get("id") == "base"), {}).get("run", "")
    checks.check("--unshallow" in base and "merge-base" in base,
                 "the base step unshallows a shallow clone and computes the merge-base")
    for permission in ("pull-requests: write", "security-events: write"):
        checks.check(permission in action_text, f"action.yml documents the permission {permission}")
        checks.check(permission in docs, f"docs/ci.md documents the permission {permission}")
    checks.check("fetch-depth: 0" in action_text, "action.yml documents fetch-depth: 0")
    checks.check("make release" in action_text and "install-deps" in action_text,
                 "action.yml says that it builds steward (install-deps, make release)")


def check_workflow_structure(checks, workflow, action):
    # PyYAML reads the key `on` as the boolean true (YAML 1.1).
    on = workflow.get("on", workflow.get(True))
    checks.check(isinstance(on, dict) and "pull_request" in on, "example workflow: on: pull_request")
    permissions = workflow.get("permissions") or {}
    checks.check(permissions.get("pull-requests") == "write"
                 and permissions.get("security-events") == "write"
                 and permissions.get("contents") == "read",
                 "example workflow: permissions contents read, pull-requests and security-events write")
    jobs = workflow.get("jobs") or {}
    checks.check(len(jobs) >= 1, "example workflow: has a job")
    for name, job in jobs.items():
        steps = job.get("steps") or []
        checkout = next((i for i, s in enumerate(steps)
                         if str(s.get("uses", "")).startswith("actions/checkout@")), None)
        action_step = next((i for i, s in enumerate(steps)
                            if re.search(r"/ci-templates/github@[\w.-]+$", str(s.get("uses", "")))),
                           None)
        checks.check(checkout is not None
                     and str((steps[checkout].get("with") or {}).get("fetch-depth")) == "0",
                     f"example workflow, job {name}: actions/checkout with fetch-depth: 0")
        checks.check(action_step is not None and checkout is not None and checkout < action_step,
                     f"example workflow, job {name}: uses the action after the checkout")
        if action_step is not None:
            given = set((steps[action_step].get("with") or {}).keys())
            declared = set(action.get("inputs") or {})
            checks.check(given <= declared,
                         f"example workflow, job {name}: passes only declared inputs",
                         sorted(given - declared))


class Scenario:
    """One run of the action: a workspace, the event, the fake GitHub's state."""

    def __init__(self, args, root, name, harness, action, action_dir):
        self.args, self.root, self.name = args, root, name
        self.harness, self.action, self.action_dir = harness, action, action_dir
        self.runner_temp = os.path.join(root, name + "-runner-temp")
        os.makedirs(self.runner_temp)
        self.uploads = []
        self.comment_runs = []

    def uses(self, step, with_values, env):
        target = step["uses"].split("@")[0]
        if target == "github/codeql-action/upload-sarif":
            self.uploads.append(dict(with_values))
            return 0
        if target == "actions/github-script":
            script = os.path.join(self.runner_temp, "github-script.js")
            with open(script, "w") as f:
                f.write(with_values["script"])
            result = run(["node", self.harness, script, self.state_file], env=env)
            self.comment_runs.append(result.stdout + result.stderr)
            return result.returncode
        raise RuntimeError(f"unexpected uses: {step['uses']}")

    def run(self, workspace, inputs, event, state):
        self.state_file = os.path.join(self.runner_temp, "github-state.json")
        with open(self.state_file, "w") as f:
            json.dump(dict(state, payload=event), f)
        github = {"base_ref": event.get("pull_request", {}).get("base", {}).get("ref", ""),
                  "event": event, "token": "fake-token"}
        env = clean_env(HOME=os.path.join(self.root, "home"),
                        RUNNER_TOOL_CACHE=os.path.join(self.root, "tool-cache"))
        result = run_action(self.action, self.action_dir, inputs, github, env, workspace,
                            self.runner_temp, self.uses)
        with open(self.state_file) as f:
            result.github_state = json.load(f)
        result.exit_code = result.steps[-1][2]
        return result


def pull_request_event(number=7):
    return {"pull_request": {"number": number, "base": {"ref": "main"}}}


def run_scenarios(checks, args, action, action_dir, root):
    harness = os.path.join(os.path.dirname(os.path.abspath(__file__)), "github_script_harness.js")
    have_node = shutil.which("node") is not None
    if not have_node:
        print("SKIP (part): node is not installed, so the github-script step is not run")
    os.makedirs(os.path.join(root, "home"))

    # upstream: main A -> C; feature A -> B (a misspelt key), later D (the fix).
    upstream = init_repo(os.path.join(root, "upstream"))
    copy_tree(os.path.join(args.source, "fixtures", "shop"), upstream)
    base_a = commit_all(upstream, "A: the shop")
    git(upstream, "checkout", "-q", "-b", "feature")
    checkout = os.path.join(upstream, CHECKOUT)
    replace_in_file(checkout, "  step: {type: integer, required: true",
                    "  step: {type: integer, requried: true")
    typo_line = line_of(checkout, "requried:")
    commit_all(upstream, "B: a misspelt key")
    git(upstream, "checkout", "-q", "main")
    replace_in_file(os.path.join(upstream, "tracking-plan/commerce/cart.yaml"), "description: ",
                    "description: (main) ")
    main_c = commit_all(upstream, "C: main moves on")

    def fake_steward_input():
        # The action's `steward:` input: the binary under test instead of a build.
        return {"steward": args.steward}

    # 1. A pull request, shallow clone (fetch-depth 1), findings: exit 1, comment created.
    workspace = os.path.join(root, "ws1")
    git(root, "clone", "-q", "--depth", "1", "--branch", "feature", "file://" + upstream, workspace)
    checks.check(git(workspace, "rev-parse", "--is-shallow-repository") == "true",
                 "scenario 1: the workspace is a shallow clone")
    scenario = Scenario(args, root, "pr-findings", harness, action, action_dir)
    state = {"comments": [{"id": 1, "body": "LGTM"}, {"id": 2, "body": "> " + MARKER + " quoted"}]}
    result = scenario.run(workspace, fake_steward_input(), pull_request_event(), state)
    log = "\n".join(f"[{name}] {outcome} {code}\n{result.logs.get(name, '')}"
                    for name, outcome, code in result.steps)
    checks.check(git(workspace, "rev-parse", "--is-shallow-repository") == "false",
                 "scenario 1: the base step unshallowed the clone", log)
    checks.check(result.outputs.get("base-sha") == base_a and base_a != main_c,
                 "scenario 1: base-sha is the merge-base with origin/main, not main's tip", log)
    check_log = result.logs.get("Run steward check", "")
    checks.check(f"--base {base_a}" in check_log, "scenario 1: steward ran with --base <merge-base>",
                 check_log)
    checks.check(f"::error file={CHECKOUT},line={typo_line}," in check_log
                 and "title=schema.unknown-key::" in check_log,
                 "scenario 1: an error annotation on the misspelt key's line", check_log)
    checks.check(result.outputs.get("exit-code") == "1" and result.exit_code == 1,
                 "scenario 1: the job fails with steward's exit code 1", log)
    checks.check(result.summary.count(MARKER) == 1 and "schema.unknown-key" in result.summary,
                 "scenario 1: the job summary holds the report once", result.summary)
    sarif_ok = False
    if len(scenario.uploads) == 1:
        upload = scenario.uploads[0]
        try:
            with open(upload["sarif_file"]) as f:
                sarif = json.load(f)
            sarif_ok = sarif.get("version") == "2.1.0" and upload.get("category") == "steward"
        except (OSError, ValueError):
            pass
    checks.check(sarif_ok, "scenario 1: upload-sarif gets a SARIF 2.1.0 file, category steward",
                 scenario.uploads)
    comments = result.github_state["comments"]
    if have_node:
        ours = [c for c in comments if c["body"].startswith(MARKER)]
        checks.check(len(ours) == 1 and "schema.unknown-key" in ours[0]["body"]
                     and [c["call"] for c in result.github_state["calls"]]
                     == ["listComments", "createComment"],
                     "scenario 1: one comment created, with the marker and the finding",
                     result.github_state)
        checks.check(len(comments) == 3, "scenario 1: the other comments are untouched")

    # 2. The fix pushed, full clone (fetch-depth 0): exit 0, the same comment updated.
    git(upstream, "checkout", "-q", "feature")
    replace_in_file(checkout, "requried:", "required:")
    commit_all(upstream, "D: the fix")
    git(upstream, "checkout", "-q", "main")
    workspace = os.path.join(root, "ws2")
    git(root, "clone", "-q", "file://" + upstream, workspace)
    git(workspace, "checkout", "-q", "feature")
    scenario = Scenario(args, root, "pr-fixed", harness, action, action_dir)
    state = {"comments": comments}
    result = scenario.run(workspace, dict(fake_steward_input(), **{"fail-on": "error"}),
                          pull_request_event(), state)
    log = "\n".join(f"[{name}] {outcome} {code}\n{result.logs.get(name, '')}"
                    for name, outcome, code in result.steps)
    checks.check(result.exit_code == 0 and result.outputs.get("exit-code") == "0",
                 "scenario 2: the fixed pull request passes (exit 0)", log)
    checks.check("--fail-on error" in result.logs.get("Run steward check", ""),
                 "scenario 2: the fail-on input reaches steward")
    checks.check(result.logs.get("Fetch the base of the pull request", "").startswith("base: merge-base"),
                 "scenario 2: a full clone (fetch-depth: 0) is not fetched again",
                 result.logs.get("Fetch the base of the pull request", ""))
    if have_node:
        state = result.github_state
        ours = [c for c in state["comments"] if c["body"].startswith(MARKER)]
        checks.check([c["call"] for c in state["calls"]] == ["listComments", "updateComment"]
                     and len(ours) == 1 and "schema.unknown-key" not in ours[0]["body"],
                     "scenario 2: the one comment is updated in place, no second one", state)
        comments = state["comments"]

    # 3. steward cannot check (a bad fail-on): exit 2, no upload, the comment says so.
    scenario = Scenario(args, root, "pr-error", harness, action, action_dir)
    result = scenario.run(workspace, dict(fake_steward_input(), **{"fail-on": "bogus"}),
                          pull_request_event(), {"comments": comments})
    checks.check(result.exit_code == 2 and result.outputs.get("exit-code") == "2",
                 "scenario 3: steward's exit code 2 fails the job with 2", result.steps)
    checks.check(scenario.uploads == [], "scenario 3: no SARIF, no upload")
    if have_node:
        ours = [c for c in result.github_state["comments"] if c["body"].startswith(MARKER)]
        checks.check(len(ours) == 1 and "could not check" in ours[0]["body"]
                     and "exit code 2" in ours[0]["body"],
                     "scenario 3: the comment says that steward could not check", ours)

    # 4. A fork's read-only token: the comment is a warning, the verdict is steward's.
    scenario = Scenario(args, root, "pr-fork", harness, action, action_dir)
    result = scenario.run(workspace, fake_steward_input(), pull_request_event(),
                          {"comments": [], "fail": 403})
    if have_node:
        checks.check(result.exit_code == 0 and result.github_state["warnings"]
                     and "read-only" in result.github_state["warnings"][0],
                     "scenario 4: a read-only token is a warning; the job passes",
                     (result.steps, result.github_state))

    # 5. A push (no pull request, no base-ref): steward's default base, no comment.
    scenario = Scenario(args, root, "push", harness, action, action_dir)
    result = scenario.run(workspace, fake_steward_input(), {"ref": "refs/heads/feature"},
                          {"comments": []})
    skipped = [name for name, outcome, _ in result.steps if outcome == "skipped"]
    checks.check(result.exit_code == 0 and "Comment on the pull request" in skipped
                 and "--base" not in result.logs.get("Run steward check", ""),
                 "scenario 5: a push is checked with steward's default base, no comment",
                 result.steps)
    run_download_scenarios(checks, args, action, action_dir, root, workspace, harness)


def make_release(releases, version, binary, sha256=None):
    """RELEASES/vVERSION/steward-VERSION-linux-x86_64.tar.gz (+ .sha256), as make dist lays it out."""
    name = f"steward-{version}-linux-x86_64"
    stage = os.path.join(releases, "stage-" + version, name, "bin")
    os.makedirs(stage)
    # A small stand-in that runs the binary under test keeps the archives small (the sanitized
    # binary is large); what is tested here is the download, the check and the cache.
    with open(os.path.join(stage, "steward"), "w") as f:
        f.write(f"#!/bin/sh\nexec '{binary}' \"$@\"\n")
    os.chmod(os.path.join(stage, "steward"), 0o755)
    folder = os.path.join(releases, "v" + version)
    os.makedirs(folder)
    archive = os.path.join(folder, name + ".tar.gz")
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(os.path.dirname(stage), arcname=name)
    with open(archive, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    with open(archive + ".sha256", "w") as f:
        f.write(f"{sha256 or digest}  {name}.tar.gz\n")
    return digest


def run_download_scenarios(checks, args, action, action_dir, root, workspace, harness):
    """6-9: the release download path, against local archives served through file://."""
    releases = os.path.join(root, "releases")
    url = "file://" + releases
    digest = make_release(releases, "9.9.9", args.steward)
    make_release(releases, "9.9.8", args.steward, sha256="0" * 64)
    push = {"ref": "refs/heads/feature"}
    setup = "Set up steward"

    scenario = Scenario(args, root, "download", harness, action, action_dir)
    result = scenario.run(workspace, {"version": "v9.9.9", "release-url": url}, push, {"comments": []})
    cached = os.path.join(root, "tool-cache", "steward", "9.9.9", "x64")
    log = result.logs.get(setup, "")
    checks.check(result.exit_code == 0 and f"downloaded, SHA-256 {digest}" in log
                 and os.path.isfile(cached + ".complete")
                 and os.access(os.path.join(cached, "bin", "steward"), os.X_OK),
                 "scenario 6: the release archive is downloaded, its SHA-256 checked, cached, run",
                 (result.steps, log))
    scenario = Scenario(args, root, "download-cached", harness, action, action_dir)
    result = scenario.run(workspace, {"version": "9.9.9", "release-url": url + "/missing"}, push,
                          {"comments": []})
    checks.check(result.exit_code == 0 and "from the tool cache" in result.logs.get(setup, ""),
                 "scenario 7: a second run takes steward from the tool cache, no download",
                 (result.steps, result.logs.get(setup)))

    scenario = Scenario(args, root, "download-altered", harness, action, action_dir)
    result = scenario.run(workspace, {"version": "9.9.8", "release-url": url}, push, {"comments": []})
    log = result.logs.get(setup, "")
    checks.check(result.exit_code == 2 and "::error title=steward::the SHA-256 of" in log
                 and not os.path.exists(os.path.join(root, "tool-cache", "steward", "9.9.8")),
                 "scenario 8: an archive that does not match its SHA-256 fails (2), is not cached",
                 (result.steps, log))
    make_release(releases, "9.9.7", args.steward)
    scenario = Scenario(args, root, "download-pinned", harness, action, action_dir)
    result = scenario.run(workspace, {"version": "9.9.7", "release-url": url, "sha256": "1" * 64},
                          push, {"comments": []})
    checks.check(result.exit_code == 2 and "not 1111" in result.logs.get(setup, ""),
                 "scenario 8b: the sha256 input pins the archive; another one fails (2)",
                 (result.steps, result.logs.get(setup)))

    with open(os.path.join(args.source, "CMakeLists.txt"), encoding="utf-8") as f:
        version = re.search(r"project\(steward VERSION ([\d.]+)", f.read()).group(1)
    scenario = Scenario(args, root, "download-default", harness, action, action_dir)
    result = scenario.run(workspace, {"release-url": url}, push, {"comments": []})
    log = result.logs.get(setup, "")
    checks.check(result.exit_code == 2
                 and f"cannot download {url}/v{version}/steward-{version}-linux-x86_64.tar.gz" in log,
                 "scenario 9: the default version is the action checkout's own (CMakeLists.txt)",
                 (result.steps, log))


def main():
    args = arguments(__doc__)
    checks = Checks()
    action_dir = os.path.join(args.source, "ci-templates", "github")
    action_path = os.path.join(action_dir, "action.yml")
    action_text = open(action_path, encoding="utf-8").read()
    action = load_yaml_or_skip(action_path)[0]
    workflow = load_yaml_or_skip(os.path.join(action_dir, "example-workflow.yml"))[0]
    docs = open(os.path.join(args.source, "docs", "ci.md"), encoding="utf-8").read()

    check_action_structure(checks, action, action_text, action_dir, docs)
    check_workflow_structure(checks, workflow, action)
    run_scenarios(checks, args, action, action_dir, temp_dir(args.work, "github-action"))
    checks.finish()


if __name__ == "__main__":
    main()
