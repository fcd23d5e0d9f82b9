#!/usr/bin/env python3
"""Runs a command three times and prints the best wall time and the peak resident memory.

    measure.py -- COMMAND...
"""
import resource
import subprocess
import sys
import time


def main():
    command = sys.argv[sys.argv.index("--") + 1:]
    best = None
    stderr = ""
    for _ in range(3):
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 1):
            sys.exit(f"failed with exit code {done.returncode}: {done.stderr}")
        if best is None or elapsed < best:
            best, stderr = elapsed, done.stderr
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print("$ " + " ".join(a if "/" not in a else a.rsplit("/", 1)[-1] for a in command))
    print(f"  best of 3: {best * 1000:.0f} ms, peak memory {peak_kib / 1024:.0f} MiB")
    for line in stderr.splitlines():
        if line.startswith("stats:"):
            print("  " + line)


if __name__ == "__main__":
    main()
