# SPDX-License-Identifier: GPL-3.0-or-later
"""ward-tracker-cli as a clerk or a script uses it: exit codes, messages, and
files left untouched when refused."""
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

CLI = sys.argv[1]
failures = []


def check(cond, what):
    print(("ok - " if cond else "FAIL - ") + what)
    if not cond:
        failures.append(what)


def run(*args, env_extra=None):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.update(env_extra or {})
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env)


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


tmp = tempfile.mkdtemp(prefix="ward-cli-")
db = os.path.join(tmp, "ward.sqlite3")

r = run("--database", db, "init")
check(r.returncode == 0, "init creates a new file (exit 0)")
check(os.stat(db).st_mode & 0o777 == 0o600, "the new file is private (0600)")

r = run("--database", db, "init")
check(r.returncode == 1 and "already exists" in r.stderr, "init refuses an existing file (exit 1)")

r = run("--database", db, "stats")
check(r.returncode == 0, "stats succeeds")
check("Kết nạp đảng viên mới trong nhiệm kỳ" in r.stdout and "2025 – 2030" in r.stdout,
      "stats names the targets and the term")

r = run("--database", db, "stats", "--json")
stats = json.loads(r.stdout)
check(len(stats["targets"]) == 11, "stats --json lists the 11 targets")
codes = {t["code"]: t for t in stats["targets"]}
check(codes["admissions"]["goal"] == 600 and codes["admissions"]["value"] == 0,
      "the admissions target counts 0 of 600 on a new file")
check(codes["online-services"]["goal_text"] == "> 85%", "a strict goal reads “> 85%”")

r = run("--database", db)
check(r.returncode == 2, "no command is misuse (exit 2)")
r = run("--database", db, "frobnicate")
check(r.returncode == 2 and "frobnicate" in r.stderr, "an unknown command is misuse (exit 2)")
r = run("--database", db, "stats", "--bogus")
check(r.returncode == 2, "an unknown option is misuse (exit 2)")

# A newer file is refused, untouched.
newer = os.path.join(tmp, "newer.sqlite3")
run("--database", newer, "init")
con = sqlite3.connect(newer)
con.execute("PRAGMA user_version = 999")
con.commit()
con.close()
before = digest(newer)
r = run("--database", newer, "stats")
check(r.returncode == 1 and "newer version" in r.stderr, "a newer file is refused (exit 1)")
check(digest(newer) == before, "the newer file is left untouched")

# Not a database: refused, untouched.
text = os.path.join(tmp, "list.csv")
open(text, "w").write("Họ và tên\nNguyễn Văn An\n")
before = digest(text)
r = run("--database", text, "stats")
check(r.returncode == 1 and "not a Ward Tracker database" in r.stderr, "a CSV file is refused (exit 1)")
check(digest(text) == before, "the CSV file is left untouched")

# Corrupt: refused, untouched.
corrupt = os.path.join(tmp, "corrupt.sqlite3")
run("--database", corrupt, "init")
data = bytearray(open(corrupt, "rb").read())
page = int.from_bytes(data[16:18], "big")
for p in range(1, 10):
    data[p * page:p * page + 400] = b"\xa5" * 400
open(corrupt, "wb").write(data)
before = digest(corrupt)
r = run("--database", corrupt, "stats")
check(r.returncode == 1 and ("damaged" in r.stderr or "not a Ward Tracker" in r.stderr),
      "a corrupt file is refused (exit 1)")
check(digest(corrupt) == before, "the corrupt file is left untouched")

# A bad seed names the place and leaves no file behind.
seed = os.path.join(tmp, "seed.json")
open(seed, "w").write('{"format": "ward-tracker-seed", "version": 1, "ward": {"name": 5}}')
other = os.path.join(tmp, "other.sqlite3")
r = run("--database", other, "init", "--seed", seed)
check(r.returncode == 1 and "ward.name" in r.stderr and "seed.json" in r.stderr,
      "a bad seed is refused with the place named")
check(not os.path.exists(other), "no half-made file is left after a bad seed")

# Vietnamese messages under a Vietnamese locale.
r = run("--database", newer, "stats", env_extra={"LANG": "vi_VN.UTF-8", "LC_ALL": "vi_VN.UTF-8",
                                                 "WARD_LOCALEDIR": os.environ.get("WARD_LOCALEDIR", "")})
check(r.returncode == 1 and "phiên bản mới hơn" in r.stderr, "the refusal is in Vietnamese under vi_VN")

if failures:
    print("%d check(s) failed" % len(failures))
    sys.exit(1)
