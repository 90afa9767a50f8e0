# SPDX-License-Identifier: GPL-3.0-or-later
"""`ward-tracker-cli bundle`: exit codes, the summary, conflicts that store
nothing until settled, and refused bundles that leave the file untouched."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

from wardtest import check, digest, finish

CLI = sys.argv[1]


def run(database, *args):
    # The signing keys go to the test's own data folder, never the user's.
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", XDG_DATA_HOME=os.path.join(tmp, "data"))
    return subprocess.run([CLI, "--database", database, *args], capture_output=True, text=True, env=env)


def sql(database, statement):
    with sqlite3.connect(database) as con:
        return con.execute(statement).fetchall()


tmp = tempfile.mkdtemp(prefix="ward-cli-bundle-")
office = os.path.join(tmp, "office.sqlite3")
volunteer = os.path.join(tmp, "volunteer.sqlite3")
run(office, "init")
run(volunteer, "init")
sql(volunteer, "INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, type, registered_on, "
               "created_at, updated_at) VALUES ('ent-1', '2801234564', 'Công ty TNHH Hoa Sen', 'hoa sen', "
               "'hoa sen', 'llc-one', '2026-03-02', '2026-03-02T08:00:00Z', '2026-03-02T08:00:00Z')")

first = os.path.join(tmp, "first.json")
r = run(volunteer, "bundle", "export", first)
check(r.returncode == 0 and os.path.exists(first), "export writes the bundle (exit 0)")
check(os.stat(first).st_mode & 0o777 == 0o600, "the bundle is private (0600)")
with open(first) as f:
    bundle = json.load(f)
check(bundle["format"] == "ward-tracker-bundle" and bundle["version"] == 2 and "signature" in bundle,
      "it says what it is, and is signed")

# Not trusted yet: refused, with the sender's code; trusted by that code.
before = digest(office)
r = run(office, "bundle", "import", first)
codes = [w.strip(".,;:") for w in r.stderr.split() if w.count("-") == 7]
check(r.returncode == 1 and codes and "bundle trust " + codes[0] in r.stderr,
      "an untrusted sender is refused (exit 1), naming its code and how to trust it: %r" % r.stderr)
check(sql(office, "SELECT count(*) FROM enterprises") == [(0,)], "nothing was imported")
r = run(volunteer, "bundle", "code")
check(r.returncode == 0 and codes and codes[0] in r.stdout, "`bundle code` shows the same code on the sender")
r = run(office, "bundle", "trust", "NOPE-NOPE")
check(r.returncode == 1 and "No installation" in r.stderr, "an unknown code is refused (exit 1)")
r = run(office, "bundle", "trust")
check(r.returncode == 2, "`bundle trust` without a code is misuse (exit 2)")
r = run(office, "bundle", "trust", codes[0].lower() if codes else "none")
check(r.returncode == 0 and "now accepts" in r.stdout, "`bundle trust CODE` trusts the sender: %r" % r.stderr)

before = digest(office)
r = run(office, "bundle", "import", first, "--dry-run")
check(r.returncode == 0 and "Enterprises: 1 to add" in r.stdout, "--dry-run prints the summary")
check(digest(office) == before, "--dry-run stores nothing")
r = run(office, "bundle", "import", first)
check(r.returncode == 0 and sql(office, "SELECT name FROM enterprises") == [("Công ty TNHH Hoa Sen",)],
      "import stores the record (exit 0)")
r = run(office, "bundle", "import", first)
check(r.returncode == 0 and "Nothing to change" in r.stdout, "importing it again changes nothing")

# Changed on both sides: nothing stored without a decision.
sql(office, "UPDATE enterprises SET note = 'office', updated_at = '2026-04-01T00:00:00Z'")
sql(volunteer, "UPDATE enterprises SET note = 'volunteer', updated_at = '2026-04-02T00:00:00Z'")
second = os.path.join(tmp, "second.json")
run(volunteer, "bundle", "export", second, "--since", "01/04/2026")
r = run(office, "bundle", "import", second)
check(r.returncode == 1 and "1 in conflict" in r.stdout and "--keep-mine" in r.stderr,
      "a conflict stops the import (exit 1) and says how to settle it")
check(sql(office, "SELECT note FROM enterprises") == [("office",)], "nothing was stored")
check("here “office”, in the bundle “volunteer”" in r.stdout, "both versions are listed")
r = run(office, "bundle", "import", second, "--keep-mine", "--take-theirs")
check(r.returncode == 2, "--keep-mine with --take-theirs is misuse (exit 2)")
r = run(office, "bundle", "import", second, "--take-theirs")
check(r.returncode == 0 and sql(office, "SELECT note FROM enterprises") == [("volunteer",)],
      "--take-theirs takes the bundle's version")

# Refused bundles.
tampered = os.path.join(tmp, "tampered.json")
with open(second, encoding="utf-8") as f:
    text = f.read()
with open(tampered, "w", encoding="utf-8") as f:
    f.write(text.replace('"eyJmb3Jt', '"eyKmb3Jt', 1))
before = digest(office)
r = run(office, "bundle", "import", tampered)
check(r.returncode == 1 and "signature" in r.stderr, "a tampered bundle is refused (exit 1)")
check(digest(office) == before, "the file is untouched")
r = run(volunteer, "bundle", "import", second)
check(r.returncode == 1 and "this computer" in r.stderr, "a laptop's own bundle is refused")
r = run(office, "bundle", "export", os.path.join(tmp, "x.json"), "--since", "31/02/2026")
check(r.returncode == 1 and "not a date" in r.stderr, "a wrong start date is refused")
r = run(office, "bundle", "frobnicate")
check(r.returncode == 2, "an unknown bundle command is misuse (exit 2)")

finish()
