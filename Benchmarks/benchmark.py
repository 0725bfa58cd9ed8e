#!/usr/bin/env python3
"""Lifeline's speed and memory figures, measured on a release build.

Generates the workspaces it needs (bench-data/, git-ignored, reused between
runs), then times `lifeline report --json` on each, best of several runs, and
reports the peak resident memory of the process. Prints one line per figure
with its target, and exits 1 if a target is missed.

    python3 Benchmarks/benchmark.py            # M and L
    python3 Benchmarks/benchmark.py --sizes M  # just M
"""
import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "lifeline")
BENCH = os.path.join(ROOT, ".build", "release", "lifeline-bench")
# figure printed by lifeline-bench: (label, target in ms)
FRAME_TARGETS = {
    "frame_dashboard_ms": ("dashboard frame at 200×60 (median)", 8.0),
    "frame_accounts_ms": ("accounts browser frame (median)", 8.0),
    "frame_accounts_end_ms": ("accounts browser frame, last page (median)", 8.0),
    "frame_account_ms": ("drill-down frame (median)", 8.0),
    "edit_account_ms": ("edit one account, all recomputed (median)", 16.0),
    "edit_weights_ms": ("change the weights, all recomputed (median)", 250.0),
}
DATA = os.path.join(ROOT, "bench-data")

# name: (accounts, months, seconds target for report --json, peak RSS target in MB or None)
SIZES = {
    "M": (10_000, 24, 0.3, None),
    "L": (100_000, 24, 2.5, 1536),
}


def run(args):
    """Runs a command; returns (wall seconds, stdout bytes)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({proc.returncode}): {err.decode(errors='replace')}")
    return wall, out


def peak_rss_mb(args):
    """Peak RSS of one run of `args`, read from wait4's rusage."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(args[0], args)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(args)} failed")
    return usage.ru_maxrss / 1024


def ensure_workspace(name, accounts, months):
    path = os.path.join(DATA, f"{name}-{accounts}x{months}")
    if not os.path.exists(os.path.join(path, "accounts.csv")):
        print(f"generating {name}: {accounts} accounts, {months} months …", flush=True)
        start = time.perf_counter()
        subprocess.run([BINARY, "generate", path, "--accounts", str(accounts), "--months", str(months), "--seed", "7"], check=True)
        print(f"  generated in {time.perf_counter() - start:.2f} s", flush=True)
    rows = 0
    size = 0
    for f in os.listdir(path):
        if f.endswith(".csv"):
            p = os.path.join(path, f)
            size += os.path.getsize(p)
            with open(p, "rb") as fh:
                rows += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    return path, rows, size


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="M,L", help="comma-separated: M, L")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-build", action="store_true", help="use the existing release binary")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "lifeline"], cwd=ROOT, check=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "lifeline-bench"], cwd=ROOT, check=True)
    os.makedirs(DATA, exist_ok=True)
    failed = False
    print(f"{'figure':44} {'measured':>12} {'target':>10}  result")
    for name in args.sizes.split(","):
        accounts, months, target_s, target_mb = SIZES[name.strip()]
        path, rows, size = ensure_workspace(name, accounts, months)
        cmd = [BINARY, "report", path, "--json"]
        run(cmd)  # warm the page cache: the figure is Lifeline's work, not the disk's
        best = min(run(cmd)[0] for _ in range(args.runs))
        rss = peak_rss_mb(cmd)
        label = f"{name} ({accounts:,} accounts, {rows/1e6:.1f}M rows, {size/1e6:.0f} MB)"
        ok = best <= target_s
        failed |= not ok
        print(f"{label}\n  {'report --json wall (best of ' + str(args.runs) + ')':42} {best:>10.3f} s {target_s:>8} s  {'ok' if ok else 'MISSED'}")
        ok_mem = target_mb is None or rss <= target_mb
        failed |= not ok_mem
        print(f"  {'report --json peak RSS':42} {rss:>9.0f} MB {(str(target_mb) + ' MB') if target_mb else '—':>10}  {'ok' if ok_mem else 'MISSED'}")
        figures = dict(line.split() for line in subprocess.run([BENCH, path], check=True, capture_output=True, text=True).stdout.splitlines())
        for key, (label, target) in FRAME_TARGETS.items():
            value = float(figures[key])
            ok = value <= target
            failed |= not ok
            print(f"  {label:42} {value:>9.2f} ms {target:>7} ms  {'ok' if ok else 'MISSED'}")
        for key in ("analyze_ms", "dashboard_model_ms", "filter_keystroke_ms"):
            print(f"  {key:42} {float(figures[key]):>9.1f} ms")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
