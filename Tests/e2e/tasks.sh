#!/usr/bin/env bash
# End-to-end tasks inbox in a real terminal (tmux) on a copy of sample-data/:
# open the inbox, mark the first task done, save, quit; reopen and find the
# task gone; then `lifeline tasks --as-of` a day past the rule's cooldown
# lists it again.
# Usage: Tests/e2e/tasks.sh [path/to/lifeline]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$(dirname "${1:-$repo/.build/debug/lifeline}")" && pwd)/$(basename "${1:-lifeline}")
tmp=$(mktemp -d)
sock="lifeline-tasks-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
cp -r "$repo/sample-data" "$tmp/ws"
rm -f "$tmp/ws/tasks.csv"
source "$(dirname "$0")/tmux-lib.sh"
keys() { tmux -L "$sock" send-keys "$@"; }
open_dashboard() {
  rm -f "$tmp/pid" "$tmp/exit-status"
  tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 -e SWIFT_BACKTRACE=interactive=no -e TERM=tmux-256color \
    "cd '$tmp' && $(with_pid "$bin" ws); echo \$? > exit-status; sleep 60"
  check "the dashboard opens" "At-risk accounts"
}
quit_dashboard() {
  keys q
  if wait_file "$tmp/exit-status" && [ "$(cat "$tmp/exit-status")" = 0 ]; then pass "q quits cleanly"; else fail "q did not quit"; fi
  while kill -0 "$(cat "$tmp/pid")" 2>/dev/null; do sleep 0.1; done
  stop_server
}

open_dashboard
keys i
check "i opens the inbox" "Tasks · "
open_before=$(screen | grep -o 'Tasks · [0-9]* open' | grep -o '[0-9]*')
keys d
check "d marks the first task done" "done for"
keys s
check "s saves the decision to tasks.csv" "Saved tasks.csv"
quit_dashboard

# The decision on file: rule and account of the task that was done.
IFS=, read -r rule account status day _ < <(sed -n 2p "$tmp/ws/tasks.csv")
if [ "$status" = done ]; then pass "tasks.csv holds the done row ($rule, $account, $day)"; else fail "tasks.csv: $(cat "$tmp/ws/tasks.csv")"; fi

open_dashboard
keys i
check "the inbox reopens with one task fewer" "Tasks · $((open_before - 1)) open"
quit_dashboard

listed() { "$bin" tasks "$tmp/ws" --json "$@" | python3 -c '
import json, sys
rule, account = sys.argv[1:3]
print(any(t["rule"] == rule and t["account"] == account for t in json.load(sys.stdin)))' "$rule" "$account"; }
if [ "$(listed)" = False ]; then pass "lifeline tasks leaves the done task out"; else fail "the done task is still listed"; fi
back=$(python3 - "$tmp/ws/lifeline.toml" "$rule" "$day" <<'PY'
import datetime, sys, tomllib
rules = tomllib.load(open(sys.argv[1], "rb"))["rules"]
cooldown = next(r.get("cooldown_days", 30) for r in rules if r["name"] == sys.argv[2])
print(datetime.date.fromisoformat(sys.argv[3]) + datetime.timedelta(days=cooldown))
PY
)
if [ "$(listed --as-of "$back")" = True ]; then pass "after its cooldown ($back) the task is listed again"; else fail "not listed again on $back"; fi
summary
