#!/bin/sh
# Installs what is missing, builds Ward Tracker and runs every test, each
# test at least once and under the strictest build that adds something:
#   1. the normal build: every suite but the UI tests (unit, CLI, safety,
#      data files, the Flatpak manifest, the fuzz corpus);
#   2. a build under AddressSanitizer and UndefinedBehaviorSanitizer: the
#      unit tests with LeakSanitizer, then the CLI tests and the UI tests
#      (under Xvfb), which run here only, so that the window's code runs
#      under the sanitizers once instead of twice without them;
#   3. a short fuzz run of the CSV, bundle and seed readers (libFuzzer,
#      clang): only the fuzz harnesses are built;
#   4. the core unit tests under valgrind's leak check, in the build of 1.
# The last line is "N passed, N failed", counted from meson's test logs;
# each step says how long it took.
set -u
cd "$(dirname "$0")/.."

started=$(date +%s)
step() {
  echo "== $1 (at $(( $(date +%s) - started )) s)"
}

step "packages"
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
step "normal build"
if build build; then
  step "normal build: every suite but the UI tests"
  meson test -C build --print-errorlogs --num-processes 2 --no-suite ui || status=1
  logs="$logs build/meson-logs/testlog.json"
else
  status=1
fi

# 2. Sanitizers. GTK's own caches look like leaks to LeakSanitizer, so leaks
#    are checked in the core tests (here, and with valgrind below) and not
#    in the programs that open a window.
step "sanitizer build"
if build build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug; then
  step "sanitizer build: unit tests with LeakSanitizer"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1" \
  LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    meson test -C build-asan --print-errorlogs --num-processes 2 --suite unit \
      --timeout-multiplier 5 --logbase testlog-unit || status=1
  logs="$logs build-asan/meson-logs/testlog-unit.json"
  step "sanitizer build: CLI and UI tests"
  ASAN_OPTIONS="detect_leaks=0:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    meson test -C build-asan --print-errorlogs --suite cli --suite ui --timeout-multiplier 3 \
      --logbase testlog-rest || status=1
  logs="$logs build-asan/meson-logs/testlog-rest.json"
else
  status=1
fi

# 3. A short libFuzzer run of the CSV reader and the value parsers, of the
#    bundle reader and of the seed reader (clang, with ASan and UBSan), from
#    the committed seed corpus. Only the harnesses (and the core they
#    exercise) are built: the rest of the project was built twice above.
step "fuzz build"
if [ -f build-fuzz/build.ninja ] \
   || CC=clang meson setup build-fuzz -Dfuzz=true -Db_lundef=false -Dui_tests=false -Dbuildtype=debug; then
  if ninja -C build-fuzz tests/fuzz/fuzz-csv tests/fuzz/fuzz-bundle tests/fuzz/fuzz-seed tests/fuzz/fuzz-workbook; then
    step "fuzz run"
    meson test -C build-fuzz --no-rebuild --suite fuzz --print-errorlogs --logbase testlog-fuzz || status=1
    logs="$logs build-fuzz/meson-logs/testlog-fuzz.json"
  else
    status=1
  fi
else
  status=1
fi

# 4. valgrind's leak check over the core tests of the normal build.
step "valgrind"
if [ -f build/build.ninja ]; then
  # The sync property test runs its 2,000 operations in steps 1 and 2; under
  # valgrind (some 40 times slower) 300 operations look for the same leaks.
  WARD_SYNC_OPERATIONS=300 \
  meson test -C build --suite unit --logbase testlog-valgrind --print-errorlogs --num-processes 2 \
    --timeout-multiplier 10 \
    --wrapper "valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --suppressions=/usr/share/glib-2.0/valgrind/glib.supp --suppressions=$PWD/tests/valgrind.supp" \
    || status=1
  # meson names the log after the wrapper too.
  logs="$logs build/meson-logs/testlog-valgrind-valgrind.json"
fi
step "done"

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
