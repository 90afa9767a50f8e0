# SPDX-License-Identifier: GPL-3.0-or-later
"""The enterprise register, as a clerk uses it: the form refuses a tax code
with a wrong check digit and says so (nothing stored), takes the corrected
one, and the count toward 750 rises on Doanh nghiệp and on Tổng quan
("1/750"); the same code again is refused as already registered; the list
finds the enterprise by words without tone marks and by tax code digits;
deleting it is undone. Today is pinned to 27/11/2026 (wardui's WARD_TODAY).

GTK 4.8 does not keep the accessible "showing" state of widgets in stack
pages and dialogs up to date, so the checks look inside the page they are
about (its node is named after its class) and treat a row as listed when the
column view has it at all: rows filtered out are not in the tree."""
import json
import time

from dogtail import rawinput

import wardui
from wardui import check

NAME = "Công ty TNHH MTV Thương mại Bình An"
GOOD_CODE = "2801234564"   # check digit 4
BAD_CODE = "2801234565"
TYPES = ["Chưa ghi", "TNHH một thành viên", "TNHH hai thành viên trở lên", "Công ty cổ phần",
         "Công ty hợp danh", "Doanh nghiệp tư nhân"]

app = wardui.App()


def has_text(parent, text, prefix=False, timeout=5.0):
    """Something under @parent reads @text (or begins with "@text ")."""
    def find():
        return parent.findChild(
            lambda n: n.name is not None
            and (n.name == text or (prefix and n.name.startswith(text + " "))),
            retry=False, requireResult=False)
    try:
        return bool(app.wait_for(find, timeout))
    except TimeoutError:
        return False


def gone(parent, text, timeout=5.0):
    """Nothing under @parent reads @text any more."""
    try:
        app.wait_for(lambda: parent.findChild(lambda n: n.name == text, retry=False,
                                               requireResult=False) is None, timeout)
        return True
    except TimeoutError:
        return False


def page(class_name):
    return app.find("filler", class_name)


def counted_by_cli():
    """The enterprise count that `ward-tracker-cli stats --json` reports."""
    result = app.cli("stats", "--json")
    if result.returncode != 0:
        print(result.stderr)
        return None
    for counted in json.loads(result.stdout).get("counted", []):
        if counted["source"] == "enterprises":
            return counted["count"], [y["count"] for y in counted["by_year"]]
    return None


def exported():
    """The register as `ward-tracker-cli export enterprises` writes it."""
    path = app.tmp + "/export.csv"
    result = app.cli("export", "enterprises", path, "--force")
    if result.returncode != 0:
        print(result.stderr)
        return ""
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def fill_form(dialog, code):
    app.type_into(app.find("text", "Mã số doanh nghiệp", dialog), code)
    app.type_into(app.find("text", "Tên doanh nghiệp", dialog), NAME)
    app.pick(app.find("combo box", "Loại hình doanh nghiệp", dialog), TYPES.index("TNHH một thành viên"))
    app.type_into(app.find("text", "Ngày cấp lần đầu (ngày/tháng/năm)", dialog), "05/02/2026")
    app.type_into(app.find("text", "Vốn điều lệ (đồng)", dialog), "1.250.000.000")
    app.type_into(app.find("text", "Ngành nghề kinh doanh chính (mã VSIC)", dialog), "4620")


# An empty register says how to begin.
app.goto("Doanh nghiệp")
enterprises = page("WardEnterprisesPage")
check(has_text(enterprises, "Chưa có doanh nghiệp nào"), "an empty register shows its empty state")
check(bool(app.button("Đăng ký doanh nghiệp…", enterprises)),
      "the empty state offers to register the first enterprise")
app.screenshot("enterprises-01-empty")

# A wrong check digit is refused in the form, with its message.
rawinput.keyCombo("<Control>n")
dialog = app.dialog_named("Đăng ký doanh nghiệp mới", showing=True)
fill_form(dialog, BAD_CODE)
check(has_text(dialog, "VSIC 2025: G – Bán buôn, bán lẻ"),
      "the form shows the VSIC section of 4620 as it is typed, in VSIC 2025 for a 2026 registration")
app.button("Lưu", dialog).click()
time.sleep(1)
message = "Mã số doanh nghiệp %s sai chữ số kiểm tra: chữ số thứ mười phải là 4." % BAD_CODE
check(has_text(dialog, message), "the form says the check digit is wrong, and which it should be")
check(not app.dialog_gone("Đăng ký doanh nghiệp mới", showing=True), "the refused form stays open")
check(counted_by_cli() == (0, [0, 0, 0, 0, 0, 0]), "nothing was stored for the refused code")
app.screenshot("enterprises-02-wrong-check-digit")

# The corrected code is stored; the count rises here and on Tổng quan.
app.type_into(app.find("text", "Mã số doanh nghiệp", dialog), GOOD_CODE)
check(gone(dialog, message, timeout=2), "correcting the field clears its message")
rawinput.keyCombo("<Control>s")   # HACKING.md, "The keyboard": Ctrl+S saves every form
check(app.dialog_gone("Đăng ký doanh nghiệp mới", showing=True),
      "the form closes once the enterprise is stored")
check(has_text(enterprises, "1/750"), "the page counts 1/750 toward the target")
check(has_text(enterprises, NAME), "the enterprise is listed")
check(has_text(enterprises, "1.250.000.000 đ"), "its capital shows as money")
check(has_text(enterprises, "05/02/2026"), "its registration date shows as dd/mm/yyyy")
check(has_text(enterprises, "4620 · G"), "its line of business shows with its VSIC section")
check(has_text(enterprises, "Đang hoạt động"), "its status shows in words")
check(has_text(enterprises, "G – Bán buôn, bán lẻ"),
      "the breakdown by VSIC section counts it under VSIC 2025's G")
check(counted_by_cli() == (1, [0, 1, 0, 0, 0, 0]), "ward-tracker-cli stats counts 1, in 2026")
check("%s,%s,TNHH một thành viên,1250000000,4620,05/02/2026" % (GOOD_CODE, NAME) in exported(),
      "the stored record has every field typed in the form, the type chosen from the list")
app.screenshot("enterprises-03-registered")

# The same tax code again is refused, pointing at the record that has it.
rawinput.keyCombo("<Control>n")
dialog = app.dialog_named("Đăng ký doanh nghiệp mới", showing=True)
fill_form(dialog, GOOD_CODE)
rawinput.keyCombo("<Control>s")
time.sleep(1)
check(app.shows("đã có trong sổ, của “%s”" % NAME, parent=dialog),
      "a tax code already registered is refused, naming the enterprise that has it")
app.screenshot("enterprises-04-duplicate")

# Issue 18: the version of the code. A code only VSIC 2018 has is read as
# VSIC 2018; a version chosen in the form is kept; issue 24: 9999 is refused.
vsic = app.find("text", "Ngành nghề kinh doanh chính (mã VSIC)", dialog)
app.type_into(vsic, "6201")
check(has_text(dialog, "VSIC 2018: J – Thông tin, truyền thông"),
      "6201, which VSIC 2025 dropped, is read as a code of VSIC 2018")
app.type_into(vsic, "4620")
versions = app.find("combo box", "Phiên bản VSIC", dialog)
app.pick(versions, 1)
check(has_text(dialog, "VSIC 2018: G – Bán buôn, bán lẻ, sửa chữa xe"),
      "choosing VSIC 2018 reads 4620 in VSIC 2018's section")
app.screenshot("enterprises-04b-vsic-2018")
app.pick(versions, 0)
app.type_into(vsic, "9999")
rawinput.pressKey("Return")   # Enter goes on to the next field (HACKING.md, "The keyboard")
rawinput.keyCombo("<Control>s")
time.sleep(1)
check(app.shows("Mã ngành 9999 không có trong VSIC 2018 lẫn VSIC 2025; hãy kiểm tra lại mã ngành "
                "trên giấy chứng nhận đăng ký doanh nghiệp.", parent=dialog),
      "9999 is refused, naming the code and both versions")
app.screenshot("enterprises-04c-vsic-9999")
app.button("Hủy", dialog).click()
check(app.dialog_gone("Đăng ký doanh nghiệp mới", showing=True), "Cancel closes the form")
check(counted_by_cli() == (1, [0, 1, 0, 0, 0, 0]), "the refused duplicate is not stored")

# Search folds case and tone marks, and matches tax code digits.
search = app.find("entry", "Tìm doanh nghiệp", enterprises)
app.type_into(search, "khong co")
check(gone(enterprises, NAME), "a search that matches nothing leaves no row")
check(has_text(enterprises, "0 / 1 doanh nghiệp"), "the count of shown rows says 0 of 1")
app.screenshot("enterprises-05-no-match")
app.type_into(search, "BINH AN")
check(has_text(enterprises, NAME), "a search without tone marks finds the enterprise")
app.type_into(search, "khong co")
check(gone(enterprises, NAME), "the row goes again")
app.type_into(search, "2801 234")
check(has_text(enterprises, NAME), "a search by tax code digits finds it")
app.type_into(search, "")
check(has_text(enterprises, "1 doanh nghiệp"), "clearing the search shows every row")

# The type filter: another type hides it, its own shows it.
FILTER_TYPES = ["Mọi loại hình"] + TYPES[1:] + ["Chi nhánh"]
type_filter = app.find("combo box", "Lọc theo loại hình", enterprises)
app.pick(type_filter, FILTER_TYPES.index("Công ty cổ phần"))
check(gone(enterprises, NAME), "filtering by another type hides the enterprise")
app.pick(type_filter, FILTER_TYPES.index("TNHH một thành viên"))
check(has_text(enterprises, NAME), "filtering by its type shows it")
app.pick(type_filter, FILTER_TYPES.index("Mọi loại hình"))

# Tổng quan counts it too.
app.goto("Tổng quan")
check(has_text(page("WardOverviewPage"), "1/750", prefix=True), "Tổng quan shows 1/750 enterprises")
app.screenshot("enterprises-06-overview")

# Open it, delete it from the form, and Undo brings it back.
app.goto("Doanh nghiệp")
app.find("label", NAME, enterprises).click()
rawinput.pressKey("Return")
dialog = app.dialog_named("Sửa thông tin doanh nghiệp", showing=True)
check(has_text(dialog, GOOD_CODE) or app.shows(NAME, parent=dialog),
      "activating the row opens the enterprise in the form")
app.press(app.button("Xóa doanh nghiệp", dialog))
check(has_text(app.window, "Đã xóa “%s”" % NAME), "deleting says what was deleted")
check(gone(enterprises, NAME), "the enterprise is gone from the list")
check(has_text(enterprises, "0/750"), "the count goes back to 0/750")
check(counted_by_cli() == (0, [0, 0, 0, 0, 0, 0]), "the record is deleted from the file")
app.screenshot("enterprises-07-deleted")
rawinput.keyCombo("<Control>z")
check(has_text(enterprises, "1/750"), "Ctrl+Z brings the enterprise back, counted again")
check(has_text(enterprises, NAME), "Ctrl+Z brings it back into the list")
check(counted_by_cli() == (1, [0, 1, 0, 0, 0, 0]), "the restored record is stored again")
rawinput.keyCombo("<Control><Shift>z")
check(gone(enterprises, NAME) and counted_by_cli() == (0, [0, 0, 0, 0, 0, 0]),
      "Ctrl+Shift+Z deletes it again")
rawinput.keyCombo("<Control>z")
check(has_text(enterprises, NAME) and counted_by_cli() == (1, [0, 1, 0, 0, 0, 0]),
      "and Ctrl+Z puts it back again")

# An edit is undone too: the capital changed in the form, Ctrl+Z puts the
# record back as it was, Ctrl+Shift+Z makes the edit again.
app.find("label", NAME, enterprises).click()
rawinput.pressKey("Return")
dialog = app.dialog_named("Sửa thông tin doanh nghiệp", showing=True)
app.type_into(app.find("text", "Vốn điều lệ (đồng)", dialog), "2.000.000.000")
rawinput.keyCombo("<Control>s")
check(app.dialog_gone("Sửa thông tin doanh nghiệp", showing=True), "the edit is saved")
check(has_text(app.window, "Đã lưu thay đổi của “%s”" % NAME), "the toast says the change was saved")
check(",2000000000," in exported(), "the file has the new capital")
app.screenshot("enterprises-08-edited")
rawinput.keyCombo("<Control>z")
check(has_text(enterprises, "1.250.000.000 đ"), "Ctrl+Z puts the capital back in the list")
check(",1250000000," in exported() and ",2000000000," not in exported(),
      "and in the file: the record is as it was before the edit")
rawinput.keyCombo("<Control><Shift>z")
check(has_text(enterprises, "2.000.000.000 đ") and ",2000000000," in exported(),
      "Ctrl+Shift+Z makes the edit again")

app.quit()
wardui.finish()
