#!/bin/sh
# Installs what is missing, builds Ward Tracker and runs every test: the unit
# tests, the CLI tests, the data-file checks and the UI tests (under Xvfb).
# The last line is "N passed, N failed", counted from meson's test log.
set -u
cd "$(dirname "$0")/.."

./scripts/deps.sh || exit 1

status=0
run_suite() {
  dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" || return 1
  fi
  ninja -C "$dir" || return 1
  meson test -C "$dir" --print-errorlogs --num-processes 2 || status=1
}

run_suite build || status=1

# Count every test meson ran, from its JSON log (one object per line).
/usr/bin/python3 - build/meson-logs/testlog.json <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        failed += 1
        continue
    for line in lines:
        if not line.strip():
            continue
        result = json.loads(line).get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
PY
py=$?
[ $status -eq 0 ] && [ $py -eq 0 ]
