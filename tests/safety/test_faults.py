# SPDX-License-Identifier: GPL-3.0-or-later
"""Faults a ward office meets: the program killed mid-work, a second program
on the same file, a read-only file, a full disk. After each, the file must
pass the full check and hold every import whole or not at all.

  test_faults.py CLI CRASH_CHILD [kill|busy|readonly|full]...
"""
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time

CLI, CHILD = sys.argv[1], sys.argv[2]
SCENARIOS = sys.argv[3:] or ["kill", "busy", "readonly", "full"]
ITERATIONS = int(os.environ.get("WARD_KILL_ITERATIONS", "200"))
BATCH = 150
ENV = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", WARD_TODAY="2026-11-27")
failures = []


def check(cond, what):
    if not cond:
        print("FAIL -", what)
        failures.append(what)
    return cond


def cli(db, *args, timeout=60):
    return subprocess.run([CLI, "--database", db, *args], env=ENV, capture_output=True,
                          text=True, timeout=timeout)


def donations_csv(path, prefix, n=BATCH):
    """A donations sheet as an office writes it: amounts like 1.250.000."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("Số biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,Số tiền,Hình thức,Người thu,Ghi chú\n")
        for i in range(n):
            amount = f"{(i % 50 + 1) * 10000:,}".replace(",", ".")
            f.write(f"{prefix}-{i},01/10/2025,Nguyễn Văn {prefix} {i},Tổ dân phố {i % 12 + 1},"
                    f"{amount},Tiền mặt,Thủ quỹ,\n")


def receipts_with_prefix(db, prefix):
    con = sqlite3.connect(db, timeout=10)
    try:
        return con.execute("SELECT count(*) FROM ledger_entries WHERE receipt_number LIKE ?",
                           (prefix + "-%",)).fetchone()[0]
    finally:
        con.close()


def whole_check(db, when):
    r = cli(db, "check")
    return check(r.returncode == 0, f"the file passes the full check {when}: {r.stdout}{r.stderr}")


def scenario_kill(tmp):
    db = os.path.join(tmp, "kill.sqlite3")
    check(cli(db, "init").returncode == 0, "init")
    csv = os.path.join(tmp, "batch.csv")
    rng = random.Random(20251017)
    imports = []
    started = time.time()
    for i in range(ITERATIONS):
        if i % 2 == 0:
            prefix = f"I{i}"
            donations_csv(csv, prefix)
            imports.append(prefix)
            proc = subprocess.Popen([CLI, "--database", db, "import", "donations", csv], env=ENV,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            delay = rng.uniform(0.0, 0.15)
        else:
            proc = subprocess.Popen([CHILD, "edits", db], env=ENV,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            delay = rng.uniform(0.0, 0.3)
        time.sleep(delay)
        proc.kill()  # SIGKILL: no handler runs, as in a power cut of the process
        proc.wait()
        if not whole_check(db, f"after kill {i}"):
            break
        if i % 2 == 0:
            n = receipts_with_prefix(db, imports[-1])
            check(n in (0, BATCH), f"import {imports[-1]} is whole or absent (found {n} of {BATCH})")
    whole = sum(1 for p in imports if receipts_with_prefix(db, p) == BATCH)
    print(f"ok - {ITERATIONS} kills in {time.time() - started:.0f} s; "
          f"{whole} of {len(imports)} killed imports had finished, the rest left nothing")


def scenario_busy(tmp):
    db = os.path.join(tmp, "busy.sqlite3")
    cli(db, "init")
    csv = os.path.join(tmp, "busy.csv")
    donations_csv(csv, "B", 5)
    holder = subprocess.Popen([CHILD, "hold", db, "8"], env=ENV, stdout=subprocess.PIPE, text=True)
    check(holder.stdout.readline().strip() == "holding", "the first program holds the file")
    t0 = time.time()
    r = cli(db, "import", "donations", csv)
    waited = time.time() - t0
    check(r.returncode == 1 and "busy" in r.stderr,
          f"the second program is told the file is busy (exit {r.returncode}: {r.stderr.strip()})")
    check(1.0 < waited < 7.5, f"it waited briefly first ({waited:.1f} s)")
    holder.wait(timeout=30)
    check(holder.returncode == 0, "the first program finished its work")
    whole_check(db, "after two programs")
    check(receipts_with_prefix(db, "B") == 0, "the refused import left nothing")
    r = cli(db, "import", "donations", csv)
    check(r.returncode == 0 and receipts_with_prefix(db, "B") == 5, "the import succeeds once the file is free")
    print("ok - busy")


def mount_tmpfs(path, size):
    os.makedirs(path, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", path],
                       capture_output=True, text=True)
    return r.returncode == 0


def scenario_readonly(tmp):
    mnt = os.path.join(tmp, "ro")
    if not mount_tmpfs(mnt, "4m"):
        print("skip - readonly: cannot mount a tmpfs here (needs root)")
        return
    try:
        db = os.path.join(mnt, "ward.sqlite3")
        csv = os.path.join(tmp, "ro.csv")
        donations_csv(csv, "R", 3)
        check(cli(db, "init").returncode == 0, "init on the small disk")
        check(cli(db, "import", "donations", csv).returncode == 0, "a first import")
        subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
        donations_csv(csv, "S", 3)
        r = cli(db, "import", "donations", csv)
        check(r.returncode == 1 and "cannot be written" in r.stderr,
              f"a read-only file gives a clear message ({r.stderr.strip()})")
        r = cli(db, "stats")
        check(r.returncode == 0, "a read-only file can still be read")
        check(receipts_with_prefix(db, "R") == 3, "nothing already stored is lost")
        print("ok - readonly")
    finally:
        subprocess.run(["umount", mnt])


def scenario_full(tmp):
    mnt = os.path.join(tmp, "full")
    if not mount_tmpfs(mnt, "700k"):
        print("skip - full: cannot mount a tmpfs here (needs root)")
        return
    try:
        db = os.path.join(mnt, "ward.sqlite3")
        check(cli(db, "init").returncode == 0, "init on the small disk")
        csv = os.path.join(tmp, "small.csv")
        donations_csv(csv, "F", 10)
        check(cli(db, "import", "donations", csv).returncode == 0, "a small import fits")
        big = os.path.join(tmp, "big.csv")
        donations_csv(big, "G", 20000)
        r = cli(db, "import", "donations", big)
        check(r.returncode == 1 and "full" in r.stderr, f"a full disk gives a clear message ({r.stderr.strip()[:200]})")
        check(receipts_with_prefix(db, "F") == 10, "nothing already stored is lost")
        check(receipts_with_prefix(db, "G") == 0, "the import that did not fit left nothing")
        whole_check(db, "after the disk filled")
        print("ok - full")
    finally:
        subprocess.run(["umount", mnt])


tmp = tempfile.mkdtemp(prefix="ward-faults-")
for name in SCENARIOS:
    globals()["scenario_" + name](tmp)

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all fault checks passed")
