# SPDX-License-Identifier: GPL-3.0-or-later
"""The checks the window runs on its file once it is up (issue 13 moved them
off the path to the first frame): a donation changed with the sqlite3 shell
is reported wherever the clerk is, with a button to the ledger, where the
findings name the receipt; a damaged file opens, says so plainly, and is
left exactly as it was."""
import hashlib
import os
import sqlite3
import subprocess
import tempfile

import wardui
from wardui import check

CSV_HEADER = "Số biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,Số tiền,Hình thức,Người thu,Ghi chú\n"
CSV_ROWS = [
    "1,20/09/2025,Nguyễn Văn An,Tổ dân phố 1,500000,Tiền mặt,Lê Thị Hoa,",
    "2,21/09/2025,Trần Thị Bình,Tổ dân phố 2,300000,Tiền mặt,Lê Thị Hoa,",
    "3,22/09/2025,Chi bộ Khu phố 3,Chi bộ,1000000,Tiền mặt,Lê Thị Hoa,",
]


def cli(database, *args):
    return subprocess.run([wardui.CLI, "--database", database, *args], capture_output=True,
                          text=True, env=dict(os.environ, LANG="vi_VN.UTF-8", LC_ALL="vi_VN.UTF-8"))


def new_file(folder, name):
    path = os.path.join(folder, name)
    csv = os.path.join(folder, name + ".csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write(CSV_HEADER + "\n".join(CSV_ROWS) + "\n")
    # Only init creates a data file (issue 24): every other command refuses
    # a path where there is none.
    result = cli(path, "init")
    if result.returncode == 0:
        result = cli(path, "import", "donations", csv)
    if result.returncode != 0:
        raise RuntimeError("import failed: %s %s" % (result.stdout, result.stderr))
    return path


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


folder = tempfile.mkdtemp(prefix="ward-file-check-")

# 1. A receipt's amount changed outside the application, as with sqlite3.
tampered = new_file(folder, "tampered.sqlite3")
con = sqlite3.connect(tampered)
con.execute("DROP TRIGGER ledger_entries_no_update")
con.execute("UPDATE ledger_entries SET amount = 3000000 WHERE receipt_number = '2'")
con.commit()
con.close()

app = wardui.App(database=tampered)
toast = "Sổ ủng hộ đã bị thay đổi ngoài ứng dụng Ward Tracker"
check(app.wait_for(lambda: app.has_text(toast, parent=app.window), 30),
      "the window says the ledger was changed, on the overview")
check(app.current_title() == "Tổng quan", "while the clerk is on the overview")
app.screenshot("file-check-01-ledger-changed-toast")
app.press(app.button("Xem"))
check(app.wait_for(lambda: app.current_title() == "Ủng hộ Cuba"), "Xem opens the ledger")
app.page = app.page_panel("Ủng hộ Cuba")
check(app.shows("Biên lai số 2"), "the finding names receipt no. 2")
check(not app.has_text_containing("Biên lai số 1:") and not app.has_text_containing("Biên lai số 3:"),
      "and only it")
app.screenshot("file-check-02-ledger-findings")
app.quit()

# 2. A damaged file: a page of an index scribbled over, the schema intact.
damaged = new_file(folder, "damaged.sqlite3")
con = sqlite3.connect(damaged)
page_size = con.execute("PRAGMA page_size").fetchone()[0]
root = con.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'audit_row'").fetchone()[0]
con.close()
with open(damaged, "r+b") as f:
    f.seek((root - 1) * page_size)
    f.write(b"\xa5" * page_size)
before = digest(damaged)

app = wardui.App(database=damaged)
dialog = app.wait_for(lambda: app.root.findChild(
    lambda n: n.roleName in ("dialog", "alert", "frame") and n.name == "Tệp dữ liệu bị hỏng",
    retry=False, requireResult=False), 30)
check(dialog is not None, "a damaged file is announced in a dialog")
check(app.has_text_containing("Khôi phục", parent=dialog), "which says to restore the backup")
app.screenshot("file-check-03-damaged")
app.press(app.button("Đóng", dialog))
app.quit()
check(digest(damaged) == before, "the damaged file was not written to")
check(cli(damaged, "check").returncode != 0, "ward-tracker-cli check reports it too")

wardui.finish()
