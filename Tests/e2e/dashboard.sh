#!/usr/bin/env bash
# End-to-end: the real binary in a real terminal (tmux) on sample-data/.
# Opens the top at-risk account and reads its factors, jumps to an account
# with :account and finds in the at-risk pane with /, exports the tier list
# through the prompt, resizes to 60×20 and back, quits; then checks the exit
# status, the exported file, and that the terminal settings are as before.
# A second run is ended with SIGTERM and a third with Ctrl-C; both must leave
# the terminal sane too.
# Usage: Tests/e2e/dashboard.sh [path/to/lifeline]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$(dirname "${1:-$repo/.build/debug/lifeline}")" && pwd)/$(basename "${1:-lifeline}")
tmp=$(mktemp -d)
sock="lifeline-e2e-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
source "$(dirname "$0")/tmux-lib.sh"

start() { # starts lifeline in a fresh tmux server; records its pid and stty before and after
  stop_server
  rm -f "$tmp/pid"
  tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 -e SWIFT_BACKTRACE=interactive=no -e TERM=tmux-256color \
    "cd '$tmp' && stty -a > stty-before && $(with_pid "$bin" "$repo/sample-data") 2> stderr; echo \$? > exit-status; stty -a > stty-after; sleep 60"
}

wait_exit() { wait_file "$tmp/stty-after"; }

start
check "dashboard opens with its panes" "At-risk accounts"
check "KPI strip" "CLV:CAC"
tmux -L "$sock" send-keys Enter
check "Enter opens the top at-risk account" "Play:"
check "its factors are listed with their signals" "seats"
check "the CLV breakdown is shown" "Discounted CLV"
tmux -L "$sock" send-keys Escape
check "Esc goes back to the dashboard" "Segment tiers"
tmux -L "$sock" send-keys :
check ": opens the command line with its commands" "Tab completes"
tmux -L "$sock" send-keys "account "
first=$("$bin" accounts "$repo/sample-data" --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["name"])' 2>/dev/null || true)
if [ -n "$first" ]; then
  tmux -L "$sock" send-keys -l "$first"
  tmux -L "$sock" send-keys Enter
  check ":account jumps to the account by name" "Play:"
  check "its name is on the page" "$first"
  tmux -L "$sock" send-keys Escape
else
  tmux -L "$sock" send-keys Escape
fi
check "back on the dashboard" "Segment tiers"
tmux -L "$sock" send-keys /
check "/ asks what to find" "Find in the at-risk list"
tmux -L "$sock" send-keys -l "a"
tmux -L "$sock" send-keys Enter
check "the pane says what it found" "/a n/N"
tmux -L "$sock" send-keys n Escape
wait_gone "/a n/N"
tmux -L "$sock" send-keys x
check "x asks where to export" "Export the tier list"
tmux -L "$sock" send-keys C-u "$tmp/tiers.csv" Enter
check "the status line confirms the export" "Exported"
if [ -f "$tmp/tiers.csv" ] && head -1 "$tmp/tiers.csv" | grep -q "^rank,tier,id,name,owner,clv,health,risk,mrr,strategy$"; then
  rows=$(($(wc -l < "$tmp/tiers.csv") - 1))
  expected=$("$bin" export tiers "$repo/sample-data" | tail -n +2 | wc -l)
  if [ "$rows" -eq "$expected" ] && screen | grep -qF "Exported $rows rows"; then pass "the file holds the $rows ranked accounts"; else fail "export rows $rows, expected $expected"; fi
  if cmp -s "$tmp/tiers.csv" <("$bin" export tiers "$repo/sample-data"); then pass "the export equals lifeline export tiers"; else fail "the export differs from lifeline export tiers"; fi
else
  fail "tiers.csv was not written with its header"
fi
tmux -L "$sock" resize-window -x 60 -y 20
check "60×20 asks to enlarge the terminal" "Enlarge the terminal"
tmux -L "$sock" resize-window -x 120 -y 40
check "back at 120×40 the dashboard returns" "At-risk accounts"
tmux -L "$sock" send-keys q
wait_exit
if [ "$(cat "$tmp/exit-status" 2>/dev/null)" = "0" ]; then pass "q exits 0"; else fail "q exit status $(cat "$tmp/exit-status" 2>/dev/null)"; fi
if [ -s "$tmp/stty-after" ] && cmp -s "$tmp/stty-before" "$tmp/stty-after"; then pass "terminal settings restored after q"; else fail "stty differs after q"; fi

rm -f "$tmp/stty-after" "$tmp/exit-status"
start
check "second run opens" "At-risk accounts"
wait_file "$tmp/pid" && kill -TERM "$(cat "$tmp/pid")"
wait_exit
if [ -s "$tmp/stty-after" ] && cmp -s "$tmp/stty-before" "$tmp/stty-after"; then pass "terminal settings restored after SIGTERM"; else fail "stty differs after SIGTERM"; fi

rm -f "$tmp/stty-after" "$tmp/exit-status"
start
check "third run opens" "At-risk accounts"
tmux -L "$sock" send-keys C-c
wait_exit
if [ "$(cat "$tmp/exit-status" 2>/dev/null)" = "0" ] && cmp -s "$tmp/stty-before" "$tmp/stty-after"; then pass "Ctrl-C quits and restores the terminal"; else fail "Ctrl-C: exit $(cat "$tmp/exit-status" 2>/dev/null), stty differs or missing"; fi

summary
