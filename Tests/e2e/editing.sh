#!/usr/bin/env bash
# End-to-end editing in a real terminal (tmux) on a copy of sample-data/: fix
# a customer's MRR from its drill-down and watch its tier and the KPIs move,
# undo, redo, save and find the file changed in that one row only; change a
# weight in the what-if panel and save it to lifeline.toml; drop a fresh file
# in and see the dashboard reload; quit with unsaved edits and be asked.
# Usage: Tests/e2e/editing.sh [path/to/lifeline]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$(dirname "${1:-$repo/.build/debug/lifeline}")" && pwd)/$(basename "${1:-lifeline}")
tmp=$(mktemp -d)
sock="lifeline-edit-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
cp -r "$repo/sample-data" "$tmp/ws"
cp "$tmp/ws/accounts.csv" "$tmp/accounts.before"
cp "$tmp/ws/lifeline.toml" "$tmp/toml.before"
source "$(dirname "$0")/tmux-lib.sh"
keys() { tmux -L "$sock" send-keys "$@"; }

tmux -L "$sock" -f /dev/null new-session -d -x 120 -y 40 -e SWIFT_BACKTRACE=interactive=no -e TERM=tmux-256color \
  "cd '$tmp' && '$bin' ws; echo \$? > exit-status; sleep 60"
check "dashboard opens" "At-risk accounts"
mrr_before=$(screen | grep -o 'MRR \$[0-9.]*[kM]' | head -1)
keys Enter
check "the top at-risk account opens" "tier Platinum"
keys e
check "e opens the account form" "Edit ACC-"
keys j j j Enter C-u 5 x
check "a bad MRR is explained at the field" "✗ MRR: expected a number"
keys BSpace 0 0 Enter
wait_gone "✗ MRR"
keys Escape
check "the new MRR moves the account to another tier" "tier Bronze"
if [ "$(screen | grep -o 'MRR \$[0-9.]*[kM]' | head -1)" != "$mrr_before" ]; then pass "the KPI strip moved in the same frame"; else fail "MRR KPI did not move"; fi
check "the status line says there are unsaved edits" "unsaved edits"
keys u
check "u undoes it" "tier Platinum"
keys C-r
check "Ctrl-R redoes it" "tier Bronze"
keys s
check "s saves" "Saved accounts.csv"
accounts_diff=$(diff "$tmp/accounts.before" "$tmp/ws/accounts.csv" || true)
changed=$(grep -c '^[<>]' <<< "$accounts_diff" || true)
if [ "$changed" -eq 2 ] && grep -q '^> .*,500,' <<< "$accounts_diff"; then pass "accounts.csv changed in that one row only"; else fail "accounts.csv diff has $changed changed lines"; fi
keys Escape
wait_gone "Play:"
keys w Right Right Right Right Right
check "w shows the what-if panel with the new weight" "Weight · Usage                                              30"
keys s
check "s in the panel saves the settings" "Saved the settings to lifeline.toml"
toml_diff=$(diff "$tmp/toml.before" "$tmp/ws/lifeline.toml" || true)
if grep -q '^> usage = 30' <<< "$toml_diff" && ! grep -q '^<' <<< "$toml_diff"; then
  pass "lifeline.toml gained the weight and lost nothing"
else
  fail "lifeline.toml diff"
fi
keys Escape
wait_gone "What if"
printf 'ACC-000161,2026-11-01,nps,0\n' >> "$tmp/ws/surveys.csv"
check "a file changed on disk is reloaded" "surveys.csv changed on disk: reloaded" 10
keys Enter
check "the account opens again" "Play:"
keys e j j j Enter C-u 7 Enter Escape
wait_gone "Edit ACC-"
keys q
check "quitting with unsaved edits asks first" "Unsaved changes"
keys d
wait_file "$tmp/exit-status"
if [ "$(cat "$tmp/exit-status" 2>/dev/null)" = "0" ]; then pass "d discards and quits with 0"; else fail "exit status $(cat "$tmp/exit-status" 2>/dev/null)"; fi
summary
