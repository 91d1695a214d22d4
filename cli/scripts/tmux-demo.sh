#!/bin/sh
# Runs `cfbuilds status` and `cfbuilds logs --follow` on the --demo stub in a real terminal (a
# detached tmux session), prints what the screen showed at four moments, and checks it:
#   1. status --demo: one row per Worker;
#   2. logs --follow, mid-run: lines arriving, the build's status on the last line;
#   3. logs --follow, at the end: the failing line, exit 4, the status line gone;
#   4. logs --follow again, stopped with Ctrl-C: exit 130, no stack trace, no status line left.
# Usage: cli/scripts/tmux-demo.sh [path/to/cfbuilds.jar]   (from the repository root)
# Exits 0 when every check holds, 1 when one fails; skips (exit 0) where tmux is not installed.
set -eu

if ! command -v tmux >/dev/null 2>&1; then
  echo "tmux-demo: tmux is not installed; skipped"
  exit 0
fi
JAR=${1:-cli/target/cfbuilds.jar}
if [ ! -f "$JAR" ]; then
  echo "tmux-demo: no $JAR; build it with: mvn -B -q -pl cli -am package -DskipTests" >&2
  exit 2
fi

SESSION="cfbuilds-demo-$$"
CMD="java -jar $JAR"
failed=0
tmux new-session -d -s "$SESSION" -x 132 -y 24
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true' EXIT

screen() { tmux capture-pane -p -t "$SESSION"; }

# Waits up to $2 seconds until a line of the screen matches the basic regular expression $1.
wait_for() {
  i=0
  while ! screen | grep -q -- "$1"; do
    i=$((i + 1))
    if [ "$i" -gt $(($2 * 5)) ]; then
      echo "tmux-demo: timed out waiting for: $1" >&2
      return 1
    fi
    sleep 0.2
  done
}

check() { # check DESCRIPTION COMMAND...: runs the command on the last capture
  description=$1
  shift
  if "$@"; then echo "ok: $description"; else echo "FAILED: $description"; failed=1; fi
}

show() {
  echo "----- $1 -----"
  screen | sed -e 's/[[:space:]]*$//' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' | tee /tmp/tmux-demo-$$.txt
  echo "-----"
}

tmux send-keys -t "$SESSION" "clear; $CMD status --demo; echo exit=\$?" Enter
wait_for "^exit=[0-9]" 30
show "1. cfbuilds status --demo"
check "status shows every demo Worker" grep -q "^image-resizer " /tmp/tmux-demo-$$.txt
check "status exits 0" grep -q "^exit=0" /tmp/tmux-demo-$$.txt

tmux send-keys -t "$SESSION" "clear; $CMD logs --demo --worker image-resizer --follow; echo exit=\$?" Enter
wait_for "src/module-60\.ts" 30
show "2. cfbuilds logs --demo --worker image-resizer --follow (running)"
check "the status shows on the last line while following" \
  sh -c "tail -n 1 /tmp/tmux-demo-$$.txt | grep -q '^build b6dc7ef7: running'"

wait_for "^exit=[0-9]" 60
show "3. the same, after the build failed"
check "the failing line is printed" grep -q 'Could not resolve "sharp"' /tmp/tmux-demo-$$.txt
check "follow exits 4 for a failed build" grep -q "^exit=4" /tmp/tmux-demo-$$.txt
check "no status line is left behind" sh -c "! grep -q '^build b6dc7ef7:' /tmp/tmux-demo-$$.txt"

tmux send-keys -t "$SESSION" "clear; $CMD logs --demo --worker image-resizer --follow; echo exit=\$?" Enter
wait_for "src/module-40\.ts" 30
tmux send-keys -t "$SESSION" C-c
wait_for "^exit=[0-9]" 30
show "4. the same, stopped with Ctrl-C"
check "Ctrl-C exits 130" grep -q "^exit=130" /tmp/tmux-demo-$$.txt
check "Ctrl-C prints no stack trace" sh -c "! grep -qE 'Exception|^[[:space:]]+at ' /tmp/tmux-demo-$$.txt"
check "Ctrl-C leaves no status line" sh -c "! grep -q 'build b6dc7ef7:' /tmp/tmux-demo-$$.txt"

rm -f /tmp/tmux-demo-$$.txt
exit "$failed"
