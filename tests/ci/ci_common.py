"""Shared helpers of the CI-template tests: arguments, temporary git repositories, checks.

Every test script is called by CTest as
    python3 SCRIPT --steward STEWARD_BINARY --source SOURCE_DIR --work WORK_DIR
and prints one line per check, then 'N passed, N failed'. It exits 0 when every check passed,
1 when one failed, and 77 (CTest's SKIP_RETURN_CODE here) when it could not run at all.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


class Checks:
    """Counts checks; a failed one is reported but does not stop the script."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, condition, what, detail=""):
        if condition:
            self.passed += 1
            print(f"ok: {what}")
        else:
            self.failed += 1
            print(f"FAILED: {what}")
            if detail:
                print("  " + str(detail).replace("\n", "\n  "))
        return condition

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        if not self.failed:
            # Kept after a failure, for a look; removed when everything passed.
            for path in _temp_dirs:
                shutil.rmtree(path, ignore_errors=True)
        sys.exit(1 if self.failed else 0)


_temp_dirs = []


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--steward", required=True, help="the steward binary")
    parser.add_argument("--source", required=True, help="steward's source folder")
    parser.add_argument("--work", required=True, help="a folder for temporary files")
    args = parser.parse_args()
    args.steward = os.path.abspath(args.steward)
    args.source = os.path.abspath(args.source)
    os.makedirs(args.work, exist_ok=True)
    return args


def temp_dir(work, name):
    """A fresh temporary folder below WORK (kept out of /tmp so that a failure can be inspected)."""
    os.makedirs(work, exist_ok=True)
    path = tempfile.mkdtemp(prefix=name + "-", dir=work)
    _temp_dirs.append(path)
    return path


def clean_env(**extra):
    """The environment for git and steward: no CI variables of the machine running the tests, a
    fixed author, no global git configuration, no colour."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "GITHUB_", "CI_", "RUNNER_", "PRE_COMMIT"))
           and k not in ("CI", "GITLAB_CI", "GITHUB_ACTIONS")}
    env.update({
        "GIT_AUTHOR_NAME": "steward test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "steward test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
        "NO_COLOR": "1", "LC_ALL": "C.UTF-8",
    })
    env.update(extra)
    return env


def run(cmd, cwd=None, env=None, check=False, timeout=60, input=None):
    result = subprocess.run(cmd, cwd=cwd, env=env if env is not None else clean_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            timeout=timeout, input=input)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {result.returncode}\n"
                           f"{result.stdout}\n{result.stderr}")
    return result


def git(repo, *args, env=None):
    return run(["git", "-C", repo, *args], env=env, check=True).stdout.strip()


def init_repo(path, branch="main"):
    os.makedirs(path, exist_ok=True)
    git(path, "init", "-q", "-b", branch)
    git(path, "config", "commit.gpgsign", "false")
    return path


def commit_all(repo, message):
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def copy_tree(src, dst):
    shutil.copytree(src, dst, dirs_exist_ok=True)


def replace_in_file(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        raise RuntimeError(f"{path}: '{old}' not found")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def line_of(path, needle):
    """The 1-based number of the first line of PATH that contains NEEDLE."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if needle in line:
                return number
    raise RuntimeError(f"{path}: '{needle}' not found")


def load_yaml_or_skip(path, checks=None):
    """The YAML documents of PATH (python3-yaml, listed in scripts/install-deps)."""
    try:
        import yaml
    except ImportError:
        print("SKIP: python3-yaml is not installed (scripts/install-deps --with-tests installs it)")
        sys.exit(SKIP)
    with open(path, encoding="utf-8") as f:
        return list(yaml.safe_load_all(f))
