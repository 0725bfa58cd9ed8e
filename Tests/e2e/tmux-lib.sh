# Shared by the tmux end-to-end tests: read the screen, wait for text or files,
# count results. Nothing here sleeps a fixed time: every wait is for something.
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
    sleep 0.1
  done
  return 1
}
# waits up to $2 seconds (default 15) for text $1 to leave the screen
wait_gone() {
  local deadline=$((SECONDS + ${2:-15}))
  while [ $SECONDS -lt "$deadline" ]; do
    if ! screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  return 1
}
# waits up to $2 seconds (default 15) for file $1 to exist and hold something
wait_file() {
  local deadline=$((SECONDS + ${2:-15}))
  while [ $SECONDS -lt "$deadline" ] && [ ! -s "$1" ]; do sleep 0.1; done
  [ -s "$1" ]
}
# stops the tmux server and waits until its socket is free for the next one
stop_server() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  while tmux -L "$sock" has-session 2>/dev/null; do sleep 0.1; done
}
# the command line for tmux that runs lifeline with arguments "$@", writing its pid to ./pid first
with_pid() { printf "sh -c 'echo \$\$ > pid; exec \"\$0\" \"\$@\"'"; printf " '%s'" "$@"; }
check() { if wait_for "$2" "${3:-15}"; then pass "$1"; else fail "$1 (no \"$2\")"; fi; }
summary() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; }
