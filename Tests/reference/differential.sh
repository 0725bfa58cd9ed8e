#!/usr/bin/env bash
# Compares `lifeline report|accounts|cohorts|tasks --json` with the
# independent Python implementation of SPEC.md (lifeline_ref.py) on the
# reference fixtures, on workspaces made by `lifeline generate` and on the
# playbook workspaces of fixtures/playbook (§14-§17), at several as-of dates.
# A command the binary does not know yet (exit 64 naming it unknown) is
# skipped and counted, not failed.
# Usage: Tests/reference/differential.sh [path/to/lifeline]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-"$here/../../.build/debug/lifeline"}
python3 -c 'import scipy' 2>/dev/null || python3 -m pip install -q scipy
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compared=0
failed=0
skipped=0

compare() { # workspace, as-of or ""
  local ws=$1 asof=$2 flag=()
  [ -n "$asof" ] && flag=(--as-of "$asof")
  for cmd in report accounts cohorts tasks; do
    python3 "$here/lifeline_ref.py" "$cmd" "$ws" "${flag[@]}" > "$work/ref.json" 2>/dev/null
    local rc=0
    "$bin" "$cmd" "$ws" --json "${flag[@]}" > "$work/ours.json" 2> "$work/ours.err" || rc=$?
    if [ "$rc" -eq 64 ] && grep -qiE "unknown|Unexpected argument" "$work/ours.err"; then
      skipped=$((skipped + 1))
      continue
    fi
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
python3 "$here/fixtures/playbook/generate.py" "$work/playbook"
for ws in "$work/playbook/subscription" "$work/playbook/purchases"; do
  for asof in "" 2026-03-31 2025-12-31; do
    compare "$ws" "$asof"
  done
done
echo "differential: $((compared - failed)) passed, $failed failed, skipped $skipped"
[ "$failed" -eq 0 ]
