# SPDX-License-Identifier: GPL-3.0-or-later
"""A file imported before the register kept the introducers (the issue's
40 candidates): the clerk corrects a phone number, sees "Thiếu người giới
thiệu" as a warning on the record, and saves; the register shows the
deadline the file is past (the chi bộ's resolution on recognition, 30
working days after the probation). Today is pinned to 27/11/2026."""
import os
import sqlite3
import subprocess
import tempfile
import time

from dogtail import rawinput

import wardui
from wardui import check

NAME = "Trần Văn An"
HEADER = ("Họ và tên,Ngày sinh,Giới tính,Trình độ học vấn,Ngày vào danh sách cảm tình,"
          "Ngày cấp giấy chứng nhận,Ngày đơn và lý lịch,Ngày gửi thẩm tra lý lịch,"
          "Ngày hoàn thành thẩm tra lý lịch,Người giới thiệu 1,Người giới thiệu 1 là đảng viên chính thức,"
          "Người giới thiệu 1 cùng công tác từ ngày,Người giới thiệu 2,"
          "Người giới thiệu 2 là đảng viên chính thức,Người giới thiệu 2 cùng công tác từ ngày,"
          "Số nghị quyết chi bộ,Ngày nghị quyết chi bộ,Số quyết định kết nạp,Ngày quyết định kết nạp,"
          "Ngày kết nạp,Số điện thoại\n")
ROW = ("%s,01/01/1990,Nam,12/12,10/01/2025,15/02/2025,01/03/2025,10/03/2025,10/05/2025,"
       "Lê Văn Tám,x,01/01/2020,Phạm Thị Mai,x,01/01/2020,05-NQ/CB,20/08/2025,120-QĐ/ĐU,01/09/2025,"
       "15/09/2025,0912\n" % NAME)


def cli(db, *args):
    env = dict(os.environ, WARD_TODAY="2026-11-27", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    return subprocess.run([wardui.CLI, "--database", db, *args], env=env, capture_output=True, text=True)


# The file as the old import left it: the introducers' columns empty.
tmp = tempfile.mkdtemp(prefix="ward-ui-imported-")
db = os.path.join(tmp, "ward.sqlite3")
csv = os.path.join(tmp, "members.csv")
with open(csv, "w", encoding="utf-8") as f:
    f.write(HEADER + ROW)
cli(db, "init")
result = cli(db, "import", "members", csv)
check(result.returncode == 0, "the register is imported: %s" % result.stdout)
con = sqlite3.connect(db)
con.execute("UPDATE candidates SET introducer_1 = NULL, introducer_2 = NULL, introducer_1_official = NULL, "
            "introducer_2_official = NULL, introducer_1_since = NULL, introducer_2_since = NULL")
con.commit()
con.close()

app = wardui.App(database=db)


reveal = wardui.reveal


def in_list():
    found = app.window.findChildren(lambda n: n.roleName == "label" and n.name == NAME)
    cells = [n for n in found if n.parent.roleName == "table cell"]
    return cells[0] if cells else None


app.goto("Kết nạp đảng viên")
label = app.wait_for(in_list)
check(app.wait_for(lambda: app.window.findChild(
    lambda n: n.roleName == "label" and n.name == "23 ngày làm việc", retry=False, requireResult=False)),
    "the register shows the 23 working days the chi bộ's resolution on recognition is overdue")
# Open the record: a click on the start of the name, then Return.
x, y = label.position
rawinput.click(x + 5, y + label.size[1] // 2)
time.sleep(1)
rawinput.pressKey("Return")
dialog = app.dialog_named(NAME, showing=True)
phone = app.wait_for(lambda: dialog.findChild(lambda n: n.roleName == "text" and n.name == "Điện thoại",
                                              retry=False, requireResult=False))
reveal(phone, dialog)
app.type_into(phone, "0912 345 678")
reveal(app.wait_for(lambda: dialog.findChild(lambda n: n.roleName == "text" and n.name == "Quyết định kết nạp: ngày",
                                             retry=False, requireResult=False)), dialog)
check(app.has_text_containing("Thiếu người giới thiệu", parent=dialog),
      "the missing introducers are said, as a warning")
app.screenshot("admissions-imported-01-warning")
rawinput.keyCombo("<Control>s")
check(app.dialog_gone(NAME, showing=True), "the record is saved all the same")
exported = os.path.join(tmp, "out.csv")
cli(db, "export", "members", exported)
with open(exported, encoding="utf-8-sig") as f:
    check("0912 345 678" in f.read(), "the corrected phone number is stored")
app.screenshot("admissions-imported-02-saved")
app.quit()
wardui.finish()
