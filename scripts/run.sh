#!/bin/sh
# Installs what is missing, builds Ward Tracker and starts it from the build
# tree. Extra arguments go to the application (e.g. --database FILE).
set -eu
cd "$(dirname "$0")/.."

./scripts/deps.sh
[ -f build/build.ninja ] || meson setup build
ninja -C build

export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
export WARD_LOCALEDIR="$PWD/build/po"
exec ./build/src/ward-tracker "$@"
