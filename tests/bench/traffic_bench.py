#!/usr/bin/env python3
"""The sampled-traffic benchmark of issue 15 (docs/benchmarks.md): `steward validate` on 200,000
events against a 5,000-event plan, events per second per core (CPU time), peak memory at two
sample sizes, and node + ajv validating the same events against `steward export json-schema`, in
one run. Per core means per CPU second of the process: steward on 1 thread, ajv on node's one.

    traffic_bench.py --steward PATH --work DIR [--ajv-dir DIR] [--events 200000] [--plan 5000]

ajv and ajv-formats are installed from npm into --ajv-dir (never globally); without npm that
comparison is skipped and says so.
"""
import argparse
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import time

BENCH = pathlib.Path(__file__).resolve().parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
VIOLATIONS = ["wrong-type=0.01", "missing-required=0.01", "enum=0.005", "unknown-event=0.002"]


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command, cwd=None):
    """(wall seconds, CPU seconds, stdout); exit codes 0 and 1 are results. CPU is the child's
    user + system time (the kernel's accounting of the waited child): the cost per core, whatever
    else runs on the machine meanwhile, where wall time counts the waits for a core too."""
    cpu_before = children_cpu()
    start = time.perf_counter()
    process = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    elapsed = time.perf_counter() - start
    cpu = children_cpu() - cpu_before
    if process.returncode not in (0, 1):
        sys.exit(f"{' '.join(map(str, command))}: exit code {process.returncode}\n{process.stderr}")
    return elapsed, cpu, process.stdout


def best(command, cwd=None):
    """The best wall and CPU times of RUNS runs, and the last run's output."""
    walls, cpus, out = [], [], ""
    for _ in range(RUNS):
        elapsed, cpu, out = run(command, cwd)
        walls.append(elapsed)
        cpus.append(cpu)
    return min(walls), min(cpus), out


def peak_rss(command, cwd=None):
    """Peak resident memory (MiB) of one run, from wait4."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss / 1024


def figure(name, value, unit, target=None, at_most=True):
    line = f"  {name:<52} {value:12,.1f} {unit:<9}"
    if target is not None:
        ok = value <= target if at_most else value >= target
        line += f" target {'<=' if at_most else '>='} {target:,g} {'ok' if ok else 'MISSED'}"
    print(line)


def install_ajv(folder):
    if (folder / "node_modules" / "ajv-formats").is_dir():
        return True
    if not shutil.which("npm") or not shutil.which("node"):
        return False
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund",
                    "ajv@8", "ajv-formats@2"], check=True, stdout=subprocess.DEVNULL)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steward", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--ajv-dir", default="build/release/ajv")
    parser.add_argument("--events", type=int, default=200000)
    parser.add_argument("--plan", type=int, default=5000)
    args = parser.parse_args()
    steward = os.path.abspath(args.steward)
    work = pathlib.Path(args.work).resolve()
    repo = work / f"plan-{args.plan}"
    if not (repo / ".git").is_dir():
        subprocess.run([sys.executable, BENCH / "generate_repository.py", repo, "--events",
                        str(args.plan)], check=True, stdout=subprocess.DEVNULL)
    sample = work / f"sample-{args.events}.jsonl"
    small = work / f"sample-{args.events // 4}.jsonl"
    for path, count in ((sample, args.events), (small, args.events // 4)):
        if not path.exists():
            command = [steward, "sample", "--events", str(count), "--seed", "1", "-C", repo, "-o", path]
            for v in VIOLATIONS:
                command += ["--violation", v]
            subprocess.run(command, check=True)
    size = sample.stat().st_size / (1 << 20)
    print(f"== steward validate: {args.events:,} events ({size:.0f} MiB) against a "
          f"{args.plan:,}-event plan")
    # The plan's load (parse and model) is paid once per run: measured on a 1-line sample and
    # subtracted, so that the rate is the rate of validation. The rate per core is from CPU time
    # (user + system): on a shared machine, wall time also counts the waits for a core.
    one = work / "one.jsonl"
    with open(sample) as f, open(one, "w") as o:
        o.write(f.readline())
    load, load_cpu, _ = best([steward, "validate", one, "-C", repo, "--threads", "1", "--format",
                              "json"])
    single, single_cpu, out = best([steward, "validate", sample, "-C", repo, "--threads", "1",
                                    "--format", "json"])
    report = json.loads(out)
    cores = os.cpu_count() or 1
    multi, _, _ = best([steward, "validate", sample, "-C", repo, "--format", "json"])
    rate = args.events / max(single_cpu - load_cpu, 1e-9)
    figure(f"plan load ({args.plan:,} events), once per run, CPU", load_cpu, "s")
    figure("validate, 1 thread, CPU", single_cpu, "s")
    figure("validate, 1 thread, wall", single, "s")
    figure("events/s per core (CPU time, plan load excluded)", rate, "events/s", 300000, False)
    figure("events/s, 1 thread, wall (plan load excluded)", args.events / max(single - load, 1e-9),
           "events/s")
    figure(f"validate, {cores} threads, wall", multi, "s")
    figure(f"events/s on {cores} cores, wall (plan load excluded)",
           args.events / max(multi - load, 1e-9), "events/s")
    print(f"  invalid events found: {report['invalid']:,} ({report['invalid_rate'] * 100:.2f}%)")
    rss_big = peak_rss([steward, "validate", sample, "-C", repo, "--format", "json"])
    rss_small = peak_rss([steward, "validate", small, "-C", repo, "--format", "json"])
    rss_plan = peak_rss([steward, "validate", one, "-C", repo, "--format", "json"])
    figure(f"peak RSS, {args.events // 4:,} events", rss_small, "MiB")
    figure(f"peak RSS, {args.events:,} events", rss_big, "MiB")
    figure("peak RSS, 1 event (the plan alone)", rss_plan, "MiB")
    figure("growth from 1/4 to the full sample", rss_big - rss_small, "MiB", 16)

    print("== node + ajv on the same events, against `steward export json-schema`")
    ajv_dir = pathlib.Path(args.ajv_dir).resolve()
    if not install_ajv(ajv_dir):
        print("  ajv: skipped, npm or node is not installed (the steward figures above stand)")
        return
    schemas = work / "schemas"
    if not schemas.is_dir():
        subprocess.run([steward, "export", "json-schema", "-C", repo, "--out", schemas], check=True,
                       stderr=subprocess.DEVNULL)
    script = ajv_dir / "ajv_validate.js"
    shutil.copy(BENCH / "ajv_validate.js", script)
    # ajv's compile is outside its timing as the plan's load is outside steward's; both time the
    # reading, the JSON parse and the validation of the same lines, on one core.
    runs = []
    for _ in range(RUNS):
        wall, _, out = run(["node", script, schemas, sample])
        runs.append((wall, json.loads(out)))
    ajv_wall = min(wall for wall, _ in runs)
    ajv = runs[-1][1]
    ajv_cpu = min(r["validate_cpu_ms"] for _, r in runs) / 1000
    ajv_rate = ajv["events"] / ajv_cpu
    figure(f"ajv: compile {args.plan:,} schemas", ajv["compile_ms"] / 1000, "s")
    figure("ajv: events/s per core (CPU time, compile excluded)", ajv_rate, "events/s")
    figure("ajv: events/s, wall (compile excluded)",
           ajv["events"] / (min(r["validate_ms"] for _, r in runs) / 1000), "events/s")
    figure("ajv: wall, all included", ajv_wall, "s")
    print(f"  ajv invalid events: {ajv['invalid']:,} (steward: {report['invalid']:,}; ajv does "
          "not check consent and counts identify calls apart)")
    figure("steward / ajv, events/s per core", rate / ajv_rate, "x", 10, False)
    figure("steward / ajv, wall, all included", ajv_wall / single, "x")


if __name__ == "__main__":
    main()
