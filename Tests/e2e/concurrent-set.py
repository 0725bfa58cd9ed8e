#!/usr/bin/env python3
"""Runs two `lifeline set` processes on the same accounts file at once, many
times over, and checks that no edit is lost silently (SPEC §11 v2): every
process that said it saved (exit 0) has its edit in the final file, and one
that did not exited 73 saying the file changed on disk or was being saved.

Usage: Tests/e2e/concurrent-set.py path/to/lifeline [rounds]
"""
import csv
import os
import shutil
import subprocess
import sys
import tempfile

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/lifeline")
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 50
REFUSALS = ("changed on disk since it was read", "is being saved by another process")
work = tempfile.mkdtemp(prefix="lifeline-concurrent-")
try:
    generated = os.path.join(work, "generated")
    subprocess.run([binary, "generate", generated, "--accounts", "5000", "--months", "1", "--seed", "5"], check=True, capture_output=True)
    original = os.path.join(generated, "accounts.csv")
    ws = os.path.join(work, "ws")
    os.mkdir(ws)
    accounts = os.path.join(ws, "accounts.csv")

    def rows():
        with open(accounts, newline="", encoding="utf-8") as f:
            return {row["id"]: row for row in csv.DictReader(f)}

    counts = {"both saved": 0, "one refused": 0, "both refused": 0}
    lost = 0
    failures = 0
    for r in range(rounds):
        shutil.copy(original, accounts)
        # Different accounts and fields, so both edits can stand together.
        edits = [("ACC-001000", "mrr", str(1000 + r)), ("ACC-004000", "owner", f"Owner {r}")]
        procs = [subprocess.Popen([binary, "set", ws, account, f"{field}={value}"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for account, field, value in edits]
        results = [(p.wait(), p.stdout.read(), p.stderr.read()) for p in procs]
        final = rows()
        refused = 0
        for (account, field, value), (code, out, err) in zip(edits, results):
            if code == 0:
                if final[account][field] != value:
                    lost += 1
                    print(f"round {r}: set {account} {field}={value} said saved but the file holds {final[account][field]!r}")
            elif code == 73 and any(m in err for m in REFUSALS):
                refused += 1
            else:
                failures += 1
                print(f"round {r}: set {account} {field}={value} exited {code} without a refusal: {err.strip()}")
        counts[["both saved", "one refused", "both refused"][refused]] += 1
    print(f"{rounds} rounds of two concurrent sets: {counts['both saved']} both saved, "
          f"{counts['one refused']} one refused (exit 73), {counts['both refused']} both refused; "
          f"{lost} edits lost silently, {failures} other failures")
    ok = lost == 0 and failures == 0
    print(f"{1 if ok else 0} passed, {0 if ok else 1} failed")
    sys.exit(0 if ok else 1)
finally:
    shutil.rmtree(work, ignore_errors=True)
