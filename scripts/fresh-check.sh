#!/bin/sh
# Runs the README's test command on a new Debian 12 system, as CI and a new
# contributor would: a clean Debian 12 ("bookworm") tree made with
# debootstrap from Debian's archive, holding only debootstrap's minimal
# system and git; the repository's committed HEAD cloned into it; then
# ./scripts/test.sh there, which installs every package it needs itself.
#
#   sudo ./scripts/fresh-check.sh [--keep] [--dir DIR] [--mirror URL]
#
#   --keep     leave the tree behind (default: removed at the end)
#   --dir      where to build the tree (default: a new folder under /var/tmp)
#   --mirror   the Debian mirror (default: http://deb.debian.org/debian)
#
# Prints how long each step took; exits with the test command's status.
# Needs root (debootstrap, chroot, mounts) and a few GB of free disk.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
mirror=http://deb.debian.org/debian
keep=0
root=""

while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --dir) root=$2; shift ;;
    --mirror) mirror=$2; shift ;;
    *) echo "usage: $0 [--keep] [--dir DIR] [--mirror URL]" >&2; exit 2 ;;
  esac
  shift
done

if [ "$(id -u)" -ne 0 ]; then
  echo "fresh-check needs root (debootstrap and chroot): re-run with sudo." >&2
  exit 2
fi

if ! command -v debootstrap >/dev/null 2>&1; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
fi

[ -n "$root" ] || root=$(mktemp -d /var/tmp/ward-fresh.XXXXXX)
mkdir -p "$root"

mounted=""
cleanup() {
  for m in $mounted; do umount -l "$m" 2>/dev/null || true; done
  if [ $keep -eq 0 ]; then
    rm -rf --one-file-system "$root"
  else
    echo "The tree is kept in $root"
  fi
}
trap cleanup EXIT INT TERM

seconds() { date +%s; }
start=$(seconds)

# 1. A minimal Debian 12, with git to clone the repository and the
#    certificates apt may need; nothing else of the host's.
echo "== debootstrap bookworm into $root"
debootstrap --variant=minbase --include=git,ca-certificates bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 \
  || { tail -20 "$root.debootstrap.log"; exit 1; }
rm -f "$root.debootstrap.log"
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"
made=$(seconds)

# 2. What a running system has: /proc, /sys, /dev and a shared memory folder.
for fs in proc sys dev dev/pts; do
  mkdir -p "$root/$fs"
  mount --bind "/$fs" "$root/$fs"
  mounted="$root/$fs $mounted"
done
mkdir -p "$root/dev/shm"
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
mounted="$root/dev/shm $mounted"

# 3. The committed HEAD, as a fresh clone has it.
echo "== cloning $(git -C "$top" rev-parse --short HEAD)"
git clone -q "$top" "$root/root/ward-tracker"

# 4. The README's test command, with a clean environment.
echo "== ./scripts/test.sh in the new tree"
status=0
chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb PATH=/usr/sbin:/usr/bin:/sbin:/bin \
  /bin/sh -c 'cd /root/ward-tracker && ./scripts/test.sh' || status=$?
end=$(seconds)

echo "fresh-check: debootstrap $((made - start)) s, test command $((end - made)) s" \
     "(package installation included), whole run $((end - start)) s; status $status"
exit $status
