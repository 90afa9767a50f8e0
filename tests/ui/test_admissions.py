# SPDX-License-Identifier: GPL-3.0-or-later
"""The admission register, as a clerk uses it: the chi bộ list gets its
first chi bộ; a candidate is added, then moved through the stages to the
admission ceremony, and the count toward 600 rises on Kết nạp đảng viên and
on Tổng quan ("1/600"); a decision later than the 60 working days the
regulation gives is a warning in the form, in the list's "Thời hạn quy
định" column and under the filter "Quá hạn theo quy định"; an underage candidate is refused with the rule's
message shown in the form and nothing stored; the list finds her without
tone marks; deleting her is undone. Today is pinned to 27/11/2026
(wardui's WARD_TODAY)."""
import json
import os
import time

from dogtail import rawinput

import wardui
from wardui import check

NAME = "Nguyễn Thị Hoa"
CELL = "Chi bộ Khu phố 1"
NEW_TITLE = "Quần chúng mới"
# The stage filter: "Mọi bước", the ten stages, then "Quá hạn theo quy định".
OVERDUE_FILTER = 11

app = wardui.App()


def showing(role, name, parent=None, timeout=10.0):
    """A control on screen now (closed dialogs may linger). GTK 4.8 does not
    always tell AT-SPI when a stack page comes into view, so a control of
    the main window that says it is not showing is taken when it is the
    only one of its name."""
    parent = parent or app.window

    def find():
        found = parent.findChildren(lambda n: n.roleName == role and n.name == name)
        on_screen = [n for n in found if n.showing]
        if on_screen:
            return on_screen[0]
        return found[0] if len(found) == 1 else None
    return app.wait_for(find, timeout)


reveal = wardui.reveal


def type_into(node, text, window=None):
    """Brings an entry into view, clicks it and replaces its text."""
    if window is not None:
        reveal(node, window)
    app.type_into(node, text)


def pick(combo, position, window):
    """Brings a drop-down row into view and chooses its entry at @position."""
    reveal(combo, window)
    app.pick(combo, position)


def named(window, text):
    """Some control of @window is named exactly @text (shown or not)."""
    return window.findChild(lambda n: n.name == text, retry=False, requireResult=False) is not None


def names_in(window, text):
    """Some control of @window has a name that begins with @text (GTK 4.8
    appends the names of a row's children to the row's own)."""
    return window.findChild(lambda n: (n.name or "").startswith(text),
                            retry=False, requireResult=False) is not None


def row_shows(title, value, window=None):
    """A row titled @title (a list item) holds a label beginning with @value.
    Rows rebuilt while their page was hidden do not say that they show, so
    this does not ask."""
    window = window or app.window

    def holds(row):
        return row.findChild(lambda n: n.roleName == "label" and (n.name or "").startswith(value),
                             retry=False, requireResult=False) is not None
    try:
        return bool(app.wait_for(lambda: window.findChild(
            lambda n: n.roleName == "list item" and n.name == title and holds(n),
            retry=False, requireResult=False), timeout=5))
    except TimeoutError:
        return False


def stage_entry(dialog, stage, what="ngày"):
    return showing("text", "%s: %s" % (stage, what), dialog)


def counted_by_cli():
    """The admissions that `ward-tracker-cli stats --json` counts."""
    result = app.cli("stats", "--json")
    if result.returncode != 0:
        print(result.stderr)
        return None
    for counted in json.loads(result.stdout).get("counted", []):
        if counted["source"] == "admissions":
            return counted["count"], [y["count"] for y in counted["by_year"]]
    return None


def exported():
    """The register as `ward-tracker-cli export members` writes it."""
    path = os.path.join(app.tmp, "members.csv")
    result = app.cli("export", "members", path)
    if result.returncode != 0:
        print(result.stderr)
        return ""
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def save(dialog_name):
    rawinput.keyCombo("<Control>s")
    return app.dialog_gone(dialog_name, showing=True)


# Tổng quan counts nothing yet; the empty register says how to begin.
check(row_shows("Kết nạp đảng viên", "0/600"), "Tổng quan shows 0/600 admissions")
app.goto("Kết nạp đảng viên")
check(app.shows("Chưa có quần chúng nào"), "an empty register shows its empty state")
check(app.shows("Ctrl+N"), "the empty state says how to add the first candidate")
app.screenshot("admissions-01-empty")

# The office's chi bộ list gets its first chi bộ.
app.press(app.button("Danh sách chi bộ…"))
cells = app.dialog_named("Danh sách chi bộ", showing=True)
type_into(showing("text", "Tên chi bộ mới", cells), CELL, cells)
rawinput.pressKey("Return")
check(app.wait_for(lambda: names_in(cells, CELL) and names_in(cells, "Chưa có quần chúng")),
      "the new chi bộ is in the list, with no candidates")
app.screenshot("admissions-02-cells")
rawinput.pressKey("Escape")
check(app.dialog_gone("Danh sách chi bộ", showing=True), "the chi bộ list closes")

# A new candidate: name, date of birth, chi bộ.
rawinput.keyCombo("<Control>n")
dialog = app.dialog_named(NEW_TITLE, showing=True)
type_into(showing("text", "Họ và tên", dialog), NAME, dialog)
type_into(showing("text", "Ngày sinh (ngày/tháng/năm)", dialog), "05/03/1995", dialog)
pick(showing("combo box", "Chi bộ", dialog), 1, dialog)
check(names_in(dialog, CELL), "the chi bộ is chosen from the office’s list")
pick(showing("combo box", "Giới tính", dialog), 2, dialog)
type_into(stage_entry(dialog, "Vào danh sách cảm tình đảng"), "10/01/2025", dialog)
app.screenshot("admissions-03-new")
check(save(NEW_TITLE), "the form closes once the candidate is stored")
check(app.shows(NAME, exact=True), "the candidate is listed")
check(app.shows("Vào danh sách cảm tình đảng", exact=True), "her stage is shown")
check(app.shows("0/600"), "a candidate not yet admitted does not count")
check(counted_by_cli() == (0, [0, 0, 0, 0, 0, 0]), "ward-tracker-cli counts nothing yet")
# Nothing is past a statutory deadline yet: the filter shows no one.
stage_filter = showing("combo box", "Bước")
app.pick(stage_filter, OVERDUE_FILTER)
check(app.wait_for(lambda: named(app.window, "0 trên 1 quần chúng")),
      "“Quá hạn theo quy định” shows none of one while no deadline is missed")
app.pick(stage_filter, 0)

# Through the stages to the ceremony.
showing("label", NAME).click()
rawinput.pressKey("Return")
dialog = app.dialog_named(NAME, showing=True)
for stage, date in [("Lớp bồi dưỡng nhận thức về Đảng", "15/02/2025"),
                    ("Đơn và lý lịch", "01/03/2025"),
                    ("Gửi thẩm tra lý lịch", "10/03/2025"),
                    ("Hoàn thành thẩm tra lý lịch", "10/05/2025")]:
    type_into(stage_entry(dialog, stage), date, dialog)
for which, name in [("thứ nhất", "Lê Văn Tám"), ("thứ hai", "Phạm Thị Mai")]:
    type_into(stage_entry(dialog, "Giới thiệu", "người giới thiệu " + which), name, dialog)
    type_into(stage_entry(dialog, "Giới thiệu", "người giới thiệu %s, cùng công tác hoặc cư trú từ ngày" % which),
              "01/01/2020", dialog)
    official = showing("check box", "Giới thiệu: người giới thiệu %s là đảng viên chính thức" % which, dialog)
    reveal(official, dialog)
    app.press(official)
type_into(stage_entry(dialog, "Nghị quyết chi bộ"), "26/02/2026", dialog)
type_into(stage_entry(dialog, "Nghị quyết chi bộ", "số"), "05-NQ/CB", dialog)
type_into(stage_entry(dialog, "Quyết định kết nạp"), "20/06/2026", dialog)
# 60 working days from the chi bộ resolution (Quy định 29-QĐ/TW 4.3.1): a
# warning, the record is still kept.
check(app.has_text_containing("Quá thời hạn: “Quyết định kết nạp”", parent=dialog),
      "the form warns that the decision came past the 60 working days")
app.screenshot("admissions-04a-deadline")
# The decision's number is required once its date is set.
check(app.has_text("Hãy ghi số quyết định kết nạp: đã có ngày quyết định.", parent=dialog),
      "the form asks for the decision's number once its date is typed")
type_into(stage_entry(dialog, "Quyết định kết nạp", "số"), "120-QĐ/ĐU", dialog)
check(not app.has_text("Hãy ghi số quyết định kết nạp: đã có ngày quyết định.", parent=dialog),
      "the message goes once the number is written")
type_into(stage_entry(dialog, "Lễ kết nạp"), "01/07/2026", dialog)
check(app.has_text_containing("Đến hạn ngày 01/07/2027", parent=dialog),
      "the timeline shows when official recognition falls due")
app.screenshot("admissions-04-timeline")
check(save(NAME), "the form closes once the stages are stored")
row = [line for line in exported().splitlines() if line.startswith(NAME)]
check(row and "10/01/2025,15/02/2025,05-NQ/CB,26/02/2026,120-QĐ/ĐU,20/06/2026,01/07/2026" in row[0],
      "every stage typed in the form is stored (as the export shows)")
check(app.shows("Lễ kết nạp", exact=True), "her stage is now the admission ceremony")
check(app.shows("1/600"), "the page counts 1/600 toward the target")
check(counted_by_cli() == (1, [0, 1, 0, 0, 0, 0]), "ward-tracker-cli counts 1, in 2026")
check(app.wait_for(lambda: app.window.findChild(
    lambda n: n.roleName == "label" and (n.name or "").endswith(" ngày làm việc"),
    retry=False, requireResult=False)), "the list shows the working days the decision ran over")
app.screenshot("admissions-05-admitted")
app.pick(stage_filter, OVERDUE_FILTER)
check(app.wait_for(lambda: named(app.window, "1 quần chúng")) and app.shows(NAME, exact=True),
      "“Quá hạn theo quy định” shows her")
app.screenshot("admissions-05a-overdue-filter")
app.pick(stage_filter, 0)

# The progress view: by year, by chi bộ, the pace needed, the statistics.
app.press(showing("page tab", "Tiến độ và thống kê"))
time.sleep(1)
check(app.shows("Cần mỗi năm"), "the progress view shows the pace needed")
check(app.shows("147 mỗi năm", exact=True),
      "599 left over the 4,1 years left of the term on 27/11/2026 is 147 a year")
check(app.shows("Theo chi bộ"), "the progress view counts by chi bộ")
check(row_shows("Nữ", "1 · 100%") and row_shows("Nam", "0 · 0%"),
      "the statistics count her among the women")
check(row_shows("Từ 31 đến 40 tuổi", "1 · 100%"), "and in the age group of her age at the ceremony (31)")
check(row_shows(CELL, "1 · 100%"), "and under her chi bộ")
app.screenshot("admissions-06-progress")
app.press(showing("page tab", "Quần chúng"))
time.sleep(0.5)

# Tổng quan counts her too.
app.goto("Tổng quan")
check(row_shows("Kết nạp đảng viên", "1/600"), "Tổng quan shows 1/600 admissions")
app.screenshot("admissions-07-overview")

# An underage candidate is refused, with the rule's message in the form.
app.goto("Kết nạp đảng viên")
rawinput.keyCombo("<Control>n")
dialog = app.dialog_named(NEW_TITLE, showing=True)
type_into(showing("text", "Họ và tên", dialog), "Lê Thị Nhỏ", dialog)
type_into(showing("text", "Ngày sinh (ngày/tháng/năm)", dialog), "01/06/2009", dialog)
type_into(stage_entry(dialog, "Giới thiệu", "người giới thiệu thứ nhất"), "Lê Văn Tám", dialog)
type_into(stage_entry(dialog, "Giới thiệu", "người giới thiệu thứ hai"), "Phạm Thị Mai", dialog)
type_into(stage_entry(dialog, "Nghị quyết chi bộ"), "20/11/2026", dialog)
type_into(stage_entry(dialog, "Nghị quyết chi bộ", "số"), "07-NQ/CB", dialog)
rawinput.keyCombo("<Control>s")
time.sleep(1)
UNDERAGE = ("Tại thời điểm chi bộ xét kết nạp (20/11/2026), người vào Đảng phải đủ 18 tuổi, "
            "tính theo tháng: đủ 18 tuổi từ tháng 06/2027.")
check(app.has_text(UNDERAGE, parent=dialog), "the form says she is not a full 18 at the resolution")
check(not app.dialog_gone(NEW_TITLE, showing=True), "the refused form stays open")
app.screenshot("admissions-08-underage")
rawinput.pressKey("Escape")
ask = app.dialog_named("Bỏ các thay đổi?")
check(ask is not None, "Escape on the typed form asks before throwing it away")
app.press(app.button("Tiếp tục sửa", ask))
check(not app.dialog_gone(NEW_TITLE, showing=True, timeout=1), "“Tiếp tục sửa” keeps the form")
rawinput.pressKey("Escape")
app.press(app.button("Bỏ đi", app.dialog_named("Bỏ các thay đổi?")))
check(app.dialog_gone(NEW_TITLE, showing=True), "“Bỏ đi” closes the refused form")
check(not app.has_text("Lê Thị Nhỏ"), "nothing was stored for her")
check(counted_by_cli() == (1, [0, 1, 0, 0, 0, 0]), "the count is still 1")

# The list finds her by words without tone marks.
search = showing("entry", "Tìm quần chúng")
type_into(search, "khong co ai")
check(app.shows("Không có quần chúng phù hợp"), "a search that matches nothing says so")
check(app.wait_for(lambda: named(app.window, "0 trên 1 quần chúng")), "and counts none of one")
type_into(search, "nguyen thi hoa")
check(app.wait_for(lambda: named(app.window, "1 quần chúng")), "“nguyen thi hoa” finds “Nguyễn Thị Hoa”")
app.screenshot("admissions-09-search")
type_into(search, "")

# Delete, and Undo brings her back, counted again.
showing("label", NAME).click()
rawinput.pressKey("Delete")
check(app.wait_for(lambda: names_in(app.window, "Đã xóa “%s”" % NAME)), "deleting says who was deleted")
check(app.shows("Chưa có quần chúng nào"), "the register is empty again")
app.screenshot("admissions-10-deleted")
rawinput.keyCombo("<Control>z")
check(app.shows(NAME, exact=True), "Ctrl+Z brings her back into the list")
check(app.shows("1/600"), "and counted again")

app.quit()
wardui.finish()
