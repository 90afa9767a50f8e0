# SPDX-License-Identifier: GPL-3.0-or-later
"""The action programme, as a clerk uses it: adds an item with a deadline
already past through the form (after the form refuses a deadline before the
start), sees it marked "Quá hạn" in the list and counted in its group's
roll-up, logs an update, finds it by a search without tone marks, filters it
out by unit and status, deletes it and brings it back with Undo, edits the
list of units, and finds the item listed as overdue on Tổng quan.
Today is pinned to 27/11/2026 (wardui's WARD_TODAY)."""
import json
import os
import time

from dogtail import rawinput

import wardui
from wardui import check

TITLE = "Rà soát, số hóa hồ sơ địa chính"
GROUP = "Cải cách hành chính gắn với chuyển đổi số toàn diện"

app = wardui.App()

# GTK 4.8 sets the SHOWING state on windows only, so wardui's shows() and
# has_text() (which want it) see nothing; these helpers look for names alone
# and the checks below are about names that only the current state has.


def present(text, parent=None, exact=True, timeout=5.0):
    parent = parent or app.window
    try:
        return app.wait_for(lambda: parent.findChild(
            lambda n: n.name is not None and (n.name == text if exact else text in n.name),
            retry=False, requireResult=False), timeout)
    except TimeoutError:
        return None


def combo(name, parent=None):
    """A drop-down; GTK 4.8 may add the chosen entry to its name."""
    parent = parent or app.window
    return app.wait_for(lambda: parent.findChild(
        lambda n: n.roleName == "combo box" and n.name is not None
        and (n.name == name or n.name.startswith(name + " ")),
        retry=False, requireResult=False))


def cells():
    """The texts of the item list's cells."""
    rows = app.find("list", "GtkColumnListView", app.find("tree table", "Các nội dung"))
    return [n.name for n in rows.findChildren(lambda n: n.roleName == "label")]


def listed(text, timeout=5.0):
    try:
        return app.wait_for(lambda: text in cells(), timeout)
    except TimeoutError:
        return False


def not_listed(text, timeout=5.0):
    try:
        return app.wait_for(lambda: text not in cells(), timeout)
    except TimeoutError:
        return False


# An empty programme says how to begin.
app.goto("Chương trình hành động")
check(present("Thêm nội dung đầu tiên của chương trình hành động bằng nút + (Ctrl+N).") is not None
      and cells() == [], "an empty programme says how to add the first item")
check(present("Nhiệm vụ trọng tâm") is not None and present("Khâu đột phá") is not None,
      "the sidebar lists the key tasks and the breakthroughs")
app.screenshot("programme-01-empty")

# Choose the first breakthrough, then add an item with Ctrl+N.
app.find("list item", GROUP + ": Chưa có nội dung nào").click()
time.sleep(0.5)
rawinput.keyCombo("<Control>n")
dialog = app.dialog_named("Nội dung mới")
check(present(GROUP, parent=dialog) is not None, "the form starts in the chosen breakthrough")
app.type_into(app.find("text", "Tên nội dung", dialog), TITLE)
app.pick(combo("Cơ quan chủ trì", dialog), 2)   # Không có, Đảng ủy, UBND phường
app.type_into(app.find("text", "Ngày bắt đầu", dialog), "01/12/2026")
app.type_into(app.find("text", "Hạn hoàn thành", dialog), "15/10/2026")
rawinput.keyCombo("<Control>s")
check(present("Thời hạn hoàn thành sớm hơn ngày bắt đầu.", parent=dialog) is not None
      and not app.dialog_gone("Nội dung mới"),
      "the form refuses a deadline before the start, says so and stays open")
app.screenshot("programme-02-form-refused")

app.type_into(app.find("text", "Ngày bắt đầu", dialog), "01/02/2026")
rawinput.keyCombo("<Control>s")
check(app.dialog_gone("Nội dung mới"), "the form closes once the item is stored")

# The list marks it overdue, in words, and its group counts it.
check(listed(TITLE), "the new item is listed")
check(listed("15/10/2026"), "its deadline shows as dd/mm/yyyy")
check(listed("Quá hạn"), "the item is marked Quá hạn in the list")
check(listed("UBND phường"), "its lead unit shows")
check(listed("Chưa bắt đầu · 0%"), "its status and progress show")
check(present(GROUP + ": Hoàn thành 0/1, 1 quá hạn") is not None,
      "the breakthrough's roll-up counts 0 of 1 done and 1 overdue")
check(present("Tất cả nội dung: Hoàn thành 0/1, 1 quá hạn") is not None,
      "the roll-up of all items counts it too")
app.screenshot("programme-03-overdue")

# Log an update: its percentage becomes the item's.
app.type_into(app.find("text", "Kết quả thực hiện"), "Đã rà soát 40% số thửa")
app.type_into(app.find("text", "Tiến độ (%)"), "40")
app.type_into(app.find("text", "Số văn bản"), "25/BC-UBND")
rawinput.pressKey("Return")
check(present("Đã rà soát 40% số thửa") is not None, "the update shows in the item's log")
check(listed("Đang thực hiện · 40%"), "the update's percentage becomes the item's, and it is in progress")
check(present("25/BC-UBND", exact=False) is not None, "the log shows the document number")
app.screenshot("programme-04-log")

# Search folds case and tone marks; the filters narrow the list.
search = app.find("entry", "Tìm nội dung")
app.type_into(search, "SO HOA HO SO")
check(listed(TITLE), "a search in capitals without tone marks finds the item")
app.type_into(search, "ubnd phuong")
check(listed(TITLE), "a search finds the item by its lead unit")
app.type_into(search, "khong co dau")
check(not_listed(TITLE) and present("Không có nội dung phù hợp") is not None,
      "a search that matches nothing says so")
app.type_into(search, "")
check(listed(TITLE), "clearing the search shows the item again")
app.pick(combo("Đơn vị"), 4)   # Tất cả đơn vị, Đảng ủy, UBND phường, Ủy ban MTTQ, Công an phường
check(not_listed(TITLE), "filtering by another unit hides the item")
app.pick(combo("Đơn vị"), 2)
check(listed(TITLE), "filtering by its lead unit shows it")
app.pick(combo("Trạng thái"), 3)   # Mọi trạng thái, Chưa bắt đầu, Đang thực hiện, Hoàn thành
check(not_listed(TITLE), "the Hoàn thành filter hides it")
app.pick(combo("Trạng thái"), 5)   # …, Tạm dừng, Quá hạn
check(listed(TITLE), "the Quá hạn filter shows it")
app.screenshot("programme-05-filtered")
app.pick(combo("Trạng thái"), 0)
app.pick(combo("Đơn vị"), 0)

# Delete, then Undo brings it back with its log.
app.button("Xóa nội dung").click()
check(present("Đã xóa “%s”" % TITLE) is not None, "deleting says what was deleted")
check(not_listed(TITLE), "the deleted item is gone from the list")
check(present(GROUP + ": Chưa có nội dung nào") is not None, "and from its group's roll-up")
app.screenshot("programme-06-deleted")
check(not app.button("Xóa nội dung").sensitive,
      "no other item is left selected under the Delete button")
rawinput.keyCombo("<Control>z")
check(listed(TITLE), "Ctrl+Z brings the item back")
check(present("Đã rà soát 40% số thửa") is not None, "Undo brings its log back")
check(present(GROUP + ": Hoàn thành 0/1, 1 quá hạn") is not None, "the roll-up counts it again")
rawinput.keyCombo("<Control><Shift>z")
check(not_listed(TITLE), "Ctrl+Shift+Z deletes it again")
rawinput.keyCombo("<Control>z")
check(listed(TITLE), "and Ctrl+Z brings it back again")

# An edit is undone as well: the deadline moved in the form comes back.
table = app.find("tree table", "Các nội dung")
app.find("label", TITLE, table).click()
rawinput.pressKey("Return")
dialog = app.dialog_named("Sửa nội dung")
app.type_into(app.find("text", "Hạn hoàn thành", dialog), "20/12/2026")
rawinput.keyCombo("<Control>s")
check(app.dialog_gone("Sửa nội dung"), "the edited item is saved")
check(listed("20/12/2026") and not_listed("15/10/2026"), "the list shows the new deadline")
check(present("Đã lưu thay đổi của “%s”" % TITLE, parent=app.window) is not None,
      "the toast says the change was saved")
rawinput.keyCombo("<Control>z")
check(listed("15/10/2026") and not_listed("20/12/2026"), "Ctrl+Z puts the deadline back as it was")
check(present("Đã rà soát 40% số thửa") is not None, "the item's log is still there")
rawinput.keyCombo("<Control><Shift>z")
check(listed("20/12/2026"), "Ctrl+Shift+Z makes the edit again")
rawinput.keyCombo("<Control>z")
check(listed("15/10/2026"), "and Ctrl+Z undoes it again")

# The units come from the office's list, edited in a small dialog (its
# button pressed through AT-SPI: the toast "Đã hoàn tác…" may cover it).
app.press(app.button("Sửa danh sách đơn vị"))
units = app.dialog_named("Đơn vị")
app.type_into(app.find("text", "Tên đơn vị mới", units), "Hội Khuyến học")
rawinput.pressKey("Return")
check(present("Xóa “Hội Khuyến học”", parent=units) is not None, "a new unit is added to the list")
check(not app.button("Xóa “UBND phường”", units).sensitive, "a unit in use cannot be removed")
check(app.button("Xóa “Công an phường”", units).sensitive, "an unused unit can be")
app.screenshot("programme-07-units")
# The new unit sits at the end of the list, below the fold: scroll to it.
x, y = units.position
w, h = units.size
for _ in range(15):
    rawinput.click(x + w // 2, y + h // 2, button=5)
time.sleep(0.5)
app.button("Xóa “Hội Khuyến học”", units).click()
time.sleep(1)
check(present("Xóa “Hội Khuyến học”", parent=units, timeout=2) is None, "removing a unit takes it off the list")
rawinput.pressKey("Escape")
check(app.dialog_gone("Đơn vị"), "Escape closes the units dialog")

# Tổng quan lists it among the overdue items.
app.goto("Tổng quan")
time.sleep(1)
app.screenshot("programme-08-overview")
overview = app.find("label", "Số ngày còn lại của nhiệm kỳ")
while overview.parent is not None and len(overview.parent.children) != len(wardui.PAGES_VI):
    overview = overview.parent
overdue_title = present(TITLE, parent=overview)
check(overdue_title is not None, "Tổng quan lists the overdue item by its title")
if overdue_title is not None:
    row = overdue_title
    while row.parent is not None and row.roleName != "list item":
        row = row.parent
    check(present("Quá hạn", parent=row) is not None, "and marks it Quá hạn there")
    check(present("15/10/2026", parent=row, exact=False) is not None, "with its deadline")

# The command line sees the same: the export for Excel and the stats.
csv_path = os.path.join(app.tmp, "chuong-trinh.csv")
r = app.cli("export", "programme", csv_path)
check(r.returncode == 0, "ward-tracker-cli export programme succeeds")
raw = open(csv_path, "rb").read() if r.returncode == 0 else b""
check(raw.startswith(b"\xef\xbb\xbf"), "the CSV starts with a UTF-8 BOM for Excel")
lines = raw[3:].decode("utf-8").split("\r\n")
check(lines[0].startswith("Nhiệm vụ / Khâu đột phá,Nội dung,Cơ quan chủ trì"), "the CSV has the Vietnamese headers")
check(len(lines) > 1 and lines[1] == GROUP + ',"' + TITLE + '",UBND phường,,,01/02/2026,15/10/2026,Đang thực hiện,40,',
      "the CSV row holds the item as entered")
r = app.cli("stats", "--json")
check(r.returncode == 0 and json.loads(r.stdout)["programme"]["overdue"] == 1, "stats counts 1 overdue item")

app.quit()
wardui.finish()
