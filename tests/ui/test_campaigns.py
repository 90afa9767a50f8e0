# SPDX-License-Identifier: GPL-3.0-or-later
"""A new donation campaign, as the Fatherland Front's clerk starts one: from
the donations page, New Campaign… opens its form; an end date before the
start is refused in the form, at its field; Enter creates the campaign and
the page goes to it, empty, with the campaign drop-down now shown; a receipt
recorded there stays there, and the Cuba campaign's totals are as they were.
A name already used is refused; Escape closes the form and stores nothing.
Today is pinned to 27/11/2026 (wardui's WARD_TODAY)."""
import json
import time

from dogtail import rawinput

import wardui
from wardui import check

CUBA = "Ủng hộ Nhân dân Cuba"
POOR = "Quỹ vì người nghèo 2026"
DIALOG = "Cuộc vận động mới"

app = wardui.App()


# GTK 4.8 does not report AT-SPI's "showing" state: controls are looked for
# within the page on show (app.page) or within the dialog.

def record_receipt(donor, amount, date=None):
    """A receipt, dated today unless @date (within the campaign's period:
    another date asks to confirm)."""
    rawinput.keyCombo("<Control>n")
    dialog = app.dialog_named("Biên lai mới")
    if date:
        app.type_into(app.find("text", "Ngày (ngày/tháng/năm)", dialog), date)
    app.type_into(app.find("text", "Người ủng hộ", dialog), donor)
    app.type_into(app.find("text", "Số tiền (đồng)", dialog), amount)
    app.press(app.button("Ghi sổ", dialog))
    return app.dialog_gone("Biên lai mới")


def open_form():
    app.press(app.button("Cuộc vận động mới…", app.page))
    return app.dialog_named(DIALOG)


def campaigns():
    listed = app.cli("campaign", "list", "--json")
    return json.loads(listed.stdout) if listed.returncode == 0 else []


# The Cuba campaign, with one receipt, is all the file holds.
app.goto("Ủng hộ Cuba")
check(app.shows(CUBA, exact=True), "the page opens on the Cuba campaign")
check(record_receipt("Nguyễn Văn An", "500.000", date="01/10/2025"),
      "a receipt is recorded in the Cuba campaign, within its period (17/09–16/10/2025)")
check(app.wait_total("Đang giữ", "500.000 đ"), "500.000 đ on hand in the Cuba campaign")

# The form: the organiser is the last campaign's, the start is today.
dialog = open_form()
check(dialog is not None, "New Campaign… opens the form")
for title in ("Tên cuộc vận động", "Đơn vị phát động", "Ngày bắt đầu (dd/mm/yyyy)",
              "Ngày kết thúc (dd/mm/yyyy, có thể để trống)", "Mô tả", "Đơn vị nhận tiền",
              "Số tài khoản của đơn vị nhận"):
    check(app.find("text", title, dialog, timeout=3) is not None, "the form has a field named “%s”" % title)
app.type_into(app.find("text", "Tên cuộc vận động", dialog), POOR)
app.type_into(app.find("text", "Ngày bắt đầu (dd/mm/yyyy)", dialog), "01/11/2026")
app.type_into(app.find("text", "Ngày kết thúc (dd/mm/yyyy, có thể để trống)", dialog), "31/10/2026")
app.type_into(app.find("text", "Đơn vị nhận tiền", dialog), "Ủy ban MTTQ tỉnh Thanh Hóa")
app.press(app.button("Tạo", dialog))
check(app.shows("Ngày kết thúc 31/10/2026 sớm hơn ngày bắt đầu cuộc vận động (01/11/2026).", parent=dialog)
      and not app.dialog_gone(DIALOG), "an end date before the start is refused in the form")
check(len(campaigns()) == 1, "nothing is stored while the form is refused")
app.screenshot("campaigns-01-end-before-start")

# Ctrl+Enter in the corrected field creates the campaign; the page goes to it.
app.type_into(app.find("text", "Ngày kết thúc (dd/mm/yyyy, có thể để trống)", dialog), "31/12/2026")
app.screenshot("campaigns-02-form")
rawinput.keyCombo("<Control>Return")
check(app.dialog_gone(DIALOG), "Ctrl+Enter creates the campaign and closes the form")
check(app.shows(POOR, exact=True), "the page shows the new campaign")
check(app.shows("Ủy ban MTTQ phường Đông Sơn · 01/11/2026 – 31/12/2026"),
      "its organiser (the last campaign's) and its dates are shown")
check(app.shows("Chưa có khoản ủng hộ nào"), "its ledger is empty")
check(app.wait_total("Đang giữ", "0 đ") and app.wait_total("Người ủng hộ", "0"), "its totals are zero")
combo = app.find("combo box", "Cuộc vận động", app.page, timeout=5)
check(combo is not None and combo.findChild(lambda n: n.name == POOR, retry=False,
                                            requireResult=False) is not None,
      "the campaign drop-down shows, on the new campaign")
app.screenshot("campaigns-03-new-campaign")

# A receipt recorded there stays there.
check(record_receipt("Trần Thị Bình", "1.250.000"), "a receipt is recorded in the new campaign")
check(app.wait_total("Đã thu · 1 biên lai", "1.250.000 đ"), "the new campaign received 1.250.000 đ")
app.screenshot("campaigns-04-receipt")

# Back to Cuba: the newest campaign is first in the drop-down, Cuba second.
combo.click()
time.sleep(0.8)
rawinput.pressKey("Down")
time.sleep(0.2)
rawinput.pressKey("Return")
time.sleep(0.8)
check(app.shows(CUBA, exact=True), "the drop-down goes back to the Cuba campaign")
check(app.wait_total("Đang giữ", "500.000 đ") and app.wait_total("Đã thu · 1 biên lai", "500.000 đ"),
      "the Cuba campaign's totals are as they were")
app.screenshot("campaigns-05-back-to-cuba")

# A name already used is refused; Escape closes the form, storing nothing.
dialog = open_form()
app.type_into(app.find("text", "Tên cuộc vận động", dialog), "ủng hộ nhân dân CUBA")
app.press(app.button("Tạo", dialog))
check(app.shows("Đã có một cuộc vận động tên là “%s”." % CUBA, parent=dialog)
      and not app.dialog_gone(DIALOG),
      "a name already used, in other letter case, is refused")
app.screenshot("campaigns-06-name-used")
rawinput.pressKey("Escape")
ask = app.dialog_named("Bỏ các thay đổi?")
check(ask is not None and not app.dialog_gone(DIALOG, timeout=1),
      "Escape on a form with typing in it asks before throwing it away")
app.press(app.button("Bỏ đi", ask))
check(app.dialog_gone(DIALOG), "and closes the form once told to")

# The file says the same.
stored = {c["name"]: c for c in campaigns()}
check(set(stored) == {CUBA, POOR}, "the file holds the two campaigns (%s)" % sorted(stored))
check(stored.get(POOR, {}).get("start_date") == "2026-11-01"
      and stored.get(POOR, {}).get("end_date") == "2026-12-31"
      and stored.get(POOR, {}).get("receiver") == "Ủy ban MTTQ tỉnh Thanh Hóa",
      "the new campaign is stored with its dates and receiver")
stats = app.cli("stats", "--json")
totals = {c["name"]: c for c in json.loads(stats.stdout)["campaigns"]} if stats.returncode == 0 else {}
check(totals.get(POOR, {}).get("received") == 1250000 and totals.get(CUBA, {}).get("received") == 500000,
      "ward-tracker-cli stats keeps each campaign's money apart")

app.quit()
wardui.finish()
