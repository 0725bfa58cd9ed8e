#!/usr/bin/env python3
"""Kills `lifeline set` with SIGKILL at random instants while it saves a large
accounts file, many times over, and checks that each time the file is exactly
the old content or exactly the new one (SPEC §11: atomic replacement).

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
    for i in range(iterations):
        target = 111 if current == 222 else 222
        proc = set_mrr(target)
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
        for stale in glob.glob(os.path.join(ws, ".accounts.csv.lifeline-*.tmp")):
            os.unlink(stale)
    print(f"after {iterations} kills: {outcomes['old']} left the old file, {outcomes['new']} the new one, {damaged} damaged")
    ok = damaged == 0 and outcomes["old"] > 0 and outcomes["new"] > 0
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    sys.exit(0 if ok else 1)
finally:
    shutil.rmtree(work, ignore_errors=True)
