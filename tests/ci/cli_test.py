#!/usr/bin/env python3
"""The command line people expect (issue 12): --version with the commit, shell completion,
did-you-mean for a mistyped command, examples and exit codes in --help with no build path in the
usage line, --quiet, and FORCE_COLOR / CLICOLOR_FORCE next to NO_COLOR.

Colour is asked of a run whose standard output is a pipe (not a terminal): only the environment
can turn it on there.
"""

import os
import re
import shutil
import subprocess

from ci_common import Checks, arguments, clean_env, run, temp_dir

ANSI = "\x1b["


def main():
    args = arguments(__doc__)
    checks = Checks()
    steward = args.steward

    version = run([steward, "--version"])
    from_git = os.path.exists(os.path.join(args.source, ".git"))
    checks.check(version.returncode == 0
                 and re.fullmatch(r"steward \d+\.\d+\.\d+ \(\S+\)\n", version.stdout) is not None
                 and (not from_git or "(unknown)" not in version.stdout),
                 "--version: the version and the commit it was built from", version.stdout)

    help_text = run([steward, "--help"])
    out = help_text.stdout
    checks.check(help_text.returncode == 0 and out.startswith("steward: ")
                 and "Usage: steward " in out and os.path.dirname(steward) not in out,
                 "--help: the usage line names steward, not the binary's path", out[:300])
    checks.check("Examples:" in out and "steward check --staged" in out
                 and re.search(r"Exit codes:\n\s+0 .*\n\s+1 .*\n\s+2 ", out) is not None,
                 "--help: examples and the exit codes 0, 1, 2", out)

    typo = run([steward, "chek"])
    checks.check(typo.returncode == 2 and "'chek' is not a steward command" in typo.stderr
                 and "did you mean 'check'?" in typo.stderr,
                 "steward chek: exit 2, did you mean 'check'?", typo.stderr)
    far = run([steward, "frobnicate"])
    checks.check(far.returncode == 2 and "did you mean" not in far.stderr
                 # The list grows with every command; it is sorted and starts with cache.
                 and "the commands are cache, " in far.stderr
                 and all(f" {c}," in far.stderr for c in ("check", "completion", "diff")),
                 "steward frobnicate: exit 2 and the list of commands", far.stderr)

    for shell, marker, option in (("bash", "complete -F _steward steward", "--fail-on"),
                                  ("zsh", "#compdef steward", "--fail-on"),
                                  ("fish", "complete -c steward", "-l fail-on")):
        script = run([steward, "completion", shell])
        checks.check(script.returncode == 0 and marker in script.stdout
                     and option in script.stdout and "explain" in script.stdout,
                     f"completion {shell}: commands and their options", script.stdout[:400])
    bash = run([steward, "completion", "bash"]).stdout
    if shutil.which("bash"):
        probe = bash + '\nCOMP_WORDS=(steward ch); COMP_CWORD=1; _steward; echo "${COMPREPLY[*]}"\n' \
            'COMP_WORDS=(steward check --fa); COMP_CWORD=2; _steward; echo "${COMPREPLY[*]}"\n'
        result = subprocess.run(["bash", "--norc", "-c", probe], capture_output=True, text=True)
        checks.check(result.stdout.split("\n")[:2] == ["check", "--fail-on"],
                     "the bash completion completes `ch` and `check --fa`", result.stdout + result.stderr)
    bad_shell = run([steward, "completion", "powershell"])
    checks.check(bad_shell.returncode == 2, "completion powershell: exit 2", bad_shell.stderr)

    work = temp_dir(args.work, "cli")
    shop = os.path.join(work, "shop")
    shutil.copytree(os.path.join(args.source, "fixtures", "shop"), shop)
    broken = os.path.join(work, "broken")
    shutil.copytree(os.path.join(args.source, "fixtures", "broken", "unknown-key"), broken)
    check = ["check", "--no-base", "--format", "text", "-C"]

    quiet = run([steward, *check, shop, "--quiet"])
    checks.check(quiet.returncode == 0 and quiet.stdout == "",
                 "--quiet: nothing on standard output when the check passes", quiet.stdout)
    report = os.path.join(work, "report.json")
    quiet = run([steward, *check, shop, "-q", "--format", "json=" + report])
    checks.check(quiet.returncode == 0 and quiet.stdout == "" and os.path.getsize(report) > 0,
                 "--quiet: report files are still written", quiet.stdout)
    loud = run([steward, *check, broken, "--quiet"])
    checks.check(loud.returncode == 1 and "schema.unknown-key" in loud.stdout,
                 "--quiet: a failing check prints its findings", loud.stdout)

    def colored(**env):
        base = clean_env()
        base.pop("NO_COLOR", None)
        base.update(env)
        return ANSI in run([steward, *check, broken], env=base).stdout

    checks.check(not colored(), "no colour on a pipe by default")
    checks.check(colored(FORCE_COLOR="1"), "FORCE_COLOR=1 turns colour on off a terminal")
    checks.check(colored(CLICOLOR_FORCE="1"), "CLICOLOR_FORCE=1 turns colour on off a terminal")
    checks.check(not colored(CLICOLOR_FORCE="0"), "CLICOLOR_FORCE=0 does not")
    checks.check(not colored(FORCE_COLOR="1", NO_COLOR="1"), "NO_COLOR wins over FORCE_COLOR")
    checks.finish()


if __name__ == "__main__":
    main()
