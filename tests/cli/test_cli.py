# SPDX-License-Identifier: GPL-3.0-or-later
"""ward-tracker-cli as a clerk or a script uses it: exit codes, messages, and
files left untouched when refused."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

from wardtest import check, digest, finish

CLI = sys.argv[1]


def run(*args, env_extra=None):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.update(env_extra or {})
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env)


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

# stats only reads (issue 25: without the check of the whole file): the
# file stays as it was, and a missing one is named, not created.
before = digest(db)
r = run("--database", db, "stats")
check(r.returncode == 0 and digest(db) == before, "stats leaves the file untouched")
missing = os.path.join(tmp, "missing.sqlite3")
r = run("--database", missing, "stats")
check(r.returncode == 1 and not os.path.exists(missing) and "missing.sqlite3" in r.stderr,
      "stats on a missing file fails naming it, and creates nothing: %r" % r.stderr)

r = run("--database", db, "stats", "--json")
stats = json.loads(r.stdout)
check(len(stats["targets"]) == 11, "stats --json lists the 11 targets")
codes = {t["code"]: t for t in stats["targets"]}
check(codes["admissions"]["goal"] == 600 and codes["admissions"]["value"] == 0,
      "the admissions target counts 0 of 600 on a new file")
check(codes["online-services"]["goal_text"] == "> 85%", "a strict goal reads “> 85%”")

# The term runs from the congress: init says so, `term` prints and sets it.
r = run("--database", db, "term")
check(r.returncode == 0 and "16/08/2025" in r.stdout and "31/12/2030" in r.stdout,
      "term prints the congress date the seed gives: %r" % r.stdout)
before = digest(db)
r = run("--database", db, "term", "--congress", "01/02/2031")
check(r.returncode == 1 and "01/02/2031" in r.stderr, "a congress after the term is refused naming it")
check(digest(db) == before, "the refused congress date leaves the file untouched")
r = run("--database", db, "term", "--end", "31/12/2030")
check(r.returncode == 2, "--end without --congress is misuse (exit 2)")
r = run("--database", db, "term", "--congress", "18/08/2025")
check(r.returncode == 0 and "18/08/2025" in r.stdout, "term --congress sets the date")
r = run("--database", db, "stats", "--json")
check(json.loads(r.stdout)["term_start"] == "2025-08-18" if r.returncode == 0 else False,
      "stats counts from the congress date set")
run("--database", db, "term", "--congress", "16/08/2025")

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

# A new donation campaign: added, listed, and receipts imported into it.
camp_db = os.path.join(tmp, "campaigns.sqlite3")
run("--database", camp_db, "init")
POOR = "Quỹ vì người nghèo 2025"
r = run("--database", camp_db, "campaign", "add", POOR, "--organiser", "Ủy ban MTTQ phường",
        "--start", "01/01/2025", "--end", "31/12/2025", "--receiver", "Ủy ban MTTQ tỉnh Thanh Hóa",
        "--account", "3761.0.1055032")
check(r.returncode == 0 and POOR in r.stdout, "campaign add adds a campaign (exit 0): %r" % r.stderr)
r = run("--database", camp_db, "campaign", "list")
check(r.returncode == 0 and POOR in r.stdout and "01/01/2025 – 31/12/2025" in r.stdout
      and "Ủng hộ Nhân dân Cuba" in r.stdout and "17/09/2025" in r.stdout,
      "campaign list shows both campaigns with dates dd/mm/yyyy")
r = run("--database", camp_db, "campaign", "list", "--json")
listed = json.loads(r.stdout) if r.returncode == 0 else []
poor = [c for c in listed if c["name"] == POOR]
check(len(listed) == 2 and len(poor) == 1 and poor[0]["start_date"] == "2025-01-01"
      and poor[0]["receiver_account"] == "3761.0.1055032" and len(poor[0]["uuid"]) == 36,
      "campaign list --json gives both, the new one with its fields")

receipts = os.path.join(tmp, "poor.csv")
with open(receipts, "w") as f:
    f.write("Số biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,Số tiền,Hình thức,Người thu\n"
            "1,02/03/2025,Nguyễn Văn An,Chi bộ khu phố 1,500.000,Tiền mặt,Lê Thị Hoa\n"
            "2,03/03/2025,Trần Thị Bình,,1.000.000,Tiền mặt,Lê Thị Hoa\n")
r = run("--database", camp_db, "import", "donations", receipts, "--campaign", POOR)
check(r.returncode == 0 and "2 added" in r.stdout, "donations import into the new campaign (exit 0)")
# A receipt dated after the campaign's end: refused, unless allowed.
late = os.path.join(tmp, "late.csv")
with open(late, "w") as f:
    f.write("Số biên lai,Ngày,Người ủng hộ,Số tiền\n3,05/01/2026,Lê Văn Muộn,200.000\n")
before = digest(camp_db)
r = run("--database", camp_db, "import", "donations", late, "--campaign", POOR)
check(r.returncode == 1 and "31/12/2025" in (r.stdout + r.stderr),
      "a receipt after the campaign's end is refused on import, naming the end (exit 1)")
check(digest(camp_db) == before, "the refused import writes nothing")
r = run("--database", camp_db, "import", "donations", late, "--campaign", POOR, "--allow-outside-period")
check(r.returncode == 0 and "1 added" in r.stdout, "--allow-outside-period takes it: %r" % r.stdout)
r = run("--database", camp_db, "stats", "--json")
totals = {c["name"]: c for c in json.loads(r.stdout)["campaigns"]} if r.returncode == 0 else {}
check(totals.get(POOR, {}).get("received") == 1700000 and totals.get(POOR, {}).get("receipts") == 3,
      "the receipts land in the new campaign")
check(totals.get("Ủng hộ Nhân dân Cuba", {}).get("received") == 0, "the Cuba campaign is unchanged")

# Refusals name the field and write nothing.
before = digest(camp_db)
r = run("--database", camp_db, "campaign", "add", "Tết 2026", "--organiser", "Ủy ban MTTQ phường",
        "--start", "01/02/2026", "--end", "31/01/2026")
check(r.returncode == 1 and r.stderr.startswith("--end:") and "31/01/2026" in r.stderr,
      "an end date before the start is refused naming --end (exit 1): %r" % r.stderr)
r = run("--database", camp_db, "campaign", "add", "Tết 2026", "--organiser", "Ủy ban MTTQ phường",
        "--start", "01/02/2026", "--end", "30/02/2026")
check(r.returncode == 1 and r.stderr.startswith("--end:") and "30/02/2026" in r.stderr,
      "an end date that is not a real day is refused naming --end (exit 1): %r" % r.stderr)
r = run("--database", camp_db, "campaign", "add", "Tết 2026", "--start", "01/02/2026")
check(r.returncode == 1 and r.stderr.startswith("--organiser:"), "a missing organiser is refused naming it")
r = run("--database", camp_db, "campaign", "add", "  quỹ vì NGƯỜI nghèo 2025 ", "--organiser", "MTTQ",
        "--start", "01/02/2026")
check(r.returncode == 1 and "already" in r.stderr and POOR in r.stderr,
      "a name already used (ignoring case) is refused: %r" % r.stderr)
r = run("--database", camp_db, "campaign", "add", "Tết 2026", "--organiser")
check(r.returncode == 2, "an option without its value is misuse (exit 2)")
check(digest(camp_db) == before, "the refused campaigns left the file untouched")
r = run("--database", camp_db, "campaign", "add", "Tết 2026", "--organiser", "Ủy ban MTTQ phường",
        "--start", "01/02/2026", "--end", "31/01/2026",
        env_extra={"LANG": "vi_VN.UTF-8", "LC_ALL": "vi_VN.UTF-8",
                   "WARD_LOCALEDIR": os.environ.get("WARD_LOCALEDIR", "")})
check(r.returncode == 1 and "Ngày kết thúc 31/01/2026 sớm hơn ngày bắt đầu" in r.stderr,
      "the refusal is in Vietnamese under vi_VN: %r" % r.stderr)

# ---- Issue 20: workbooks, conflicts, transfers without their reference -----
WORKBOOKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "workbooks")
book_db = os.path.join(tmp, "book.sqlite3")
run("--database", book_db, "init")
workbook = os.path.join(WORKBOOKS, "ui-donations.xlsx")
r = run("--database", book_db, "import", "donations", workbook, "--sheet", "Tổ 9")
check(r.returncode == 1 and "“Đợt 1”, “Tổ 2”" in r.stderr, "an unknown sheet is refused naming the sheets")
r = run("--database", book_db, "import", "donations", workbook)
check(r.returncode == 0 and "Read sheet “Đợt 1”" in r.stdout and "3 added" in r.stdout,
      "a workbook's first sheet is imported, title rows and all (exit 0)")
check("1 row was marked “missing transaction reference”." in r.stdout,
      "the transfer without its reference is counted: %r" % r.stdout)
check("hidden row" in r.stderr and "total row" in r.stderr, "the hidden row and the total row are reported")
r = run("--database", book_db, "import", "donations", workbook, "--sheet", "Tổ 2")
check(r.returncode == 0 and "2 added" in r.stdout, "--sheet imports the second sheet")
r = run("--database", book_db, "check")
check(r.returncode == 0 and "Note: 1 receipt paid by transfer is marked" in r.stdout,
      "check's notes name the receipt without its reference: %r" % r.stdout)

conflict = os.path.join(tmp, "conflict.csv")
with open(conflict, "w", encoding="utf-8") as f:
    f.write("Số biên lai,Ngày,Người ủng hộ,Số tiền\n0001,18/09/2025,Nguyễn Văn An,900000\n"
            "0003,20/09/2025,Lê Văn Cường,-300000\n")
before = digest(book_db)
r = run("--database", book_db, "import", "donations", conflict, "--update")
check(r.returncode == 1 and "stored “500.000 đ”, in the file “900.000 đ”" in r.stderr,
      "a receipt that differs from the stored one is a conflict naming both, even with --update")
check("more than 0 đồng" in r.stderr, "a negative amount is refused as such, before any comparison")
check(digest(book_db) == before, "nothing of the refused file is stored")

unknown = os.path.join(tmp, "so-thu.csv")
with open(unknown, "w", encoding="utf-8") as f:
    f.write("Cột A,Cột B,Cột C,Cột D\n0301,28/09/2025,Ngô Văn Ích,120000\n")
r = run("--database", book_db, "import", "donations", unknown)
check(r.returncode == 1 and "--map" in r.stderr, "unknown headers are refused with how to map them")
r = run("--database", book_db, "import", "donations", unknown, "--map",
        "Cột A=Số biên lai,Cột B=Ngày,Cột C=Người ủng hộ,Cột D=Số tiền")
check(r.returncode == 0 and "1 added" in r.stdout, "--map imports the columns as named")

# Issue 26: a receipt corrected under its own number, one step.
r = run("--database", book_db, "receipt", "correct", "0301", "--amount", "150.000", "--donor", "Ngô Văn Ích")
check(r.returncode == 0 and "Receipt no. 0301 corrected" in r.stdout and "150.000" in r.stdout,
      "receipt correct records the correction: %r %r" % (r.stdout, r.stderr))
con = sqlite3.connect(book_db)
rows = con.execute("SELECT kind, amount FROM ledger_entries WHERE receipt_number = '0301' "
                   "ORDER BY id").fetchall()
con.close()
check(rows == [("receipt", 120000), ("reversal", -120000), ("receipt", 150000)],
      "the reversal and the receipt written again under the same number: %r" % rows)
r = run("--database", book_db, "check")
check(r.returncode == 0, "the chain still verifies after a correction")
before = digest(book_db)
r = run("--database", book_db, "receipt", "correct", "0301", "--amount", "-5")
check(r.returncode == 1 and "more than 0 đồng" in r.stderr, "a refused correction says why")
r = run("--database", book_db, "receipt", "correct", "9999", "--amount", "5000")
check(r.returncode == 1 and "9999" in r.stderr, "an unknown receipt number is named")
r = run("--database", book_db, "receipt", "correct", "0301")
check(r.returncode == 2, "a correction that changes nothing is misuse (exit 2)")
check(digest(book_db) == before, "nothing of a refused correction is stored")

finish()
