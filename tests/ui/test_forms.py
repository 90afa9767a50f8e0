# SPDX-License-Identifier: GPL-3.0-or-later
"""The keyboard grammar every form follows (HACKING.md, "The keyboard"):
the focus on the first field when it opens, so that what is typed at once
lands in it; Enter to the next field; Ctrl+S saves; Escape closes an
untouched form at once and asks before throwing typing away; a refusal
marks its field for a screen reader, its message no Tab stop of its own.
GTK 4.8 shows AT-SPI neither an entry's text nor where the focus is, so
what the keys did is read from the form's answers and from the file."""
import csv
import os
import time

from dogtail import rawinput

import wardui
from wardui import check, type_text

app = wardui.App()
ASK = "Bỏ các thay đổi?"
CODE = "2801234564"          # a right check digit (test_enterprises.py)
BAD_CODE = "2801234565"
NAME = "Công ty TNHH Hòa Bình"


def windows():
    return [app.root.getChildAtIndex(i) for i in range(app.root.childCount)]


def open_form(title):
    """Ctrl+N on the page on show; the form's window."""
    before = len(windows())
    rawinput.keyCombo("<Control>n")
    form = app.wait_for(lambda: windows()[-1] if len(windows()) > before else None, timeout=10)
    time.sleep(1.0)
    return form, before


def closed(before):
    try:
        app.wait_for(lambda: len(windows()) == before, timeout=5)
        return True
    except TimeoutError:
        return False


for page in ["Chỉ tiêu", "Chương trình hành động", "Kết nạp đảng viên", "Doanh nghiệp", "Ủng hộ Cuba"]:
    app.goto(page)
    form, before = open_form(page)
    name = form.name
    rawinput.pressKey("Escape")
    check(closed(before), "%s: Escape closes the untouched form (“%s”) at once" % (page, name))

    form, before = open_form(page)
    type_text("7")             # no click: where the focus is
    time.sleep(0.5)
    rawinput.pressKey("Escape")
    try:
        ask = app.dialog_named(ASK)
    except TimeoutError:
        ask = None
    check(ask is not None, "%s: what is typed at once lands in a field, and Escape asks before "
          "throwing it away" % page)
    if ask is None:
        closed(before)
        continue
    app.screenshot("forms-escape-asks-%d" % len(windows()))
    app.press(app.button("Tiếp tục sửa", ask))
    check(not closed(before), "%s: “Tiếp tục sửa” keeps the form" % page)
    rawinput.pressKey("Escape")
    app.press(app.button("Bỏ đi", app.dialog_named(ASK)))
    check(closed(before), "%s: “Bỏ đi” closes it" % page)

# The enterprise form, with the keyboard alone: the tax code first, Enter
# to the next field, Ctrl+S saves. A wrong check digit is refused on its
# field, read by a screen reader, its message not a Tab stop.
app.goto("Doanh nghiệp")
form, before = open_form("Doanh nghiệp")
for text in [BAD_CODE, NAME, "05/02/2026"]:
    type_text(text)
    rawinput.pressKey("Return")
    time.sleep(0.4)
rawinput.keyCombo("<Control>s")
time.sleep(1.0)
message = "Mã số doanh nghiệp %s sai chữ số kiểm tra: chữ số thứ mười phải là 4." % BAD_CODE
field = app.find("text", "Mã số doanh nghiệp", form)
check(app.has_text(message, parent=form), "Ctrl+S checks the form: the wrong check digit is refused")
check(field.description == message, "the refused field carries the message for a screen reader (%r)"
      % field.description)
shown = form.findChild(lambda n: n.name == message, retry=False, requireResult=False)
holders = []
node = shown
while node is not None and node.roleName != "list":   # its row, up to the form's list
    holders.append(node)
    node = node.parent
check(not any(n.focusable for n in holders), "the message is no Tab stop")
app.screenshot("forms-enterprise-refused")

app.type_into(field, CODE)
check(field.description in ("", None), "the corrected field is no longer marked (%r)" % field.description)
app.pick(app.find("combo box", "Loại hình doanh nghiệp", form), 1)   # reached with Tab, not Enter
rawinput.keyCombo("<Control>s")
saved = closed(before)
if not saved:
    app.screenshot("forms-enterprise-not-saved")
check(saved, "Ctrl+S saves the enterprise form and closes it")
out = os.path.join(app.tmp, "enterprises.csv")
r = app.cli("export", "enterprises", out)
with open(out, encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
check(len(rows) == 2 and CODE in rows[1] and NAME in rows[1] and "05/02/2026" in rows[1],
      "the record holds what was typed field after field with Enter (%s)" % rows[1:])

app.quit()
wardui.finish()
