# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks every page of a file with records in it, as a screen reader would,
and fails listing every focusable control that has no accessible name (an
empty name, or a GTK class name such as "GtkButton" or "GtkImage", which is
what an icon-only button without a label reads as). The window's own
controls and the Preferences window are walked too.

On the way it takes the screenshots that the AppStream file shows
(appstream-overview.png, …-targets, …-admissions, …-donations in the
screenshot folder), of the window alone, opened at 1280×800 on the
1280×800 screen (1270×790 inside the frame that its decorations draw).
"""
import os
import re
import subprocess
import tempfile
import time

import pyatspi
from dogtail import rawinput

import wardui
from wardui import check

# Roles of the controls a person reaches with Tab or the arrow keys.
# Containers (list, table, scroll pane, split pane) and rows of a
# GtkColumnView ("table row": GTK 4.8 gives no way to name them; a screen
# reader reads their cells) are not controls of their own.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "switch",
    "text", "entry", "password text", "combo box", "menu button", "spin button",
    "slider", "list item", "tree item", "menu item", "check menu item",
    "radio menu item", "link", "page tab",
}
VERSION = subprocess.run([wardui.APP, "--version"], capture_output=True, text=True).stdout.split()[-1]
CLASS_NAME = re.compile(r"^(Gtk|Adw|Ward)[A-Z][A-Za-z0-9]*$")

# The pages that offer "page.new" (Ctrl+N): every one but the overview.
FORM_PAGES = wardui.PAGES_VI[1:]
APPSTREAM_SHOTS = {"Tổng quan": "overview", "Chỉ tiêu": "targets",
                   "Kết nạp đảng viên": "admissions", "Ủng hộ Cuba": "donations"}

# ---- A file with records in it -------------------------------------------


def tax_code(nine):
    weights = [31, 29, 23, 19, 17, 13, 7, 5, 3]
    rest = sum(int(d) * w for d, w in zip(nine, weights)) % 11
    return None if rest == 0 else nine + str((10 - rest) % 10)


def enterprises_csv():
    rows = [("Công ty TNHH Thương mại Hàm Rồng", "TNHH một thành viên"),
            ("Công ty Cổ phần Xây dựng Đông Sơn", "Công ty cổ phần"),
            ("Công ty TNHH Dịch vụ Lam Sơn", "TNHH hai thành viên trở lên"),
            ("Công ty TNHH May mặc Thanh Hóa", "TNHH một thành viên"),
            ("Doanh nghiệp tư nhân Minh Khang", "Doanh nghiệp tư nhân"),
            ("Công ty Cổ phần Du lịch Núi Đọ", "Công ty cổ phần"),
            ("Công ty TNHH Công nghệ Sao Việt", "TNHH một thành viên"),
            ("Công ty TNHH Vận tải Hoàng Long", "TNHH hai thành viên trở lên"),
            ("Công ty Cổ phần Thực phẩm Sông Mã", "Công ty cổ phần"),
            ("Công ty TNHH Nội thất An Phát", "TNHH một thành viên"),
            ("Công ty TNHH Giáo dục Tuổi Thơ", "TNHH một thành viên"),
            ("Công ty Cổ phần Dược phẩm Hồng Đức", "Công ty cổ phần")]
    people = ["Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường", "Hoàng Minh Dũng", "Vũ Thị Hà",
              "Đỗ Văn Hùng", "Bùi Đức Khoa", "Ngô Văn Long", "Đặng Thị Mai", "Lê Hoài Nam",
              "Trịnh Văn Phúc", "Mai Anh Quân"]
    codes, n = [], 280100500
    while len(codes) < len(rows):
        code = tax_code(str(n))
        n += 7
        if code:
            codes.append(code)
    lines = ["Mã số doanh nghiệp,Tên doanh nghiệp,Loại hình,Ngày cấp,Vốn điều lệ,Người đại diện,Địa chỉ"]
    for i, (code, (name, kind)) in enumerate(zip(codes, rows)):
        lines.append("%s,%s,%s,%02d/%02d/%d,%d,%s,Số %d đường Trần Phú"
                     % (code, name, kind, i * 2 % 27 + 1, i % 11 + 1, 2025 + i % 2,
                        (i % 5 + 1) * 1000000000, people[i], i * 12 + 3))
    return "\n".join(lines) + "\n"


def members_csv():
    names = ["Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Thị Thu Trang", "Phạm Quốc Việt",
             "Hoàng Thị Lan", "Vũ Đức Thắng", "Đỗ Thị Ngọc Ánh", "Bùi Văn Tuấn",
             "Ngô Thị Hằng", "Đặng Minh Tuấn", "Lê Văn Sơn", "Nguyễn Thị Yến",
             "Trịnh Quang Huy", "Mai Thị Thảo"]
    head = ("Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Trình độ học vấn,Nghề nghiệp,Đoàn viên,"
            "Tổ dân phố,Chi bộ,Ngày vào danh sách cảm tình,Ngày cấp giấy chứng nhận,"
            "Số nghị quyết chi bộ,Ngày nghị quyết chi bộ,Số quyết định kết nạp,"
            "Ngày quyết định kết nạp,Ngày kết nạp,Ngày công nhận chính thức,Ghi chú,"
            "Ngày đơn và lý lịch,Ngày gửi thẩm tra lý lịch,Ngày hoàn thành thẩm tra lý lịch,"
            "Người giới thiệu 1,Người giới thiệu 1 là đảng viên chính thức,"
            "Người giới thiệu 1 cùng công tác từ ngày,Người giới thiệu 2,"
            "Người giới thiệu 2 là đảng viên chính thức,Người giới thiệu 2 cùng công tác từ ngày,"
            "Nghị quyết giới thiệu của Đoàn")
    lines = [head]
    for i, name in enumerate(names):
        stage = i % 4  # 0 cảm tình, 1 giấy chứng nhận, 2 nghị quyết chi bộ, 3 kết nạp
        cell = "Chi bộ Tổ dân phố %d" % (i % 3 + 1)
        row = [name, "%02d/%02d/%d" % (i + 3, i % 12 + 1, 1990 + i), "Nữ" if "Thị" in name else "Nam",
               "Kinh", "Không", "12/12", ["Giáo viên", "Kỹ sư", "Công chức", "Kinh doanh"][i % 4],
               "Có", "Tổ dân phố %d" % (i % 3 + 1), cell, "%02d/10/2025" % (i + 1)]
        row += ["%02d/12/2025" % (i + 1) if stage >= 1 else ""]
        row += ["%d-NQ/CB" % (i + 10) if stage >= 2 else "", "%02d/02/2026" % (i + 1) if stage >= 2 else ""]
        row += ["%d-QĐ/ĐU" % (i + 100) if stage >= 3 else "", "%02d/03/2026" % (i + 1) if stage >= 3 else "",
                "%02d/04/2026" % (i + 1) if stage >= 3 else "", "", ""]
        # What the chi bộ resolution needs (Quy định 294-QĐ/TW): the papers,
        # two official members, and the Youth Union's resolution for a member
        # of youth age (up to 30).
        papers = stage >= 2
        row += ["%02d/01/2026" % (i + 1) if papers else ""] * 3
        row += ["Lê Văn Tám", "Có", "01/01/2020", "Phạm Thị Mai", "Có", "01/01/2020"] if papers else [""] * 6
        row += ["%d-NQ/ĐTN" % (i + 1) if papers and 1990 + i >= 1995 else ""]
        lines.append(",".join(row))
    return "\n".join(lines) + "\n"


def donations_csv():
    donors = [("Nguyễn Văn An", "Văn phòng Đảng ủy", "Cá nhân"),
              ("Chi bộ Tổ dân phố 1", "Tổ dân phố 1", "Tập thể"),
              ("Trần Thị Bình", "UBND phường", "Cá nhân"),
              ("Hộ ông Lê Văn Cường", "Tổ dân phố 2", "Hộ gia đình"),
              ("Hội Cựu chiến binh phường", "Hội Cựu chiến binh", "Tập thể"),
              ("Phạm Thị Dung", "Trạm Y tế", "Cá nhân"),
              ("Đoàn Thanh niên phường", "Đoàn Thanh niên", "Tập thể"),
              ("Hoàng Văn Em", "Công an phường", "Cá nhân"),
              ("Hộ bà Vũ Thị Gấm", "Tổ dân phố 3", "Hộ gia đình"),
              ("Hội Liên hiệp Phụ nữ phường", "Hội Liên hiệp Phụ nữ", "Tập thể"),
              ("Đỗ Minh Hải", "Phòng Kinh tế", "Cá nhân"),
              ("Bùi Thị Hương", "Phòng Văn hóa – Xã hội", "Cá nhân"),
              ("Công ty TNHH Thương mại Hàm Rồng", "Tổ dân phố 1", "Tập thể"),
              ("Ngô Văn Khánh", "Ban Chỉ huy Quân sự", "Cá nhân"),
              ("Hộ ông Đặng Văn Lợi", "Tổ dân phố 2", "Hộ gia đình"),
              ("Hội Nông dân phường", "Hội Nông dân", "Tập thể")]
    amounts = [500000, 2000000, 300000, 200000, 1500000, 500000, 1000000, 300000,
               100000, 1200000, 500000, 200000, 10000000, 300000, 150000, 800000]
    lines = ["Số biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,Số tiền,Hình thức,Người thu,"
             "Ghi chú,Loại người ủng hộ,Mã giao dịch"]
    for i, ((donor, group, kind), amount) in enumerate(zip(donors, amounts)):
        bank = i % 5 == 4
        lines.append("%d,%02d/%02d/2025,%s,%s,%d,%s,Lê Thị Thu,,%s,%s"
                     % (i + 1, 18 + i // 2 if i < 26 else 30, 9, donor, group, amount,
                        "Chuyển khoản" if bank else "Tiền mặt", kind,
                        "FT2509%06d" % (i + 1) if bank else ""))
    return "\n".join(lines) + "\n"


def readings_csv():
    return """Chỉ tiêu,Kỳ,Giá trị,Chỉ tiêu giao,Đã giao,Trạng thái,Số văn bản,Ngày văn bản,Đơn vị,Ghi chú
Tăng trưởng giá trị sản phẩm,2025,"11,2",,,Chính thức,125/BC-UBND,15/01/2026,Phòng Kinh tế,
Tăng trưởng giá trị sản phẩm,2026,"12,4",,,Dự thảo,,,Phòng Kinh tế,Ước tính cả năm
Thu nhập bình quân đầu người,2025,72000000,,,Chính thức,125/BC-UBND,15/01/2026,Phòng Kinh tế,
Đường giao thông cứng hóa,2025,82,,,Chính thức,,,UBND phường,
Trường đạt chuẩn Quốc gia,2025,"87,5",,,Chính thức,,,Phòng Văn hóa – Xã hội,
Bảo hiểm y tế,2025,"93,5",,,Chính thức,,,Trạm Y tế,
Trạm y tế đạt chuẩn,2025,100,,,Chính thức,,,Trạm Y tế,
Dịch vụ công trực tuyến,2025,"78,4",,,Chính thức,,,Văn phòng HĐND và UBND,
Phủ sóng 5G,2025,65,,,Chính thức,,,Phòng Văn hóa – Xã hội,
Giao quân,2025,,42,42,Chính thức,,,Ban Chỉ huy Quân sự,
"""


def filled_database(folder):
    path = os.path.join(folder, "ward.sqlite3")
    env = dict(os.environ, LANG="vi_VN.UTF-8", LC_ALL="vi_VN.UTF-8", LANGUAGE="",
               WARD_TODAY=os.environ.get("WARD_TODAY", "2026-11-27"))

    def cli(*args):
        result = subprocess.run([wardui.CLI, "--database", path, *args], env=env,
                                capture_output=True, text=True)
        check(result.returncode == 0, "ward-tracker-cli %s: %s" % (" ".join(args[:2]),
                                                                 (result.stdout + result.stderr).strip()))

    cli("init")
    for kind, text in (("enterprises", enterprises_csv()), ("members", members_csv()),
                       ("donations", donations_csv()), ("readings", readings_csv())):
        csv = os.path.join(folder, kind + ".csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write(text)
        cli("import", kind, csv)
    return path


def window_settings(folder):
    """A keyfile settings backend that opens the window at 1280×800."""
    config = os.path.join(folder, "config")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"), exist_ok=True)
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write("[io/github/wardtracker/WardTracker]\nwindow-width=1280\nwindow-height=800\n"
                "last-page='overview'\n")
    return {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config}

# ---- The walk -------------------------------------------------------------


def state_of(node):
    try:
        return node.getState()
    except Exception:
        return None


def good_name(name):
    name = (name or "").strip()
    return bool(name) and not CLASS_NAME.match(name)


def texts_below(node, limit=3):
    """The first few names of labels under @node: what a sighted person reads there."""
    found = []

    def visit(n, depth):
        if len(found) >= limit or depth > 6:
            return
        for i in range(n.childCount):
            c = n.getChildAtIndex(i)
            if c is None:
                continue
            if c.getRoleName() == "label" and good_name(c.name):
                found.append(c.name)
            visit(c, depth + 1)
    visit(node, 0)
    return found


def where(node):
    """The nearest named ancestors, innermost last: enough to find the widget."""
    trail = []
    parent = node.parent
    while parent is not None and len(trail) < 3 and parent.getRoleName() not in ("frame", "dialog"):
        if good_name(parent.name):
            trail.append("%s “%s”" % (parent.getRoleName(), parent.name))
        parent = parent.parent
    tooltip = (node.description or "").strip()
    return (" < ".join(trail) or "the top of the window") + (" (tooltip “%s”)" % tooltip if tooltip else "")


def unnamed_controls(root, skip=lambda n: False):
    """Every focusable control under @root without an accessible name."""
    found = []

    def visit(node, depth):
        if depth > 60 or skip(node):
            return
        role = node.getRoleName()
        state = state_of(node)
        if role in CONTROL_ROLES and state is not None and state.contains(pyatspi.STATE_FOCUSABLE) \
                and not good_name(node.name):
            parent = node.parent
            # A GtkDropDown takes its label; GTK 4.8 leaves the button inside it,
            # which the screen reader announces within the named combo box, unnamed.
            if not (parent is not None and parent.getRoleName() == "combo box" and good_name(parent.name)):
                found.append("%s named %r, showing %s, in %s"
                             % (role, node.name, texts_below(node) or "nothing", where(node)))
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                visit(child, depth + 1)
    visit(root, 0)
    return found


def is_page_panel(node):
    return node.getRoleName() == "panel" and any((c.name or "").startswith("Ward") for c in node.children)


def report(place, found):
    check(not found, "every focusable control of %s has an accessible name%s"
          % (place, "" if not found else ": %d without:\n      %s" % (len(found), "\n      ".join(found))))


def top_windows(app):
    return [app.root.getChildAtIndex(i) for i in range(app.root.childCount)]


def walk_new_form(app, title):
    """Opens the page's form for a new record (Ctrl+N, the header bar's +)
    and walks it: forms are where most of the controls are."""
    before = len(top_windows(app))
    rawinput.keyCombo("<Control>n")
    try:
        form = app.wait_for(lambda: top_windows(app)[-1] if len(top_windows(app)) > before else None,
                            timeout=10)
    except TimeoutError:
        check(False, "Ctrl+N opens a form on page %s" % title)
        return
    time.sleep(1.0)
    report("the form that Ctrl+N opens on page %s (“%s”)" % (title, form.name),
           unnamed_controls(form))
    rawinput.pressKey("Escape")
    try:
        app.wait_for(lambda: len(top_windows(app)) == before, timeout=10)
    except TimeoutError:
        check(False, "Escape closes the form on page %s" % title)


def x_window_geometry(title):
    """(width, height, x, y) of the top-level X window titled @title."""
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
    for line in tree.splitlines():
        match = re.search(r'"%s": \(.*\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)' % re.escape(title), line)
        if match:
            return tuple(int(n) for n in match.groups())
    return None


def window_screenshot(app, name):
    """The window alone: opened at 1280×800 it fills the 1280×800 screen;
    the picture is cut to the window inside the frame that its client-side
    decorations draw around it (GTK 4.8 reports the size of that inside to
    AT-SPI, but not where it is: it sits in the middle of the X window)."""
    e = app.window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    geometry = x_window_geometry(app.window.name)
    check(geometry is not None and geometry[:2] == (1280, 800) and geometry[2:] == (0, 0),
          "the window fills the screen for the screenshot %s (%s)" % (name, geometry))
    if geometry is None:
        return None
    width, height, x, y = geometry
    crop = "%dx%d+%d+%d" % (e.width, e.height, x + (width - e.width) // 2, y + (height - e.height) // 2)
    os.makedirs(wardui.SHOTS, exist_ok=True)
    path = os.path.join(wardui.SHOTS, name + ".png")
    time.sleep(0.5)
    subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", path], check=False)
    print("screenshot:", path, crop)
    return path


folder = tempfile.mkdtemp(prefix="ward-a11y-")
database = filled_database(folder)
app = wardui.App(database=database, env=window_settings(folder))

report("the window's header bars and sidebar", unnamed_controls(app.window, skip=is_page_panel))

for title in wardui.PAGES_VI:
    app.goto(title)
    check(app.page is not None, "page %s is in the window" % title)
    if app.page is None:
        continue
    time.sleep(1.0)
    report("page %s" % title, unnamed_controls(app.page))
    if title in APPSTREAM_SHOTS:
        window_screenshot(app, "appstream-" + APPSTREAM_SHOTS[title])
    if title in FORM_PAGES:
        walk_new_form(app, title)

app.goto("Ủng hộ Cuba")
check(app.shows("Ủng hộ Nhân dân Cuba"), "the donations page shows the campaign")

# The Preferences window (Ctrl+,).
rawinput.keyCombo("<Control>comma")
# (Its title reads "Preferences" until po/fragments/desktop.po is merged into vi.po.)
prefs = app.wait_for(lambda: app.root.findChild(
    lambda n: n.getRoleName() == "frame" and n.name in ("Tùy chỉnh", "Preferences"),
    recursive=False, retry=False, requireResult=False))
check(prefs is not None, "Ctrl+, opens the Preferences window")
if prefs is not None:
    time.sleep(1.0)
    report("the Preferences window", unnamed_controls(prefs))
    rawinput.pressKey("Escape")
    time.sleep(0.5)

# The About window (main menu): its version, and its controls named too.
menu = app.wait_for(lambda: app.window.findChild(
    lambda n: n.getRoleName() == "push button" and n.name in ("Trình đơn chính", "Main Menu"),
    retry=False, requireResult=False))
menu.click()
item = app.wait_for(lambda: app.root.findChild(
    lambda n: n.getRoleName() == "menu item" and "Ward Tracker" in (n.name or ""),
    retry=False, requireResult=False))
item.doActionNamed("click")  # the popover is a surface of its own: no click by position
about = app.wait_for(lambda: app.root.findChild(
    lambda n: n.getRoleName() in ("frame", "dialog") and n.findChild(
        lambda c: c.getRoleName() == "push button" and c.name == VERSION,
        retry=False, requireResult=False) is not None,
    recursive=False, retry=False, requireResult=False))
check(about is not None, "the About window shows the version %s" % VERSION)
if about is not None:
    time.sleep(1.0)
    report("the About window", unnamed_controls(about))
    rawinput.pressKey("Escape")
    time.sleep(0.5)

app.quit()
wardui.finish()
