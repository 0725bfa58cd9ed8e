#!/usr/bin/env python3
"""Lifeline's speed and memory figures, measured on a release build.

Generates the workspaces it needs (bench-data/, git-ignored, reused between
runs), then prints one line per figure with its target and exits 1 if a
target is missed. Times are medians of several runs after one warm-up run
(the page cache is warm: the figure is Lifeline's work, not the disk's).

    python3 Benchmarks/benchmark.py              # M and L
    python3 Benchmarks/benchmark.py --xl         # also XL: 1,000,000 accounts (~3.5 GB of CSV, minutes to generate)
    python3 Benchmarks/benchmark.py --sizes M    # just M

Figures (issue 8):
- `accounts --json` and `report --json`: wall time and peak RSS of the process;
- the dashboard's launch to first frame at 200×60, in a real pseudo-terminal:
  from exec until the first frame of the dashboard (not the loading screen)
  has been written;
- frames, an edit and new weights, timed inside `lifeline-bench`;
- the cost per 100,000 accounts of `accounts --json` at each size, to show
  that time and memory grow linearly.
"""
import argparse
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "lifeline")
BENCH = os.path.join(ROOT, ".build", "release", "lifeline-bench")
DATA = os.path.join(ROOT, "bench-data")

# name: accounts, months
SIZES = {"M": (10_000, 24), "L": (100_000, 24), "XL": (1_000_000, 24)}

# (size, figure): target; seconds for wall times, MB for memory, ms for the rest.
TARGETS = {
    ("L", "accounts --json wall"): 0.5,
    ("L", "accounts --json peak RSS"): 400,
    ("L", "report --json wall"): 0.35,
    ("L", "dashboard first frame"): 0.5,
    ("M", "dashboard first frame"): 0.1,
    ("XL", "accounts --json wall"): 5.0,
    ("XL", "accounts --json peak RSS"): 3500,
}
# figures printed by lifeline-bench: (label, target in ms), checked on L.
BENCH_TARGETS = {
    "frame_dashboard_ms": ("dashboard frame at 200×60", 2.0),
    "frame_accounts_ms": ("accounts browser frame", 2.0),
    "frame_accounts_end_ms": ("accounts browser frame, last page", 2.0),
    "frame_account_ms": ("drill-down frame", 2.0),
    "frame_forecast_ms": ("forecast screen frame", 2.0),
    "frame_cohorts_ms": ("cohorts screen frame", 2.0),
    "open_cohorts_ms": ("cohorts worked out (opening the screen)", 50.0),
    "edit_account_ms": ("edit one account, all recomputed", 16.0),
    "edit_weights_ms": ("new weights, all recomputed", 100.0),
    "playbook_tasks_ms": ("20 rules over every account (tasks)", 100.0),
}


def median(values):
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def timed(args):
    """Wall seconds and peak RSS (MB) of one run, output discarded."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(args[0], args)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(args)} failed ({os.waitstatus_to_exitcode(status)})")
    return wall, usage.ru_maxrss / 1024


def first_frame_seconds(workspace, width=200, height=60, marker=b"Health scores"):
    """Seconds from exec until the dashboard's first frame reached the terminal."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execv(BINARY, [BINARY, workspace])
    seen = b""
    elapsed = None
    deadline = start + 60
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        seen = (seen + chunk)[-4096:]
        if marker in seen:
            elapsed = time.perf_counter() - start
            break
    os.write(fd, b"q")
    time.sleep(0.05)
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        sys.exit(f"the dashboard on {workspace} drew no first frame within 60 s")
    return elapsed


def ensure_workspace(name):
    accounts, months = SIZES[name]
    path = os.path.join(DATA, f"{name}-{accounts}x{months}")
    if not os.path.exists(os.path.join(path, "accounts.csv")):
        print(f"generating {name}: {accounts:,} accounts, {months} months …", flush=True)
        start = time.perf_counter()
        subprocess.run([BINARY, "generate", path, "--accounts", str(accounts), "--months", str(months), "--seed", "7", "--force"], check=True)
        print(f"  generated in {time.perf_counter() - start:.1f} s", flush=True)
    rows = size = 0
    for f in os.listdir(path):
        if f.endswith(".csv"):
            p = os.path.join(path, f)
            size += os.path.getsize(p)
            with open(p, "rb") as fh:
                rows += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    return path, accounts, rows, size


class Report:
    def __init__(self):
        self.failed = []

    def line(self, size, figure, value, unit, fmt="{:.3f}"):
        target = TARGETS.get((size, figure))
        shown = fmt.format(value)
        if target is None:
            print(f"  {figure:44} {shown:>10} {unit:3} {'':>10}")
            return
        ok = value <= target
        if not ok:
            self.failed.append(f"{size} {figure}: {shown} {unit} > {target} {unit}")
        print(f"  {figure:44} {shown:>10} {unit:3} {'≤ ' + str(target):>10}  {'ok' if ok else 'MISSED'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="M,L", help="comma-separated: M, L, XL")
    parser.add_argument("--xl", action="store_true", help="add XL (1,000,000 accounts)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-build", action="store_true", help="use the existing release binaries")
    args = parser.parse_args()
    if not args.no_build:
        for product in ("lifeline", "lifeline-bench"):
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    os.makedirs(DATA, exist_ok=True)
    sizes = [s.strip() for s in args.sizes.split(",")] + (["XL"] if args.xl and "XL" not in args.sizes else [])
    report = Report()
    per100k = {}
    print(f"  {'figure':44} {'measured':>14} {'target':>10}")
    for name in sizes:
        path, accounts, rows, size = ensure_workspace(name)
        runs = args.runs if name != "XL" else max(3, args.runs // 2)
        print(f"{name}: {accounts:,} accounts, {rows / 1e6:.1f}M rows, {size / 1e6:.0f} MB (median of {runs})")
        for command in ("accounts", "report"):
            cmd = [BINARY, command, path, "--json"]
            timed(cmd)
            results = [timed(cmd) for _ in range(runs)]
            wall = median([r[0] for r in results])
            rss = median([r[1] for r in results])
            report.line(name, f"{command} --json wall", wall, "s")
            report.line(name, f"{command} --json peak RSS", rss, "MB", "{:.0f}")
            if command == "accounts":
                per100k[name] = (wall * 100_000 / accounts, rss * 100_000 / accounts)
        if name != "XL":
            first_frame_seconds(path)
            report.line(name, "dashboard first frame", median([first_frame_seconds(path) for _ in range(runs)]), "s")
        if name == "L":
            out = subprocess.run([BENCH, path], check=True, capture_output=True, text=True).stdout
            figures = dict(line.split() for line in out.splitlines())
            for key, (label, target) in BENCH_TARGETS.items():
                TARGETS[(name, label)] = target
                report.line(name, label, float(figures[key]), "ms", "{:.2f}")
            for key in ("load_ms", "analyze_ms", "dashboard_model_ms", "filter_keystroke_ms", "open_forecast_ms"):
                if key in figures:
                    report.line(name, key.replace("_ms", ""), float(figures[key]), "ms", "{:.1f}")
            # The goals' baselines are a second analysis at the start date: no
            # slower than one analysis (issue 11).
            TARGETS[(name, "goals with their baselines")] = round(float(figures["analyze_again_ms"]), 1)
            report.line(name, "goals with their baselines", float(figures["goals_ms"]), "ms", "{:.1f}")
    print("cost of accounts --json per 100,000 accounts (linear growth keeps these level):")
    for name, (seconds, mb) in per100k.items():
        print(f"  {name:3} {seconds:8.3f} s  {mb:8.0f} MB")
    if report.failed:
        print("missed: " + "; ".join(report.failed))
    sys.exit(1 if report.failed else 0)


if __name__ == "__main__":
    main()
