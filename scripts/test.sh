#!/bin/sh
# Installs what is missing, builds Ward Tracker and runs every test:
#   1. the normal build: unit, CLI, data-file and UI tests (UI under Xvfb);
#   2. a second build under AddressSanitizer and UndefinedBehaviorSanitizer,
#      running the whole suite again;
#   3. a short fuzz run of the CSV reader (libFuzzer);
#   4. the core unit tests under valgrind's leak check.
# The last line is "N passed, N failed", counted from meson's test logs.
set -u
cd "$(dirname "$0")/.."

./scripts/deps.sh || exit 1

status=0
logs=""

build() {
  dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" || return 1
  fi
  ninja -C "$dir"
}

# 1. The normal build.
if build build; then
  meson test -C build --print-errorlogs --num-processes 2 || status=1
  logs="$logs build/meson-logs/testlog.json"
else
  status=1
fi

# 2. Sanitizers. GTK's own caches look like leaks to LeakSanitizer, so leaks
#    are checked in the core tests (below, with valgrind and LSan) and not in
#    the programs that open a window.
if build build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug; then
  # The core unit tests with LeakSanitizer on …
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1" \
  LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    meson test -C build-asan --print-errorlogs --num-processes 2 --suite unit \
      --timeout-multiplier 5 --logbase testlog-unit || status=1
  logs="$logs build-asan/meson-logs/testlog-unit.json"
  # … the rest without it (GTK's caches, the CLI's and the window's).
  ASAN_OPTIONS="detect_leaks=0:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    meson test -C build-asan --print-errorlogs --no-suite unit --timeout-multiplier 3 \
      --logbase testlog-rest || status=1
  logs="$logs build-asan/meson-logs/testlog-rest.json"
else
  status=1
fi

# 3. A short libFuzzer run of the CSV reader and the value parsers (clang,
#    with ASan and UBSan), from the committed seed corpus.
if CC=clang build build-fuzz -Dfuzz=true -Db_lundef=false -Dui_tests=false -Dbuildtype=debug; then
  meson test -C build-fuzz --suite fuzz --print-errorlogs --logbase testlog-fuzz || status=1
  logs="$logs build-fuzz/meson-logs/testlog-fuzz.json"
else
  status=1
fi

# 4. valgrind's leak check over the core tests of the normal build.
if [ -f build/build.ninja ]; then
  meson test -C build --suite unit --logbase testlog-valgrind --print-errorlogs --num-processes 2 \
    --timeout-multiplier 10 \
    --wrapper "valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --suppressions=/usr/share/glib-2.0/valgrind/glib.supp --suppressions=$PWD/tests/valgrind.supp" \
    || status=1
  # meson names the log after the wrapper too.
  logs="$logs build/meson-logs/testlog-valgrind-valgrind.json"
fi

# Count every test meson ran, from its JSON logs (one object per line).
/usr/bin/python3 - $logs <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        print("missing test log:", path)
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
