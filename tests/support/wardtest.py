# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Python tests share (the command line's and the window's): one
line per check ("ok - …" or "FAIL - …"), the exit status at the end, a
file's digest, the GLib criticals and warnings in a program's output."""
import hashlib
import re
import sys

failures = []


def check(cond, what):
    print(("ok - " if cond else "FAIL - ") + what)
    if not cond:
        failures.append(what)


def finish():
    """Exits 1, after saying how many, if any check failed."""
    if failures:
        print("%d check(s) failed" % len(failures))
        sys.exit(1)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# "(ward-tracker:123): Gtk-CRITICAL **: …", "Gtk-WARNING **: …", from any
# log domain: what GLib prints for g_critical() and g_warning().
_GLIB_ALARM = re.compile(r"(\([^)]*\): )?[\w.-]+-(CRITICAL|WARNING) \*\*")


def glib_alarms(text):
    """The lines of @text that are GLib criticals or warnings."""
    return [line for line in text.splitlines() if _GLIB_ALARM.match(line)]
