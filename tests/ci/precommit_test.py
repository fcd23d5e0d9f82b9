#!/usr/bin/env python3
"""The pre-commit hook of .pre-commit-hooks.yaml, run for real with pre-commit, offline.

A temporary hooks repository holds the project's .pre-commit-hooks.yaml (try-repo and
`repo:` need a git repository); a temporary customer-data repository holds a copy of
fixtures/shop; a wrapper `steward` on PATH runs the binary under test (the hook is
`language: system`, so pre-commit installs nothing and needs no network). Checks:
  - try-repo: the hook runs for every kind of file steward reads (an extensionless Iglu schema,
    a symbolic link), never Skipped; a good staged change passes; a misspelt key (`requried:`) staged is blocked, with
    file:line in the output; a mistake left unstaged does not block good staged changes;
  - `pre-commit install`, then `git commit`: a dangling team reference is refused (HEAD does not
    move), the fixed change is committed.
"""

import os
import re
import shutil
import stat

from ci_common import (SKIP, Checks, arguments, clean_env, commit_all, copy_tree, git, init_repo,
                       line_of, replace_in_file, run, temp_dir)

CHECKOUT = "tracking-plan/commerce/checkout.yaml"
GOOD_LINE = "  is_guest: {type: boolean, required: true, pii: none}"
TYPO_BEFORE = "  step: {type: integer, required: true"
TYPO_AFTER = "  step: {type: integer, requried: true"


def check_docker_hook(checks, source, manifest):
    """The docker_image hook runs the release image of this revision's version, like the system
    hook. (No Docker engine runs here: its structure is checked, not a run.)"""
    import yaml
    with open(manifest, encoding="utf-8") as f:
        hooks = {hook["id"]: hook for hook in yaml.safe_load(f)}
    with open(os.path.join(source, "CMakeLists.txt"), encoding="utf-8") as f:
        version = re.search(r"project\(steward VERSION ([\d.]+)", f.read()).group(1)
    system, docker = hooks.get("steward", {}), hooks.get("steward-docker", {})
    checks.check(system.get("language") == "system", "the steward hook stays language: system")
    image, _, args = docker.get("entry", "").partition(" ")
    checks.check(docker.get("language") == "docker_image" and image.endswith(f"/steward:{version}"),
                 f"the steward-docker hook runs the release image steward:{version}", docker)
    checks.check(args == system.get("entry", "").partition(" ")[2] and all(
        docker.get(k) == system.get(k)
        for k in ("files", "types", "types_or", "pass_filenames", "require_serial")),
                 "the docker hook runs what the system hook runs, on the same files")


def main():
    args = arguments(__doc__)
    checks = Checks()
    if shutil.which("pre-commit") is None:
        print("SKIP: pre-commit is not installed (scripts/install-deps --with-tests installs it)")
        raise SystemExit(SKIP)
    root = temp_dir(args.work, "pre-commit")

    manifest = os.path.join(args.source, ".pre-commit-hooks.yaml")
    result = run(["pre-commit", "validate-manifest", manifest], env=clean_env(
        PRE_COMMIT_HOME=os.path.join(root, "pre-commit-home")))
    checks.check(result.returncode == 0, "pre-commit validate-manifest .pre-commit-hooks.yaml",
                 result.stdout + result.stderr)
    check_docker_hook(checks, args.source, manifest)

    # The hooks repository: the project's .pre-commit-hooks.yaml, committed.
    hooks = init_repo(os.path.join(root, "hooks"))
    shutil.copy(os.path.join(args.source, ".pre-commit-hooks.yaml"), hooks)
    hooks_rev = commit_all(hooks, "hooks")

    # `steward` on PATH: a wrapper around the binary under test.
    bin_dir = os.path.join(root, "bin")
    os.makedirs(bin_dir)
    wrapper = os.path.join(bin_dir, "steward")
    with open(wrapper, "w") as f:
        f.write(f'#!/bin/sh\nexec "{args.steward}" "$@"\n')
    os.chmod(wrapper, os.stat(wrapper).st_mode | stat.S_IEXEC)

    # No network: an unreachable proxy makes any attempt fail fast instead of succeeding quietly.
    env = clean_env(PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
                    PRE_COMMIT_HOME=os.path.join(root, "pre-commit-home"),
                    HOME=os.path.join(root, "home"),
                    http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9",
                    HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9")
    os.makedirs(env["HOME"])

    data = init_repo(os.path.join(root, "data"))
    copy_tree(os.path.join(args.source, "fixtures", "shop"), data)
    commit_all(data, "the shop")
    checkout = os.path.join(data, CHECKOUT)

    def try_repo():
        return run(["pre-commit", "try-repo", hooks, "steward", "--ref", hooks_rev],
                   cwd=data, env=env, timeout=120)

    # (a0) Files steward reads that have no .yaml/.json name: the hook must run, not be Skipped.
    iglu = os.path.join(data, "schemas/com.acme/link_clicked/jsonschema")
    copy_tree(os.path.join(args.source, "fixtures/formats/iglu/schemas/com.acme/link_clicked/"
                           "jsonschema"), iglu)
    git(data, "add", "schemas")
    result = try_repo()
    out = result.stdout + result.stderr
    checks.check("Skipped" not in out and ("Passed" in out or "Failed" in out),
                 "try-repo: a staged Iglu schema (jsonschema/1-0-0, no extension) runs the hook",
                 out)
    git(data, "commit", "-q", "-m", "iglu schemas")
    os.symlink("commerce/checkout.yaml", os.path.join(data, "tracking-plan/checkout-link.yaml"))
    git(data, "add", "tracking-plan/checkout-link.yaml")
    result = try_repo()
    out = result.stdout + result.stderr
    checks.check("Skipped" not in out and ("Passed" in out or "Failed" in out),
                 "try-repo: a staged symbolic link named *.yaml runs the hook", out)
    git(data, "rm", "-q", "--cached", "tracking-plan/checkout-link.yaml")
    os.remove(os.path.join(data, "tracking-plan/checkout-link.yaml"))

    # (a) A good staged change: a new property, classified.
    replace_in_file(checkout, GOOD_LINE, GOOD_LINE + "\n  gift_wrap: {type: boolean, pii: none}")
    git(data, "add", CHECKOUT)
    result = try_repo()
    out = result.stdout + result.stderr
    checks.check(result.returncode == 0, "try-repo: a good staged change passes (exit 0)", out)
    checks.check("Passed" in out and "Skipped" not in out,
                 "try-repo: the hook ran on the staged YAML file (Passed, not Skipped)", out)

    # (b) A misspelt key, staged: blocked, and the output names file:line.
    replace_in_file(checkout, TYPO_BEFORE, TYPO_AFTER)
    git(data, "add", CHECKOUT)
    typo_line = line_of(checkout, "requried:")
    result = try_repo()
    out = result.stdout + result.stderr
    checks.check(result.returncode != 0, "try-repo: a staged misspelt key is blocked (non-zero)", out)
    checks.check(f"{CHECKOUT}:{typo_line}:" in out and "schema.unknown-key" in out,
                 f"try-repo: the output names {CHECKOUT}:{typo_line} and schema.unknown-key", out)
    checks.check("Failed" in out, "try-repo: pre-commit reports the hook as Failed", out)

    # (c) The mistake left in the work tree but not staged: the staged (good) change passes.
    git(data, "reset", "-q", "--", CHECKOUT)
    replace_in_file(checkout, TYPO_AFTER, TYPO_BEFORE)
    git(data, "add", CHECKOUT)
    replace_in_file(checkout, TYPO_BEFORE, TYPO_AFTER)
    result = try_repo()
    out = result.stdout + result.stderr
    checks.check(result.returncode == 0,
                 "try-repo: an unstaged mistake does not block good staged changes", out)
    checks.check(TYPO_AFTER in open(checkout).read(),
                 "try-repo: the unstaged change is back in the work tree afterwards")
    replace_in_file(checkout, TYPO_AFTER, TYPO_BEFORE)
    git(data, "add", CHECKOUT)
    git(data, "commit", "-q", "-m", "gift wrap")

    # (d) The hook installed: `git commit` itself is refused.
    with open(os.path.join(data, ".pre-commit-config.yaml"), "w") as f:
        f.write(f"repos:\n  - repo: {hooks}\n    rev: {hooks_rev}\n    hooks:\n"
                f"      - id: steward\n")
    git(data, "add", ".pre-commit-config.yaml")
    git(data, "commit", "-q", "-m", "pre-commit configuration")
    result = run(["pre-commit", "validate-config", ".pre-commit-config.yaml"], cwd=data, env=env)
    checks.check(result.returncode == 0, "pre-commit validate-config of the documented configuration",
                 result.stdout + result.stderr)
    result = run(["pre-commit", "install"], cwd=data, env=env)
    checks.check(result.returncode == 0 and os.path.exists(os.path.join(data, ".git/hooks/pre-commit")),
                 "pre-commit install writes .git/hooks/pre-commit", result.stdout + result.stderr)

    head_before = git(data, "rev-parse", "HEAD")
    replace_in_file(checkout, "owner: team-checkout", "owner: team-chekout")
    git(data, "add", CHECKOUT)
    team_line = line_of(checkout, "team-chekout")
    result = run(["git", "commit", "-m", "a dangling owner"], cwd=data, env=env, timeout=120)
    out = result.stdout + result.stderr
    checks.check(result.returncode != 0, "git commit: a dangling team reference is refused", out)
    checks.check(git(data, "rev-parse", "HEAD") == head_before, "git commit: HEAD did not move")
    checks.check(f"{CHECKOUT}:{team_line}:" in out and "reference.unknown-team" in out,
                 f"git commit: the output names {CHECKOUT}:{team_line} and reference.unknown-team", out)

    replace_in_file(checkout, "owner: team-chekout", "owner: team-checkout")
    replace_in_file(checkout, "description: A shopper opened the checkout from the cart.",
                    "description: A shopper opened the checkout.")
    git(data, "add", CHECKOUT)
    result = run(["git", "commit", "-m", "a shorter description"], cwd=data, env=env, timeout=120)
    out = result.stdout + result.stderr
    checks.check(result.returncode == 0 and git(data, "rev-parse", "HEAD") != head_before,
                 "git commit: the fixed change is committed", out)

    checks.finish()


if __name__ == "__main__":
    main()
