# Shared by the tmux end-to-end tests: read the screen, wait for text, count results.
# Expects $sock (the tmux socket name) to be set by the script that sources it.
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAILED: $1"; tmux -L "$sock" capture-pane -p 2>/dev/null | sed 's/^/  | /' || true; }
screen() { tmux -L "$sock" capture-pane -p; }
# waits up to $2 seconds (default 15) for text $1 on the screen
wait_for() {
  local deadline=$((SECONDS + ${2:-15}))
  while [ $SECONDS -lt "$deadline" ]; do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.2
  done
  return 1
}
check() { if wait_for "$2" "${3:-15}"; then pass "$1"; else fail "$1 (no \"$2\")"; fi; }
summary() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; }
