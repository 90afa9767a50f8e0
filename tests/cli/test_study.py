# SPDX-License-Identifier: GPL-3.0-or-later
"""`ward-tracker-cli study` as a script uses it: the roster imported, a chi bộ
session recorded with two members absent, one make-up, a reflection; the
shares `study status` prints are those of `report study`; a refused session
stores nothing."""
import os
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

from wardtest import check, finish

CLI = sys.argv[1]


def run(*args):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", WARD_TODAY="2026-11-27")
    return subprocess.run([CLI, "--database", db, *args], capture_output=True, text=True, env=env)


tmp = tempfile.mkdtemp(prefix="ward-cli-study-")
db = os.path.join(tmp, "ward.sqlite3")
roster = os.path.join(tmp, "dang-vien.csv")
with open(roster, "w", encoding="utf-8") as f:
    f.write("Họ và tên,Ngày sinh,Chi bộ,Ngày vào Đảng,Ngày chính thức,Miễn sinh hoạt\n")
    for i in range(10):
        f.write("Đảng viên %02d,01/01/%d,Chi bộ Khu phố 5,01/02/%d,01/02/%d,%s\n"
                % (i + 1, 1950 + i, 1980 + i, 1981 + i, "tuổi cao" if i == 9 else ""))
    f.write("Người Mới,02/02/1999,Chi bộ Khu phố 5,01/11/2025,,\n")

check(run("init").returncode == 0, "init")
r = run("import", "roster", roster)
check(r.returncode == 0 and "11 added" in r.stdout, "import roster adds 11 members (%s)" % r.stderr)

r = run("study", "session", "add", "--chi-bo", "Chi bộ Khu phố 5", "--title", "Học tập Nghị quyết",
        "--date", "10/10/2025", "--absent", "Đảng viên 02=Ốm", "--absent", "Đảng viên 10")
check(r.returncode == 0, "session add succeeds (%s)" % r.stderr)
# The member admitted on 01/11/2025 is left out of the session of 10/10/2025.
check("8 present, 2 absent" in r.stdout, "10 lines: 8 present, 2 absent (%s)" % r.stdout.strip())
session = r.stdout.split()[2].rstrip(":")

r = run("study", "session", "add", "--chi-bo", "Chi bộ Khu phố 5", "--title", "Học tập",
        "--date", "10/10/2025", "--absent", "Không Có Ai")
check(r.returncode == 1 and "Không Có Ai" in r.stderr, "an unknown absent member is refused")
with sqlite3.connect(db) as con:
    check(con.execute("select count(*) from study_sessions where cell_id is not null").fetchone()[0] == 1,
          "and nothing of it is stored")

check(run("study", "make-up", session, "Đảng viên 02", "--date", "20/10/2025").returncode == 0,
      "make-up records the make-up")
r = run("study", "make-up", session, "Đảng viên 03", "--date", "20/10/2025")
check(r.returncode == 1 and "attended" in r.stderr, "a member who attended has nothing to make up")
check(run("study", "reflection", "Đảng viên 01", "--date", "25/10/2025", "--grade", "tốt").returncode == 0,
      "reflection records one")

r = run("study", "status")
# 9 counted: the exempt member who was absent is not; the new member had no session.
check("attended 8/9 (88,9%)" in r.stdout and "made up 1" in r.stdout and "studied 100%" in r.stdout,
      "status: 8 of 9 attended, 1 made up, 100%% studied (%s)" % r.stdout.strip())
check("reflections 1/9" in r.stdout, "status: 1 reflection of 9")

pdf = os.path.join(tmp, "hoc-tap.pdf")
check(run("report", "study", "--output", pdf).returncode == 0, "report study writes the PDF")
text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
row = next((l for l in text.splitlines() if "Chi bộ Khu phố 5" in l and l.strip().startswith("1 ")), "")
check(row.split()[-8:] == ["9", "8", "88,9", "1", "100", "0", "1", "1"],
      "the report's row agrees with status (%s)" % row.strip())

# The workbook holds the shares as numbers, shown with a decimal comma.
xlsx = os.path.join(tmp, "hoc-tap.xlsx")
check(run("report", "study", "--output", xlsx).returncode == 0, "report study writes the workbook")
wb = openpyxl.load_workbook(xlsx)
cells = [r for ws in wb.worksheets for r in ws.iter_rows(values_only=False)
         if len(r) > 9 and r[0].value == 1 and r[1].value == "Chi bộ Khu phố 5"]
values = [c.value for c in cells[0]] if cells else []
check(values[2:9] == [9, 8, 88.9, 1, 100, 0, 1] and "0.0" in cells[0][4].number_format,
      "its row holds numbers, the shares 88.9 and 100 as decimals (%r, %s)"
      % (values, cells[0][4].number_format if cells else None))
finish()
