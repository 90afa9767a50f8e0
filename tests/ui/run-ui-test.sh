#!/bin/sh
# Runs one dogtail UI test against the real application, as a person would
# use it: under Xvfb, in its own D-Bus session with the accessibility bus.
#   run-ui-test.sh BUILD_ROOT SCRIPT.py
set -eu
build_root=$1
script=$2

export WARD_BUILD_ROOT="$build_root"
export GSETTINGS_SCHEMA_DIR="$build_root/data"
export WARD_LOCALEDIR="$build_root/po"
export NO_AT_BRIDGE=0
export GTK_A11Y=atspi
export GSK_RENDERER=cairo
export GDK_BACKEND=x11
export LIBGL_ALWAYS_SOFTWARE=1
: "${WARD_SCREENSHOT_DIR:=$build_root/screenshots}"
export WARD_SCREENSHOT_DIR
mkdir -p "$WARD_SCREENSHOT_DIR"

# Each test gets its own display and its own bus: tests never share a window.
# WARD_UI_SCREEN sets another screen size (ui-small_screens: 1366×768).
exec xvfb-run -a -s "-screen 0 ${WARD_UI_SCREEN:-1280x800x24} -nolisten tcp" \
  dbus-run-session -- sh -c '
    gsettings set org.gnome.desktop.interface toolkit-accessibility true 2>/dev/null || true
    exec /usr/bin/python3 "$0"' "$script"
