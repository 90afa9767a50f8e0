# SPDX-License-Identifier: GPL-3.0-or-later
"""Enters a reading of "Tỷ lệ dân số tham gia bảo hiểm y tế" through the
dialog, as a clerk would: a refused value (120 %) shows its message in the
dialog and stores nothing; an accepted one changes the verdict on Chỉ tiêu and
the counts on Tổng quan at once. Deletes it and puts it back with Undo. Takes
screenshots of both pages, light and dark."""
import json
import time

from dogtail import rawinput

import wardui
from wardui import check

TARGET = "Tỷ lệ dân số tham gia bảo hiểm y tế"


def stats_target(app, code):
    result = app.cli("stats", "--json")
    check(result.returncode == 0, "stats --json runs (%s)" % result.stderr.strip())
    for target in json.loads(result.stdout)["targets"]:
        if target["code"] == code:
            return target
    raise AssertionError("no target %s in stats" % code)


def select_target(app, name):
    row = app.find("list item", name, parent=app.find("list", "Các chỉ tiêu của Nghị quyết"))
    row.click()
    time.sleep(0.8)
    return row


def reading_dialog(app):
    return app.wait_for(lambda: app.root.child(name="Số liệu mới", retry=False))


def verdict_count(app, verdict, count):
    return app.find("push button", "%s: %d" % (verdict, count), timeout=5)


app = wardui.App()

# Before: nothing met, the health insurance target has no data.
app.goto("Tổng quan")
check(verdict_count(app, "Đã đạt", 0) is not None, "Tổng quan counts no target met")
check(app.shows("0/600 · cần 147/năm"), "Tổng quan shows the admissions with their pace")

app.goto("Chỉ tiêu")
check(app.shows("Kinh tế", exact=True) and app.shows("Văn hóa – xã hội", exact=True)
      and app.shows("Quốc phòng – an ninh", exact=True) and app.shows("Xây dựng Đảng", exact=True),
      "the targets are grouped")
row = select_target(app, TARGET)
check(app.shows("Mục tiêu: ≥ 96%", exact=True), "the target's detail shows its goal")
check(app.has_text("Chưa có số liệu", parent=row), "the target has no data yet")

# A refused value: the message shows in the dialog, nothing is stored.
rawinput.keyCombo("<Control>n")
dialog = reading_dialog(app)
value = app.find("text", "Giá trị (%)", parent=dialog)
value.click()
rawinput.typeText("120")
rawinput.keyCombo("<Control>s")
time.sleep(1)
check(app.has_text_containing("tỷ lệ phải nằm trong khoảng từ 0% đến 100%", parent=dialog),
      "the dialog says a rate lies between 0% and 100%")
check(app.has_text_containing("Giá trị:", parent=dialog), "the message names the field")
app.screenshot("targets-dialog-refused")
target = stats_target(app, "health-insurance")
check(target["readings"] == 0 and target["value"] is None, "the refused value stored nothing")

# An accepted value, final, from a document.
value.click()
rawinput.keyCombo("<Control>a")
rawinput.typeText("96,5")
app.find("text", "Số văn bản", parent=dialog).click()
rawinput.typeText("125/BC-UBND")
app.find("text", "Ngày văn bản", parent=dialog).click()
rawinput.typeText("15/11/2026")
rawinput.keyCombo("<Control>s")
time.sleep(1.5)
check(app.root.findChild(lambda n: n.name == "Số liệu mới", recursive=False,
                         retry=False, requireResult=False) is None,
      "the dialog closes on an accepted value")
target = stats_target(app, "health-insurance")
check(target["readings"] == 1 and abs(target["value"] - 96.5) < 1e-9, "the reading is stored")
check(target["verdict"] == "met", "core judges the target met")

row = app.find("list item", TARGET)
check(app.has_text("Đã đạt", parent=row), "the target's row shows Đã đạt")
check(app.has_text("Mục tiêu ≥ 96% · hiện tại 96,5% (2026)", parent=row), "the row shows the latest value")
check(app.shows("96,5% (2026)", exact=True), "the detail shows the latest value")
check(app.shows("125/BC-UBND · 15/11/2026", exact=True), "the readings table shows the source document")
app.screenshot("targets-light")

app.goto("Tổng quan")
check(verdict_count(app, "Đã đạt", 1) is not None, "Tổng quan now counts one target met")
check(verdict_count(app, "Chưa có số liệu", 8) is not None, "and one fewer without data")
app.screenshot("overview-light")

# Delete the reading, then Undo puts it back.
app.goto("Chỉ tiêu")
select_target(app, TARGET)
app.find("push button", "Xóa số liệu").click()
time.sleep(1)
check(stats_target(app, "health-insurance")["readings"] == 0, "delete removes the reading")
check(app.find("list item", TARGET) is not None and app.has_text("Chưa có số liệu", parent=app.find("list item", TARGET)),
      "the row is back to no data")
# The toast's Undo. GTK 4.8 names a button with a mnemonic "_Hoàn tác Hoàn tác".
app.wait_for(lambda: app.window.findChild(
    lambda n: n.roleName == "push button" and (n.name or "").endswith("Hoàn tác"),
    retry=False, requireResult=False)).click()
time.sleep(1)
check(stats_target(app, "health-insurance")["readings"] == 1, "the toast's Undo puts the reading back")
rawinput.keyCombo("<Control><Shift>z")
time.sleep(1)
check(stats_target(app, "health-insurance")["readings"] == 0, "Ctrl+Shift+Z deletes it again")
rawinput.keyCombo("<Control>z")
time.sleep(1)
target = stats_target(app, "health-insurance")
check(target["readings"] == 1 and target["verdict"] == "met", "Ctrl+Z puts it back again")
check(app.has_text("Đã đạt", parent=app.find("list item", TARGET)), "the row shows Đã đạt again")
app.quit()

# The same file in the dark style.
dark = wardui.App(database=app.database, env={"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"})
dark.goto("Chỉ tiêu")
select_target(dark, TARGET)
dark.screenshot("targets-dark")
dark.goto("Tổng quan")
check(verdict_count(dark, "Đã đạt", 1) is not None, "the dark window shows the same counts")
dark.screenshot("overview-dark")
dark.quit()

wardui.finish()
