# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 20: the donation sheet kept as an Excel workbook goes straight in
through the window. The workbook has title rows above the header and two
sheets; the preview names the sheet, says what it left out (a hidden row,
the title rows) and that the "Tổng cộng" row matched, counts the transfer
without its bank reference; the clerk picks the second sheet, imports it,
and the ledger shows its receipts."""
import os
import time

from dogtail import rawinput

import wardui
from wardui import check

WORKBOOK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "workbooks",
                        "ui-donations.xlsx")
TITLE = "Nhập bảng tính"

app = wardui.App()


def dialog_text_containing(dialog, part, timeout=20):
    try:
        return app.wait_for(lambda: app.has_text_containing(part, parent=dialog), timeout)
    except TimeoutError:
        return False


def choose_file(path):
    """The file chooser: typing a path opens its location entry."""
    time.sleep(1.5)
    rawinput.typeText(path)
    time.sleep(0.5)
    rawinput.pressKey("Return")
    time.sleep(1.0)
    chooser = app.root.findChild(lambda n: n.name == "Chọn bảng tính"
                                 and n.roleName in ("filler", "dialog", "frame"),
                                 retry=False, requireResult=False)
    if chooser is not None:
        opener = chooser.findChild(lambda n: n.roleName == "push button" and n.name in ("Mở", "_Mở"),
                                   retry=False, requireResult=False)
        if opener is not None:
            opener.doActionNamed("click")


app.goto("Ủng hộ Cuba")
check(app.shows("Chưa có khoản ủng hộ nào"), "the ledger starts empty")
rawinput.keyCombo("<Control>i")
choose_file(os.path.abspath(WORKBOOK))

dialog = app.wait_for(lambda: app.root.findChild(
    lambda n: n.roleName in ("frame", "dialog") and n.name == TITLE, retry=False, requireResult=False))
check(dialog_text_containing(dialog, "Trang tính “Đợt 1”"), "the preview names the sheet it read")
check(dialog_text_containing(dialog, "3 dòng"), "three receipts are read from the first sheet")
check(dialog_text_containing(dialog, "thiếu mã giao dịch"),
      "the preview counts the transfer without its bank reference")
check(dialog_text_containing(dialog, "dòng 8"), "the hidden row is said to be left out")
check(dialog_text_containing(dialog, "dòng tổng cộng"), "the “Tổng cộng” row is recognised and matches")
check(dialog_text_containing(dialog, "DANH SÁCH ỦNG HỘ NHÂN DÂN CUBA – ĐỢT 1"),
      "the title row above the header is listed as skipped")
sheet = app.find("combo box", "Trang tính", dialog)
check(sheet is not None, "the workbook's sheets are offered")
app.screenshot("import-workbook-01-first-sheet")

app.pick(sheet, 1)
check(dialog_text_containing(dialog, "Trang tính “Tổ 2”"), "the second sheet is read once chosen")
check(dialog_text_containing(dialog, "2 dòng"), "two receipts are read from the second sheet")
app.screenshot("import-workbook-02-second-sheet")

app.press(app.button("Nhập 2 dòng", dialog))
check(app.dialog_gone(TITLE), "the dialog closes once the sheet is imported")
check(app.wait_for(lambda: app.has_text("Vũ Văn Hải", parent=app.page), 10),
      "the ledger lists a receipt of the second sheet")
stored = app.cli("check")
check(stored.returncode == 0, "the file checks out after the import")
app.screenshot("import-workbook-03-imported")

# The first sheet too: its transfer without a reference is stored, marked,
# and the ledger's filter lists it alone.
rawinput.keyCombo("<Control>i")
choose_file(os.path.abspath(WORKBOOK))
dialog = app.wait_for(lambda: app.root.findChild(
    lambda n: n.roleName in ("frame", "dialog") and n.name == TITLE, retry=False, requireResult=False))
check(dialog_text_containing(dialog, "Trang tính “Đợt 1”"), "a new file opens on its first sheet")
app.press(app.button("Nhập 3 dòng", dialog))
check(app.dialog_gone(TITLE), "the first sheet is imported")
check(app.wait_for(lambda: app.has_text("Biên lai · thiếu mã giao dịch", parent=app.page), 10),
      "the transfer without its reference is marked in the ledger")
app.pick(app.find("combo box", "Hình thức", app.page), 3)
check(app.wait_for(lambda: app.has_text_containing("1 trên 5", parent=app.page), 10),
      "the filter lists the one transfer missing its reference")
check(app.has_text("Trần Thị Bình", parent=app.page), "it is Trần Thị Bình's receipt")
app.screenshot("import-workbook-04-missing-reference")
stored = app.cli("check")
check("thiếu mã giao dịch" in stored.stdout or "missing transaction reference" in stored.stdout,
      "check's notes name the marked receipt")

# A sheet whose headers Ward Tracker does not know: the clerk says what
# each column holds, and the choice is remembered for the same headers.
unknown = os.path.join(app.tmp, "so-thu.csv")
with open(unknown, "w", encoding="utf-8") as f:
    f.write("SỔ THU TIỀN ỦNG HỘ\n\nCột A,Cột B,Cột C,Cột D\n"
            "0201,27/09/2025,Ngô Văn Ích,120000\n")
rawinput.keyCombo("<Control>i")
choose_file(unknown)
dialog = app.wait_for(lambda: app.root.findChild(
    lambda n: n.roleName in ("frame", "dialog") and n.name == TITLE, retry=False, requireResult=False))
check(dialog_text_containing(dialog, "Ghép các cột"), "unknown headers open the column matching")
for position, header in enumerate(("Cột A", "Cột B", "Cột C", "Cột D")):
    app.pick(app.find("combo box", header, dialog), {0: 1, 1: 2, 2: 3, 3: 5}[position])
app.screenshot("import-workbook-05-columns")
app.press(app.button("Kiểm tra với các cột này", dialog))
check(dialog_text_containing(dialog, "1 dòng: 1 mới"), "with the columns matched, the row is read")
app.press(app.button("Nhập 1 dòng", dialog))
check(app.dialog_gone(TITLE), "the sheet is imported")

rawinput.keyCombo("<Control>i")
choose_file(unknown)
dialog = app.wait_for(lambda: app.root.findChild(
    lambda n: n.roleName in ("frame", "dialog") and n.name == TITLE, retry=False, requireResult=False))
check(dialog_text_containing(dialog, "1 dòng: 0 mới, 0 sẽ cập nhật, 1 đã có"),
      "a file with the same headers is read with the remembered columns")
app.screenshot("import-workbook-06-remembered")
rawinput.pressKey("Escape")

app.quit()
wardui.finish()
