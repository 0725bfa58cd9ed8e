#!/usr/bin/env python3
"""Kills `lifeline set` with SIGKILL at random instants while it saves a large
accounts file, many times over, and checks that each time the file is exactly
the old content or exactly the new one (SPEC §11: atomic replacement). A kill
may leave the save's temporary file: each save removes those of earlier kills,
`lifeline check` lists what is left, and the next save removes it.

Usage: Tests/e2e/crash-save.py path/to/lifeline [iterations]
"""
import glob
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/lifeline")
iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 100
work = tempfile.mkdtemp(prefix="lifeline-crash-")
try:
    big = os.path.join(work, "generated")
    subprocess.run([binary, "generate", big, "--accounts", "60000", "--months", "1", "--seed", "3"], check=True, capture_output=True)
    ws = os.path.join(work, "ws")
    os.mkdir(ws)
    shutil.copy(os.path.join(big, "accounts.csv"), ws)
    accounts = os.path.join(ws, "accounts.csv")
    account = "ACC-030000"

    def digest():
        with open(accounts, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()

    def set_mrr(value):
        return subprocess.Popen([binary, "set", ws, account, f"mrr={value}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # The two contents the file may hold: mrr 111 and mrr 222 on one row.
    assert set_mrr(111).wait() == 0
    states = {digest(): 111}
    start = time.perf_counter()
    assert set_mrr(222).wait() == 0
    runtime = time.perf_counter() - start
    states[digest()] = 222
    size = os.path.getsize(accounts)
    print(f"accounts.csv: {size / 1e6:.1f} MB; one save takes {runtime * 1000:.0f} ms; {iterations} kills")

    current = 222
    outcomes = {"old": 0, "new": 0}
    damaged = 0
    piled_up = 0
    left_by_kills = 0

    def leftovers():
        return sorted(glob.glob(os.path.join(ws, ".accounts.csv.lifeline-*.tmp")))

    # After the planned kills, a few more, each the moment the save's temporary
    # file appears, until one leaves it behind for check to find.
    i = 0
    while i < iterations or (not leftovers() and i < iterations + 20):
        target = 111 if current == 222 else 222
        proc = set_mrr(target)
        if i >= iterations:
            while not leftovers() and proc.poll() is None:
                time.sleep(0.001)
        else:
            # Mostly late in the run, where the save happens (loading comes first).
            time.sleep(random.uniform(runtime * 0.5, runtime * 1.05) if random.random() < 0.8 else random.uniform(0, runtime))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        found = states.get(digest())
        if found is None:
            damaged += 1
            print(f"kill {i}: accounts.csv is neither the old nor the new content")
            break
        outcomes["new" if found == target else "old"] += 1
        current = found
        # Only the killed save's own temporary file may be there: it removed those of earlier kills.
        left = leftovers()
        left_by_kills += len(left)
        if len(left) > 1:
            piled_up += 1
            print(f"kill {i}: {len(left)} temporary files piled up: {left}")
        i += 1
    print(f"after {i} kills: {outcomes['old']} left the old file, {outcomes['new']} the new one, {damaged} damaged; "
          f"{left_by_kills} left a temporary file")

    left = leftovers()
    check = subprocess.run([binary, "check", ws], capture_output=True, text=True)
    unreported = [path for path in left
                  if not any(path in line and f"{os.path.getsize(path)} bytes" in line and line.startswith("warning:")
                             for line in check.stdout.splitlines())]
    for path in unreported:
        print(f"lifeline check does not report {path}:\n{check.stdout}")
    saved = set_mrr(333).wait() == 0
    remaining = leftovers()
    if not saved or remaining:
        print(f"the save after the kills {'succeeded' if saved else 'failed'} and left {remaining}")
    print(f"{len(left)} temporary file(s) at the end: {len(left) - len(unreported)} reported by check, "
          f"{len(left) - len(remaining)} removed by the next save")
    ok = (damaged == 0 and outcomes["old"] > 0 and outcomes["new"] > 0 and piled_up == 0
          and left and check.returncode == 0 and not unreported and saved and not remaining)
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    sys.exit(0 if ok else 1)
finally:
    shutil.rmtree(work, ignore_errors=True)
