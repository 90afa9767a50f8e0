#!/bin/sh
# Installs what Ward Tracker needs to build, run and test on Debian 12.
# Run as root (or through sudo). Installs only what is missing.
set -eu

packages="
  meson ninja-build pkg-config gcc clang libclang-rt-14-dev
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libsqlite3-dev sqlite3 libcairo2-dev libpango1.0-dev libsodium-dev
  libarchive-dev libxml2-dev libfreexl-dev
  gettext itstool desktop-file-utils appstream
  fonts-liberation2
  xvfb xauth dbus dbus-x11 at-spi2-core python3-dogtail python3-gi gir1.2-atspi-2.0
  libxlsxwriter-dev python3-openpyxl
  gsettings-desktop-schemas imagemagick poppler-utils locales valgrind x11-utils
  syncthing
"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Installing:$missing (needs root: re-run with sudo)" >&2
    exec sudo "$0" "$@"
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
fi

# The UI tests run in Vietnamese and in English.
if ! locale -a 2>/dev/null | grep -qi '^vi_VN.utf8$' || ! locale -a 2>/dev/null | grep -qi '^en_US.utf8$'; then
  if [ "$(id -u)" -eq 0 ]; then
    grep -q '^vi_VN.UTF-8 UTF-8' /etc/locale.gen || echo 'vi_VN.UTF-8 UTF-8' >> /etc/locale.gen
    grep -q '^en_US.UTF-8 UTF-8' /etc/locale.gen || echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen
    locale-gen >/dev/null
  else
    echo "The vi_VN.UTF-8 and en_US.UTF-8 locales are missing; run this script with sudo." >&2
  fi
fi
