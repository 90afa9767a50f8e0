# SPDX-License-Identifier: GPL-3.0-or-later
"""Ten receipts of a paper book typed as a clerk types them, with the
keyboard alone, the keys pressed besides the typing counted: the form stays
open ("Lưu và nhập tiếp", Ctrl+Enter), proposes the next number, keeps the
date, group, payment and collector, completes a donor typed before (tone
marks left out) with their group; Enter goes to the next text field. The
aim, from the issue: at most 3 keys a receipt beyond its typing."""
import csv
import os
import time

from dogtail import rawinput

import wardui
from wardui import check, take_primary_selection, type_text

# Today within the Cuba campaign (17/09–16/10/2025): a receipt dated outside
# it is asked about, which is not what this test counts.
app = wardui.App(env={"WARD_TODAY": "2025-10-08"})
keys = []


def key(combo):
    """A key besides the typing, counted."""
    keys.append(combo)
    if combo.startswith("<"):
        rawinput.keyCombo(combo)
    else:
        rawinput.pressKey(combo)
    time.sleep(0.4)


def typed(text):
    type_text(text)
    time.sleep(0.4)


def ledger():
    """The ledger's receipts, as the command line exports them, by number.
    GTK 4.8 shows neither what an entry holds nor where the focus is to
    AT-SPI: what the keys did is read from the file."""
    out = os.path.join(app.tmp, "receipts.csv")
    r = app.cli("export", "donations", out, "--force")
    if r.returncode != 0:
        print("export:", r.stderr.strip())
        return {}
    with open(out, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    return {int(r["Số biên lai"]): r for r in rows}


app.goto("Ủng hộ Cuba")
key("<Control>n")
dialog = app.dialog_named("Biên lai mới")
words = app.find("list item", "Bằng chữ", dialog)
check(not words.focusable, "the amount in words is not a Tab stop")

# (donor, group or None when carried or completed, amount, new date or None)
book = [
    ("Nguyễn Văn An", "Tổ dân phố 3", "200.000", None),
    ("Trần Thị Bình", None, "100.000", None),
    ("Lê Văn Cường", None, "50.000", None),
    ("Phạm Thị Dung", None, "300.000", None),
    ("Hoàng Văn Em", None, "150.000", None),
    ("Vũ Thị Giang", None, "120.000", "06/10/2025"),
    ("Đặng Văn Hải", None, "80.000", None),
    ("Bùi Thị Lan", None, "60.000", None),
    ("Đỗ Văn Minh", None, "90.000", None),
    ("nguyen van a", None, "40.000", None),   # completed to Nguyễn Văn An
]
per_receipt = []
for number, (donor, group, amount, date) in enumerate(book, start=1):
    before = len(keys)
    if date:
        key("<Shift>Tab")            # back to the date, its text selected
        typed(date)
        key("Return")                # to the donor
    typed(donor)
    key("Return")                    # to the group
    if group:
        typed(group)
    key("Return")                    # to the amount
    typed(amount)
    if number == 1:
        key("Return")                # to the collector, typed once for the book
        typed("Lê Thị Thu")
    key("<Control>Return")           # record, and the next one
    if number == 1:
        time.sleep(1.0)
        key("Return")                # the new group and collector join their lists
    per_receipt.append(len(keys) - before)
    try:
        app.wait_for(lambda: number in ledger(), timeout=8)
    except TimeoutError:
        check(False, "receipt %d is recorded" % number)
    if number == 1:
        app.screenshot("fast-entry-01-next-receipt")

print("keys besides the typing, per receipt:", per_receipt)
ordinary = [n for i, n in enumerate(per_receipt) if i not in (0, 5)]
check(max(ordinary) <= 3, "a receipt takes at most 3 keys besides its typing (%s)" % ordinary)
check(per_receipt[5] <= 5, "a receipt on a new date takes at most 5 (%d)" % per_receipt[5])

key("Escape")                        # nothing typed in the 11th: closes at once
check(app.dialog_gone("Biên lai mới"), "Escape closes the untouched form")

rows = ledger()
check(sorted(rows) == list(range(1, 11)),
      "ten receipts numbered 1 to 10 as the paper book, each number proposed (%s)" % sorted(rows))
check(rows.get(1, {}).get("Người ủng hộ") == "Nguyễn Văn An",
      "the form opened on the donor: the first name typed is the donor's")
check(all(r["Người thu"] == "Lê Thị Thu" for r in rows.values()),
      "the collector typed once is on every receipt")
check(all(r["Đơn vị / Tổ dân phố"] == "Tổ dân phố 3" for r in rows.values()),
      "the group typed once is on every receipt")
check(all(r["Hình thức"] == rows[1]["Hình thức"] for r in rows.values()), "so is the payment")
check([rows[n]["Ngày"] for n in range(1, 11) if n in rows]
      == ["08/10/2025"] * 5 + ["06/10/2025"] * 5,
      "today's date until the clerk changed it, then the new one kept")
check(rows.get(10, {}).get("Người ủng hộ") == "Nguyễn Văn An",
      "“nguyen van a” was completed to “Nguyễn Văn An” (%s)" % rows.get(10, {}).get("Người ủng hộ"))
check([rows[n]["Số tiền"] for n in (1, 2, 10) if n in rows] == ["200.000", "100.000", "40.000"]
      or [rows[n]["Số tiền"] for n in (1, 2, 10) if n in rows] == ["200000", "100000", "40000"],
      "the amounts are those typed (%s)" % [rows[n]["Số tiền"] for n in (1, 2, 10) if n in rows])
# The part of a name proposed is a selection, and a field loses its
# selection whenever another program takes the primary selection (a
# clipboard manager does at each one). The letters typed next must still
# replace the part proposed, not go in before it.
key("<Control>n")
app.dialog_named("Biên lai mới")
typed("tran t")                      # “Trần Thị Bình”, “hị Bình” proposed
take_primary_selection("Nguyễn")
time.sleep(0.5)
typed("hi binh")
key("Return")                        # to the group, completed with the donor
key("Return")                        # to the amount
typed("30.000")
key("<Control>Return")
app.wait_for(lambda: 11 in ledger(), timeout=8)
donor = ledger().get(11, {}).get("Người ủng hộ")
check(donor == "Trần Thị Bình",
      "a proposed name whose selection another program took is still replaced by "
      "the letters typed on (%s)" % donor)
key("Escape")

app.goto("Ủng hộ Cuba")
app.screenshot("fast-entry-02-ledger")

app.quit()
wardui.finish()
