#!/usr/bin/env python3
"""The benchmarks of issue 11, each figure printed next to its target (docs/benchmarks.md).

    run_benchmarks.py --steward PATH --work DIR [--spectral-dir DIR] [--events 20000]

Runs: `check --base main --head change` on a generated repository with a 3-file change, cold
(empty cache), warm (second run: the check's outcome comes from the cache) and warm with a new
head commit (same base, 3 more files changed: parses and base's findings come from the cache),
with peak resident memory; `check --staged` on 1,000
events, warm; and Spectral beside steward with the same four rules over the same event files.
Without npm the Spectral part says so and the rest still runs.
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import time

BENCH = pathlib.Path(__file__).resolve().parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))  # runs per figure; the best counts
MIB_IN_MB = 1.048576  # the memory target is in MB (10^6 bytes), as the issue states it


CPU = {}  # the processor time (user + system) of the last run of each command, by run()


def run(command, cwd=None, env=None):
    """One run: (wall seconds, peak RSS in MiB, stderr). Exit codes 0 and 1 are results. The
    run's processor time is kept in CPU["last"]: on a shared machine it is the figure that
    compares, when the wall time also counts the other builds' share of the cores."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    CPU["last"] = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(map(str, command))}: exit code {code}\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024, stderr


def best_of(command, before=None, cwd=None):
    """The best wall time of RUNS runs, the largest peak memory, and the best run's stats lines.
    CPU["best"] is the processor time of that best run."""
    best, peak, stats = None, 0.0, []
    for _ in range(RUNS):
        if before:
            before()
        elapsed, rss, stderr = run(command, cwd=cwd)
        peak = max(peak, rss)
        if best is None or elapsed < best:
            best = elapsed
            CPU["best"] = CPU["last"]
            stats = [line for line in stderr.splitlines() if line.startswith("stats:")]
    return best, peak, stats


def figure(name, value, unit, target, at_most=True, cpu=None):
    ok = value <= target if at_most else value >= target
    sign = "<=" if at_most else ">="
    extra = f"  (cpu {cpu:.2f} s)" if cpu is not None else ""
    print(f"  {name:<44} {value:9.2f} {unit:<4} target {sign} {target:g} {unit:<4} "
          f"{'ok' if ok else 'MISSED'}{extra}")


def load_average():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def generate(folder, events, changed=3):
    """The generated repository in `folder`; one generated there before is reused."""
    if (folder / ".git").is_dir():
        return
    subprocess.run([sys.executable, str(BENCH / "generate_repository.py"), str(folder),
                    "--events", str(events), "--changed", str(changed)], check=True)


def new_head_commit(repo, number, changed=3):
    """A new commit on top of `change` that edits `changed` other event files: the next push to
    a pull request whose base stays where it was."""
    subprocess.run(["git", "checkout", "-q", "-B", f"push-{number}", "change"], cwd=repo,
                   check=True)
    events = sorted((repo / "tracking-plan").rglob("event_*.yaml"))
    token = time.time_ns()  # new content each time, so that a rerun never meets its own outcome
    for event in events[number * changed:(number + 1) * changed]:
        with open(event, "a") as f:
            f.write(f"  pushed_{number}_{token}: {{type: boolean, pii: none}}\n")
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com",
                    "commit", "-q", "-am", f"push {number}"], cwd=repo, check=True)
    subprocess.run(["git", "checkout", "-q", "change"], cwd=repo, check=True)
    return f"push-{number}"


def check_base_head(steward, repo):
    print(f"\n== check --base main --head change: {repo.name}, 3 files changed")
    command = [steward, "check", "-C", repo, "--base", "main", "--head", "change", "--stats",
               "--format", "json=/dev/null"]
    clear = lambda: subprocess.run([steward, "cache", "clear", "-C", repo], check=True,
                                   stdout=subprocess.DEVNULL)
    cold, cold_rss, cold_stats = best_of(command, before=clear)
    cold_cpu = CPU["best"]
    run(command)  # fills the cache
    warm, warm_rss, warm_stats = best_of(command)
    warm_cpu = CPU["best"]
    # The next push: same base, a new head commit. Each run is a new commit (a commit checked
    # twice would be the warm case above): parses and base's findings come from the cache, the
    # outcome cannot.
    pushed, pushed_cpu, pushed_rss, pushed_stats = None, None, 0.0, []
    for number in range(RUNS):
        head = new_head_commit(repo, number)
        elapsed, rss, stderr = run(command[:7] + [head] + command[8:])
        pushed_rss = max(pushed_rss, rss)
        if pushed is None or elapsed < pushed:
            pushed, pushed_cpu = elapsed, CPU["last"]
            pushed_stats = [line for line in stderr.splitlines() if line.startswith("stats:")]
    figure("cold (empty cache), wall", cold, "s", 2.0, cpu=cold_cpu)
    figure("warm (second run: the outcome cached), wall", warm, "s", 0.5, cpu=warm_cpu)
    figure("warm, new head commit (3 more files), wall", pushed, "s", 0.5, cpu=pushed_cpu)
    figure("peak resident memory", max(cold_rss, warm_rss, pushed_rss) * MIB_IN_MB, "MB", 400)
    for label, stats in (("cold", cold_stats), ("warm", warm_stats), ("new head", pushed_stats)):
        for line in stats:
            print(f"    {label} {line}")


def check_staged(steward, repo):
    print(f"\n== check --staged: {repo.name}, one file staged")
    event = next((repo / "tracking-plan").rglob("event_*.yaml"))
    with open(event, "a") as f:
        f.write("  staged_flag: {type: boolean, pii: none}\n")
    subprocess.run(["git", "add", str(event)], cwd=repo, check=True)
    command = [steward, "check", "-C", repo, "--staged", "--stats", "--format", "json=/dev/null"]
    run(command)  # fills the cache
    warm, rss, stats = best_of(command)
    figure("staged, warm, wall", warm, "s", 0.150, cpu=CPU["best"])
    print(f"    peak resident memory {rss:.0f} MiB")
    for line in stats:
        print(f"    {line}")


def install_spectral(folder):
    """Spectral's CLI in `folder` (npm install --prefix), or None when npm is missing."""
    spectral = folder / "node_modules" / ".bin" / "spectral"
    if spectral.exists():
        return spectral
    if not shutil.which("npm") or not shutil.which("node"):
        return None
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund",
                    "@stoplight/spectral-cli@6"], check=True, stdout=subprocess.DEVNULL)
    return spectral


def steward_versus_spectral(steward, repo, spectral_dir):
    print(f"\n== the same four rules over the event files of {repo.name}: steward and Spectral")
    shutil.copytree(BENCH / "four-rules", repo / "bench-pack", dirs_exist_ok=True)
    (repo / "steward.yaml").write_text("paths: [tracking-plan]\npacks: [./bench-pack]\n")
    command = [steward, "check", "-C", repo, "--no-base", "--stats", "--format", "json=/dev/null"]
    clear = lambda: subprocess.run([steward, "cache", "clear", "-C", repo], check=True,
                                   stdout=subprocess.DEVNULL)
    cold, _, _ = best_of(command, before=clear)
    cold_cpu = CPU["best"]
    warm, _, warm_stats = best_of(command)
    warm_cpu = CPU["best"]
    print(f"  steward cold {cold:.2f} s (cpu {cold_cpu:.2f} s), warm {warm:.2f} s "
          f"(cpu {warm_cpu:.2f} s)")
    for line in warm_stats:
        print(f"    warm {line}")
    spectral = install_spectral(spectral_dir)
    if spectral is None:
        print("  Spectral: skipped, npm or node is not installed (the steward figures above stand)")
        return
    shutil.copy(BENCH / "spectral-no-refs.js", spectral_dir / "spectral-no-refs.js")
    command = ["node", spectral, "lint", "--ruleset", BENCH / "spectral-ruleset.yaml",
               "--resolver", spectral_dir / "spectral-no-refs.js", "--quiet",
               "--format", "json", "--output", "/dev/null", "tracking-plan/*/event_*.yaml"]
    first, _, _ = run(command, cwd=repo)
    first_cpu = CPU["last"]
    second, _, _ = run(command, cwd=repo)
    other = min(first, second)
    other_cpu = first_cpu if first <= second else CPU["last"]
    print(f"  Spectral {other:.2f} s (cpu {other_cpu:.2f} s; best of 2: it keeps nothing between "
          "runs)")
    figure("Spectral / steward cold", other / cold, "x", 8, at_most=False)
    figure("Spectral / steward warm", other / warm, "x", 25, at_most=False)
    print(f"  (by processor time: {other_cpu / cold_cpu:.1f}x cold, {other_cpu / warm_cpu:.1f}x "
          "warm)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steward", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--spectral-dir", default="build/spectral")
    parser.add_argument("--events", type=int, default=20000)
    args = parser.parse_args()
    print(f"load average at the start: {load_average()} (wall times on a loaded machine are "
          "longer than the processor times shown next to them)")
    steward = str(pathlib.Path(args.steward).resolve())
    work = pathlib.Path(args.work)
    large = work / f"events-{args.events}"
    generate(large, args.events)
    check_base_head(steward, large)
    small = work / "events-1000"
    generate(small, 1000)
    check_staged(steward, small)
    steward_versus_spectral(steward, large, pathlib.Path(args.spectral_dir).resolve())


if __name__ == "__main__":
    main()
