#!/usr/bin/env python3
"""ci-templates/docker/Dockerfile, checked by its structure (no Docker engine runs here, and
hadolint is not in Debian): a multi-stage build on Debian bookworm whose final stage holds the
binary from the build stage, runs as a non-root user in /repo with steward as its entry point,
installs packages without recommends and drops apt's lists. The build stage makes the release
archive with `make dist` (the binary the image runs is the one released).
"""

import json
import os
import re

from ci_common import Checks, arguments


def instructions(text):
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    out, pending = [], ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        pending += line.rstrip("\\").strip() + " " if line.endswith("\\") else line.strip()
        if not line.endswith("\\"):
            keyword, _, rest = pending.partition(" ")
            out.append((keyword.upper(), rest.strip()))
            pending = ""
    return out


def stages(steps):
    out = []
    for keyword, rest in steps:
        if keyword == "FROM":
            out.append({"from": rest, "steps": []})
        elif out:
            out[-1]["steps"].append((keyword, rest))
    return out


def main():
    args = arguments(__doc__)
    checks = Checks()
    docker_dir = os.path.join(args.source, "ci-templates", "docker")
    with open(os.path.join(docker_dir, "Dockerfile"), encoding="utf-8") as f:
        parsed = stages(instructions(f.read()))
    checks.check(len(parsed) >= 2, "a multi-stage build", len(parsed))
    checks.check(all(re.match(r"debian:bookworm(-slim)?(@sha256:\w+)?( AS \w+)?$", s["from"], re.I)
                     for s in parsed), "every stage is Debian bookworm", [s["from"] for s in parsed])
    build, final = parsed[0], parsed[-1]
    build_runs = " ".join(rest for keyword, rest in build["steps"] if keyword == "RUN")
    checks.check("make dist" in build_runs and "scripts/install-deps" in build_runs,
                 "the build stage runs scripts/install-deps and make dist")
    name = build["from"].split()[-1]
    copies = [rest for keyword, rest in final["steps"] if keyword == "COPY"]
    checks.check(copies == [f"--from={name} /usr/local/bin/steward /usr/local/bin/steward"],
                 "the final stage copies the binary alone from the build stage", copies)
    users = [rest for keyword, rest in final["steps"] if keyword == "USER"]
    checks.check(len(users) == 1 and users[0] not in ("root", "0") and not users[0].startswith("0:"),
                 "the final stage runs as a non-root user", users)
    workdirs = [rest for keyword, rest in final["steps"] if keyword == "WORKDIR"]
    checks.check(workdirs[-1:] == ["/repo"], "the final stage works in /repo", workdirs)
    entry = [rest for keyword, rest in final["steps"] if keyword == "ENTRYPOINT"]
    checks.check(len(entry) == 1 and json.loads(entry[0]) == ["steward"],
                 "ENTRYPOINT [\"steward\"] (exec form)", entry)
    for stage in parsed:
        for keyword, rest in stage["steps"]:
            if keyword == "RUN" and "apt-get install" in rest:
                checks.check("--no-install-recommends" in rest and "rm -rf /var/lib/apt/lists" in rest,
                             "apt-get install without recommends, lists removed")
    checks.check(all(k != "ADD" for s in parsed for k, _ in s["steps"]), "COPY, not ADD")
    checks.check(os.path.exists(os.path.join(docker_dir, "Dockerfile.dockerignore")),
                 "Dockerfile.dockerignore keeps build/, dist/ and .git out of the context")
    checks.finish()


if __name__ == "__main__":
    main()
