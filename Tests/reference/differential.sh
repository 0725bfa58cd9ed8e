#!/usr/bin/env bash
# Compares `lifeline report --json` and `accounts --json` with the independent
# Python implementation of SPEC.md (lifeline_ref.py) on the reference fixtures
# and on generated workspaces of several shapes, at several as-of dates.
# Usage: Tests/reference/differential.sh [path/to/lifeline]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-"$here/../../.build/debug/lifeline"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compared=0
failed=0

compare() { # workspace, as-of or ""
  local ws=$1 asof=$2 flag=()
  [ -n "$asof" ] && flag=(--as-of "$asof")
  for cmd in report accounts; do
    python3 "$here/lifeline_ref.py" "$cmd" "$ws" "${flag[@]}" > "$work/ref.json" 2>/dev/null
    "$bin" "$cmd" "$ws" --json "${flag[@]}" > "$work/ours.json" 2>/dev/null
    compared=$((compared + 1))
    if ! python3 "$here/compare.py" --strict-types "$work/ref.json" "$work/ours.json" > "$work/diff.txt"; then
      failed=$((failed + 1))
      echo "DIFFERENT: $cmd $ws ${flag[*]}"
      head -30 "$work/diff.txt"
    fi
  done
}

for f in basic config dialect/accounts.csv; do
  compare "$here/fixtures/$f" ""
done
compare "$here/fixtures/basic" "2025-05-31"
for spec in "1 300 24" "2 250 6" "3 400 36" "4 60 3"; do
  read -r seed accounts months <<< "$spec"
  ws="$work/gen-$seed"
  "$bin" generate "$ws" --accounts "$accounts" --months "$months" --seed "$seed" 2>/dev/null
  for asof in "" 2026-09-30 2026-03-15 2025-12-31; do
    compare "$ws" "$asof"
  done
done
echo "differential: $((compared - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
