# SPDX-License-Identifier: GPL-3.0-or-later
"""The study of the resolution as the Party office records it: a chi bộ of
20 members (imported through the CLI as the Party member database exports
them), one session recorded in the window with the attendance of each
member, two absent; one of them makes the session up later, from the
member's row under the filter "Chưa học"; the shares on the page and on the
overview; the report exported as PDF. Today is pinned to 27/11/2026."""
import os
import subprocess
import tempfile
import time

from dogtail import rawinput

import wardui
from wardui import check

work = tempfile.mkdtemp(prefix="ward-study-")
database = os.path.join(work, "ward.sqlite3")
export_pdf = os.path.join(work, "hoc-tap.pdf")
CELL = "Chi bộ Khu phố 1"
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em",
         "Vũ Thị Giang", "Đặng Văn Hải", "Bùi Thị Hoa", "Đỗ Văn Khánh", "Hồ Thị Lan",
         "Ngô Văn Minh", "Dương Thị Nga", "Lý Văn Oanh", "Mai Thị Phúc", "Đinh Văn Quang",
         "Trịnh Thị Sen", "Lâm Văn Tâm", "Cao Thị Uyên", "Tạ Văn Vinh", "Kiều Thị Xuân"]
ABSENT = ["Trần Thị Bình", "Mai Thị Phúc"]

csv = os.path.join(work, "dang-vien.csv")
with open(csv, "w", encoding="utf-8") as f:
    f.write("STT,Họ và tên,Sinh ngày,Giới tính,Chi bộ,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên\n")
    for i, name in enumerate(NAMES):
        f.write("%d,%s,%02d/04/%d,%s,%s,%02d/06/%d,%02d/06/%d,%08d\n"
                % (i + 1, name, i + 1, 1955 + i, "Nữ" if " Thị " in name else "Nam", CELL,
                   i + 1, 1985 + i, i + 1, 1986 + i, 90000000 + i))
env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", GSETTINGS_BACKEND="memory",
           WARD_TODAY=os.environ.get("WARD_TODAY", "2026-11-27"))
for args in (["init"], ["import", "roster", csv]):
    r = subprocess.run([wardui.CLI, "--database", database, *args], env=env,
                       capture_output=True, text=True)
    check(r.returncode == 0, "ward-tracker-cli %s succeeds %s" % (args[0], r.stderr.strip()))


pdf_text = wardui.pdf_text
wait_for_file = wardui.wait_for_file


def window(titles, role=None):
    return app.wait_for(lambda: next(
        (w for w in app.root.children if w.name in titles and (role is None or w.roleName == role)),
        None))


def text_field(parent, name):
    """The entry named @name in @parent: the one on screen, or the only one
    (GTK 4.8 does not always report the state)."""
    def find():
        found = parent.findChildren(lambda n: n.roleName == "text" and n.name == name)
        on_screen = [n for n in found if n.showing]
        return on_screen[0] if on_screen else (found[0] if len(found) == 1 else None)
    return app.wait_for(find, 5.0)


app = wardui.App(database=database)
STUDY = "Học tập Nghị quyết"

# ---- The page before any session --------------------------------------------------
app.goto(STUDY)
check(app.shows(CELL), "the page lists the chi bộ of the imported roster")
check(app.shows("Nguyễn Văn An"), "and its members")
check(app.shows("0/0 (0%)"), "no one is counted before the first session")

# ---- Record the session with its attendance ---------------------------------------
rawinput.keyCombo("<Control>n")
dialog = window(["Ghi buổi học tập", "Record Study Session"])
check(dialog is not None, "Ctrl+N opens the form of a study session")
date = text_field(dialog, "Ngày (ngày/tháng/năm)")
check(date is not None, "the form asks for the date")
app.type_into(date, "10/10/2025")
presenter = text_field(dialog, "Người quán triệt")
app.type_into(presenter, "Lê Văn Tám")
states = [n for n in dialog.findChildren(lambda n: n.roleName == "combo box" and n.name in NAMES)]
check(len(states) == 20, "the form has a row for each of the 20 members (%d)" % len(states))
for name in ABSENT:
    state = next(n for n in states if n.name == name)
    wardui.reveal(state, dialog)
    app.pick(state, 1)
    row = state.parent
    reasons = row.findChildren(lambda n: n.roleName == "text" and n.name == "Lý do")
    reason = reasons[0] if len(reasons) == 1 else None
    check(reason is not None, "an absent member's row asks for the reason (%s)" % name)
    if reason is not None:
        app.type_into(reason, "Ốm")
app.screenshot("study-01-session-form")
app.press(app.button("Lưu", parent=dialog))
check(app.dialog_gone("Ghi buổi học tập", showing=True), "Save closes the form")

check(app.shows("18/20 (90%)"), "the page shows 18 of 20 attended (90%)")
check(app.shows("chưa học 2"), "and two not studied")
app.screenshot("study-02-page-after-session")

# ---- The filter "Chưa học" and a make-up ------------------------------------------
app.press(app.button("Chưa học", parent=app.page))
check(app.shows("Trần Thị Bình") and app.shows("Mai Thị Phúc"),
      "Chưa học lists the two absent members")
check(not app.has_text("Nguyễn Văn An"), "and no one who attended")
app.screenshot("study-03-not-studied")
make_up = app.button("Học bù…", parent=app.page)
app.press(make_up)
ask = window(["Học bù", "Session Made Up"])
check(ask is not None, "Học bù… asks for the date of the make-up")
entry = text_field(ask, "Ngày")
app.type_into(entry, "25/10/2025")
app.press(app.button("Lưu", parent=ask))
check(app.shows("19/20 (95%)"), "after the make-up, 19 of 20 studied (95%)")
check(app.shows("học bù 1"), "one made up")
app.screenshot("study-04-made-up")

# ---- The overview ---------------------------------------------------------------
app.goto("Tổng quan")
check(app.shows("Đảng viên đã học tập Nghị quyết"), "the overview has the study's row")
check(app.shows("95%"), "showing the ward's share, 95%")
app.screenshot("study-05-overview")

# ---- The report, exported as PDF ------------------------------------------------
app.goto(STUDY)
rawinput.keyCombo("<Control><Shift>e")
report = window(["Xuất ra PDF", "Export as PDF"])
check(report is not None, "Export PDF asks about the report")
app.press(app.button("Xuất PDF", parent=report))
chooser = app.wait_for(lambda: next(
    (n for n in app.root.children if n.name in ("Xuất ra PDF", "Export as PDF")
     and n.roleName in ("filler", "file chooser")
     and n.findChild(lambda c: c.roleName == "text" and c.name in ("Name:", "Tên:"),
                     retry=False, requireResult=False) is not None), None))
check(chooser is not None, "then a file chooser")
rawinput.keyCombo("<Control>a")
rawinput.typeText(export_pdf)
rawinput.pressKey("Return")
check(wait_for_file(export_pdf), "the report is written where the clerk chose")
if os.path.exists(export_pdf):
    text = pdf_text(export_pdf)
    check("BÁO CÁO" in text and "kết quả học tập, quán triệt Nghị quyết Đại hội" in text,
          "the PDF is the report on the study")
    row = next((l for l in text.splitlines() if CELL in l and l.strip().startswith("1 ")), "")
    check(row.split()[-8:] == ["20", "18", "90", "1", "95", "1", "0", "0"],
          "its row for the chi bộ reads 20 18 90 1 95 1 0 0 (%s)" % row.strip())
    check("Mai Thị Phúc (Chi bộ Khu phố 1)" in text, "and names the member still to make up")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", export_pdf,
                    os.path.join(wardui.SHOTS, "study-06-report")], check=False)

# ---- A member edited from the roster, and the edit taken back -------------------
app.goto(STUDY)
row = app.find("list item", "Mai Thị Phúc", parent=app.page)
row.click()
form = window(["Đảng viên", "Party Member"])
check(form is not None, "a member's row opens the member's form")
left = text_field(form, "Ngày ra khỏi danh sách (chuyển đi, từ trần)")
check(left is not None, "the form asks when the member left")
app.type_into(left, "05/10/2025")
app.screenshot("study-07-member-form")
app.press(app.button("Lưu", parent=form))
check(app.dialog_gone("Đảng viên", showing=True), "Save closes the member's form")
check(app.shows("19/19 (100%)"), "a member who left before the session is not counted in it")
rawinput.keyCombo("<Control>z")
check(app.shows("19/20 (95%)"), "Ctrl+Z puts the member back as she was")

# ---- A member added by hand, refused first --------------------------------------
app.press(app.button("Chưa học", parent=app.page))
app.press(app.button("Thêm đảng viên…", parent=app.page))
form = window(["Thêm đảng viên", "Add Party Member"])
check(form is not None, "Thêm đảng viên… opens an empty member's form")
app.type_into(text_field(form, "Họ và tên"), "Phan Văn Tài")
app.type_into(text_field(form, "Ngày sinh"), "02/03/1990")
joined = text_field(form, "Ngày vào Đảng")
app.type_into(joined, "01/01/1980")
app.press(app.button("Lưu", parent=form))
check(app.shows("trước ngày sinh", parent=form), "joining before birth is refused, said in the form")
app.type_into(joined, "03/02/2020")
app.press(app.button("Lưu", parent=form))
check(app.dialog_gone("Thêm đảng viên", showing=True), "then the member is saved")
check(app.shows("Phan Văn Tài"), "and listed on the page")
app.screenshot("study-08-member-added")

# ---- A session deleted, and put back --------------------------------------------
deletes = app.page.findChildren(lambda n: n.roleName == "push button"
                                and (n.name or "").startswith("Xóa buổi học"))
check(len(deletes) == 2, "each session has its delete button (%d)" % len(deletes))
if deletes:
    app.press(deletes[0])
    try:
        gone = app.wait_for(lambda: not app.has_text_containing("19/20"), 5.0)
    except TimeoutError:
        gone = False
    check(gone and app.shows("Buổi học tập"), "with the chi bộ's session deleted, no one is counted in it")
    rawinput.keyCombo("<Control>z")
    check(app.shows("19/20 (95%)"), "Ctrl+Z puts the session back with its attendance and make-up")

app.quit()
wardui.finish()
