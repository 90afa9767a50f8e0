# SPDX-License-Identifier: GPL-3.0-or-later
"""The donation ledger, as the Fatherland Front's clerk uses it: the form
refuses a negative amount and says so, asks to confirm a large amount,
shows the amount in words as it is typed; three receipts and a transfer upward are recorded through the forms
and the totals follow; a transfer larger than the money on hand is refused;
a correction reverses one receipt and the totals change, the receipt staying
in the list marked as reversed; a receipt dated before the campaign's
launch is asked about, and "Kiểm tra lại ngày" goes back to the form. Today
is pinned to 01/10/2025, within the Cuba campaign (17/09–16/10/2025)."""
import json
import time

from dogtail import rawinput

import wardui
from wardui import check

app = wardui.App(env={"WARD_TODAY": "2025-10-01"})


# GTK 4.8 does not report AT-SPI's "showing" state: controls are looked for
# within the page on show (app.page) or within the dialog.

def listed(text, timeout=5.0):
    """True when a cell of the ledger's list shows @text."""
    try:
        table = app.wait_for(lambda: app.page.findChild(lambda n: n.name == "Các bút toán",
                                                        retry=False, requireResult=False))
        return bool(app.wait_for(lambda: app.has_text(text, parent=table), timeout))
    except TimeoutError:
        return False


def new_receipt():
    rawinput.keyCombo("<Control>n")
    return app.dialog_named("Biên lai mới")


def record_receipt(donor, group, amount, bank_reference=None):
    dialog = new_receipt()
    app.type_into(app.find("text", "Người ủng hộ", dialog), donor)
    app.type_into(app.find("text", "Đơn vị / Tổ dân phố", dialog), group)
    app.type_into(app.find("text", "Số tiền (đồng)", dialog), amount)
    if bank_reference:
        # The payment is below the fold of the form: Tab reaches it and the
        # form scrolls to it (tab_to() checks it is in view).
        app.tab_to(app.find("combo box", "Hình thức", dialog))
        app.pick(app.find("combo box", "Hình thức", dialog), 1)
        app.type_into(app.find("text", "Mã giao dịch chuyển khoản", dialog), bank_reference)
    app.press(app.button("Ghi sổ", dialog))
    app.add_new_names()              # each group here is a new one
    return app.dialog_gone("Biên lai mới")


app.goto("Ủng hộ Cuba")
check(app.shows("Ủng hộ Nhân dân Cuba", exact=True), "the page opens on the Cuba campaign")
check(app.shows("Chưa có khoản ủng hộ nào"), "an empty ledger says how to record the first receipt")
check(app.wait_total("Người ủng hộ", "0"), "no donors yet")
app.screenshot("donations-01-empty")

# The form: a negative amount is refused, in the form, with its message.
dialog = new_receipt()
app.type_into(app.find("text", "Người ủng hộ", dialog), "Nguyễn Văn An")
app.type_into(app.find("text", "Số tiền (đồng)", dialog), "-50.000")
app.press(app.button("Ghi sổ", dialog))
check(app.shows("Số tiền phải lớn hơn 0 đồng.", parent=dialog) and not app.dialog_gone("Biên lai mới"),
      "a negative amount is refused in the form with its message")
app.screenshot("donations-02-negative-refused")

# A date before the campaign's launch is asked about; checking goes back.
app.type_into(app.find("text", "Số tiền (đồng)", dialog), "200.000")
app.type_into(app.find("text", "Ngày (ngày/tháng/năm)", dialog), "10/09/2025")
app.press(app.button("Ghi sổ", dialog))
outside = app.wait_for(lambda: [w for w in app.root.children
                                if app.has_text("Ghi biên lai ngoài thời gian cuộc vận động?", parent=w)][0])
check(app.has_text_containing("Biên lai ghi ngày 10/09/2025, trước ngày phát động cuộc vận động (17/09/2025).",
                              parent=outside), "a receipt before the launch is asked about, naming both dates")
app.screenshot("donations-02a-outside-period")
app.press(app.button("Kiểm tra lại ngày", outside))
check(not app.dialog_gone("Biên lai mới") and app.total("Đang giữ") == "0 đ",
      "nothing is recorded while the clerk checks the date; the form stays open")
app.type_into(app.find("text", "Ngày (ngày/tháng/năm)", dialog), "01/10/2025")

# Above 50.000.000 đ the form asks to confirm; "Kiểm tra lại" goes back to it.
app.type_into(app.find("text", "Số tiền (đồng)", dialog), "60.000.000")
app.press(app.button("Ghi sổ", dialog))
confirm = app.wait_for(lambda: [w for w in app.root.children
                                if app.has_text("Ghi số tiền lớn?", parent=w)][0])
check(app.has_text_containing("60.000.000 đ (Sáu mươi triệu đồng)", parent=confirm),
      "a large amount asks to confirm, in figures and in words")
app.screenshot("donations-03-confirm-large")
app.press(app.button("Kiểm tra lại", confirm))
check(not app.dialog_gone("Biên lai mới") and app.total("Đang giữ") == "0 đ",
      "nothing is recorded while the clerk checks again; the form stays open")

# The amount in words follows what is typed.
app.type_into(app.find("text", "Số tiền (đồng)", dialog), "1.250.000")
check(app.shows("Một triệu hai trăm năm mươi nghìn đồng", exact=True, parent=dialog),
      "the amount is shown in words as it is typed")
app.type_into(app.find("text", "Đơn vị / Tổ dân phố", dialog), "Chi bộ khu phố 1")
app.screenshot("donations-04-in-words")
app.press(app.button("Ghi sổ", dialog))
app.add_new_names()
check(app.dialog_gone("Biên lai mới"), "the first receipt is recorded")
check(listed("Nguyễn Văn An"), "it is listed")
check(app.wait_total("Đang giữ", "1.250.000 đ"), "its amount is on hand")

# Two more receipts, one paid by bank transfer.
check(record_receipt("Chi bộ khu phố 3", "Chi bộ khu phố 3", "3.000.000", bank_reference="FT25262"),
      "a receipt paid by bank transfer is recorded")
check(record_receipt("Trần Thị Bình", "Tổ dân phố Nam Sơn", "500.000"), "a third receipt is recorded")
check(app.wait_total("Đã thu · 3 biên lai", "4.750.000 đ"), "three receipts: 4.750.000 đ received")
check(app.wait_total("Người ủng hộ", "3"), "three donors")
check(app.wait_total("Đang giữ", "4.750.000 đ"), "all of it on hand")
check(listed("Chuyển khoản"), "the bank transfer shows as its method")
app.screenshot("donations-05-three-receipts")

# A transfer upward: more than on hand is refused, then 4.000.000 đ goes up.
app.press(app.button("Chuyển lên cấp trên…", app.page))
dialog = app.dialog_named("Chuyển lên cấp trên")
app.type_into(app.find("text", "Số tiền (đồng)", dialog), "5.000.000")
app.type_into(app.find("text", "Số chứng từ", dialog), "CT-01")
app.press(app.button("Ghi khoản chuyển", dialog))
check(app.shows("lớn hơn số tiền đang giữ", parent=dialog)
      and not app.dialog_gone("Chuyển lên cấp trên"),
      "a transfer larger than the money on hand is refused")
app.screenshot("donations-06-transfer-refused")
app.type_into(app.find("text", "Số tiền (đồng)", dialog), "4.000.000")
app.press(app.button("Ghi khoản chuyển", dialog))
check(app.dialog_gone("Chuyển lên cấp trên"), "the transfer is recorded")
check(app.wait_total("Đã chuyển lên cấp trên · 1 lần chuyển", "4.000.000 đ"), "4.000.000 đ transferred upward")
check(app.wait_total("Đang giữ", "750.000 đ"), "750.000 đ left on hand")
app.screenshot("donations-07-transferred")

# A correction reverses the third receipt.
table = app.page.findChild(lambda n: n.name == "Các bút toán", retry=False, requireResult=False)
app.find("label", "Trần Thị Bình", parent=table).click()
time.sleep(0.5)
app.press(app.button("Đảo bút toán…", app.page))
dialog = app.dialog_named("Đảo bút toán")
check(app.has_text("Biên lai số 3", parent=dialog), "the correction names the receipt it reverses")
app.type_into(app.find("text", "Lý do", dialog), "Ghi nhầm người nộp")
app.screenshot("donations-08-correction-form")
app.press(app.button("Đảo bút toán", dialog))
check(app.dialog_gone("Đảo bút toán"), "the correction is recorded")
check(app.wait_total("Đã thu · 2 biên lai", "4.250.000 đ"), "received drops to 4.250.000 đ")
check(app.wait_total("Đang giữ", "250.000 đ"), "250.000 đ left on hand")
check(app.wait_total("Người ủng hộ", "2"), "two donors left")
check(listed("Biên lai · đã đảo"), "the receipt stays, marked as reversed")
check(listed("Đảo bút toán: Ghi nhầm người nộp"), "the correction shows its reason")
app.screenshot("donations-09-reversed")

# The file says the same, and its chain verifies.
stats = app.cli("stats", "--json")
campaign = json.loads(stats.stdout)["campaigns"][0] if stats.returncode == 0 else {}
check(campaign.get("received") == 4250000 and campaign.get("transferred") == 4000000
      and campaign.get("on_hand") == 250000 and campaign.get("donors") == 2,
      "ward-tracker-cli stats reports the same totals")

app.quit()
wardui.finish()
