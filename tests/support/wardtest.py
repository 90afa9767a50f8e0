# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Python tests of the command line share: one line per check
("ok - …" or "FAIL - …"), the exit status at the end, a file's digest."""
import hashlib
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
