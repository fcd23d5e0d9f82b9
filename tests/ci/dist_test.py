#!/usr/bin/env python3
"""The portable release archive (make dist) works on a host that has nothing but the C library.

    dist_test.py --archive dist/steward-VERSION-linux-x86_64.tar.gz --source SOURCE --work WORK

Checks: the .sha256 file matches the archive; the archive holds bin/steward; `ldd` lists only
glibc (libstdc++, libgcc and every other library are linked in); the newest GLIBC_ symbol version
it needs is at most 2.35 (ubuntu-22.04's glibc); `--version` names the version and the commit;
`steward check` on a copy of fixtures/shop outside git passes with an empty environment (env -i)
and with no network (unshare -rn, when the kernel allows it); the .deb next to the archive holds
usr/bin/steward and depends on libc6 only.

Exit 77 (skipped) when the archive does not exist: `make dist` builds it (`make dist-test` runs both).
"""

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

from ci_common import SKIP, Checks

# The C runtime: everything else must be inside the binary.
GLIBC = re.compile(r"^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|ld-linux-x86-64\.so\.2"
                   r"|lib(c|m|pthread|dl|rt)\.so\.\d+)$")
OLDEST_GLIBC = (2, 35)  # ubuntu-22.04


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=120, **kwargs)


def glibc_versions(binary):
    dump = run(["objdump", "-T", binary]).stdout
    return sorted({tuple(int(p) for p in v.split(".")) for v in re.findall(r"GLIBC_([\d.]+)", dump)})


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--archive", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    if not os.path.exists(args.archive):
        print(f"SKIP: {args.archive} does not exist; `make dist` builds it")
        sys.exit(SKIP)
    checks = Checks()
    os.makedirs(args.work, exist_ok=True)
    work = tempfile.mkdtemp(prefix="dist-", dir=os.path.abspath(args.work))

    with open(args.archive + ".sha256", encoding="utf-8") as f:
        expected_sum, name = f.read().split()
    with open(args.archive, "rb") as f:
        actual_sum = hashlib.sha256(f.read()).hexdigest()
    checks.check(expected_sum == actual_sum and name == os.path.basename(args.archive),
                 "the .sha256 file names the archive and matches it", (expected_sum, actual_sum))

    with tarfile.open(args.archive) as tar:
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(work, **safe)
    top = os.path.basename(args.archive)[: -len(".tar.gz")]
    binary = os.path.join(work, top, "bin", "steward")
    if not checks.check(os.access(binary, os.X_OK), f"the archive holds {top}/bin/steward"):
        checks.finish()

    ldd = run(["ldd", binary]).stdout
    libraries = [line.split()[0] for line in ldd.splitlines() if line.strip()]
    checks.check(all(GLIBC.match(lib) for lib in libraries) or "not a dynamic" in ldd,
                 "ldd: the binary needs nothing but glibc", ldd)
    versions = glibc_versions(binary)
    newest = versions[-1] if versions else (0,)
    checks.check(newest <= OLDEST_GLIBC, f"the newest GLIBC_ symbol version is "
                 f"{'.'.join(map(str, newest))}, at most 2.35 (ubuntu-22.04)")

    version = run(["env", "-i", binary, "--version"])
    checks.check(version.returncode == 0 and re.fullmatch(r"steward \d+\.\d+\.\d+ \(\S+\)\n",
                                                         version.stdout),
                 "env -i steward --version: the version and the commit", version.stdout + version.stderr)

    shop = os.path.join(work, "shop")
    shutil.copytree(os.path.join(args.source, "fixtures", "shop"), shop)
    # Without a static simdjson the archive leaves out the traffic commands: they say so, exit 2.
    validate = run(["env", "-i", binary, "validate", "-C", shop, "events.jsonl"])
    checks.check(validate.returncode == 2 and "not part of this build" in validate.stderr
                 and "docs/install.md" in validate.stderr,
                 "env -i steward validate: exit 2, not in this build, where to get it",
                 validate.stdout + validate.stderr)
    check = run(["env", "-i", binary, "check", "--no-base", "-C", shop, "--format", "json"])
    checks.check(check.returncode == 0 and '"version": 1' in check.stdout,
                 "env -i steward check on fixtures/shop passes (exit 0, a JSON report)",
                 check.stdout[-2000:] + check.stderr)
    # The heap in transparent huge pages when asked (engine/cli/huge_page_heap.cpp), where the
    # kernel gives them to programs that ask: linked statically, tcmalloc once ignored the
    # allocator it was given. STEWARD_HUGE_PAGES=1 asks whatever the host (host_memory.h). 1,000
    # events make tcmalloc grow its heap past what it took before main.
    thp = "/sys/kernel/mm/transparent_hugepage/enabled"
    mode = open(thp).read() if os.path.exists(thp) else ""
    if "[always]" in mode or "[madvise]" in mode:
        events = os.path.join(work, "events-1000")
        run([sys.executable, os.path.join(args.source, "tests", "bench", "generate_repository.py"),
             events, "--events", "1000"])
        stats = run(["env", "-i", "STEWARD_HUGE_PAGES=1", binary, "check", "--no-base", "-C",
                     events, "--no-cache", "--stats", "--format", "json=/dev/null"])
        huge = re.search(r"in transparent huge pages now ([0-9.]+) MiB; huge pages asked",
                         stats.stderr)
        checks.check(huge is not None and float(huge.group(1)) > 0,
                     "the archive's steward, asked, keeps its heap in transparent huge pages",
                     stats.stderr[-2000:])
    if run(["unshare", "-rn", "true"]).returncode == 0:
        offline = run(["unshare", "-rn", "env", "-i", binary, "check", "--no-base", "-C", shop])
        checks.check(offline.returncode == 0, "steward check passes with no network (unshare -rn)",
                     offline.stdout[-2000:] + offline.stderr)

    debs = [f for f in os.listdir(os.path.dirname(os.path.abspath(args.archive)))
            if f.endswith(".deb")]
    if checks.check(len(debs) == 1, "one .deb next to the archive", debs):
        deb = os.path.join(os.path.dirname(os.path.abspath(args.archive)), debs[0])
        contents = run(["dpkg-deb", "-c", deb]).stdout
        depends = run(["dpkg-deb", "-f", deb, "Depends"]).stdout.strip()
        checks.check("./usr/bin/steward" in contents, "the .deb installs /usr/bin/steward", contents)
        checks.check(re.fullmatch(r"libc6( \(>= [\d.]+\))?", depends) is not None,
                     "the .deb depends on libc6 only", depends)
    checks.finish()


if __name__ == "__main__":
    main()
