# SPDX-License-Identifier: GPL-3.0-or-later
"""The window on small screens: opened at 1024×600 (a netbook, the smallest
office screen) and at 1366×768 (the most common office laptop), every page
keeps to that size, none asking for more height, and so does each page's
form. Screenshots of every page at both sizes, cut to the window, for a
person to look at. Runs on a 1366×768 screen (WARD_UI_SCREEN)."""
import os
import re
import subprocess
import tempfile
import time

from dogtail import rawinput

import wardui
from wardui import check

NAMES = ["overview", "targets", "programme", "admissions", "enterprises", "donations"]


def window_settings(folder, width, height, page="overview"):
    config = os.path.join(folder, "config")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"), exist_ok=True)
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write("[io/github/wardtracker/WardTracker]\nwindow-width=%d\nwindow-height=%d\n"
                "last-page='%s'\n" % (width, height, page))
    return {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config}


def geometry(title):
    """(width, height, x, y) of the top-level X window titled @title: its
    size as drawn, client-side shadows included."""
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
    found = None
    for line in tree.splitlines():
        match = re.search(r'"%s": \(.*\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)' % re.escape(title), line)
        if match:
            found = tuple(int(n) for n in match.groups())
    return found


def shot(name, title):
    g = geometry(title)
    path = os.path.join(wardui.SHOTS, name + ".png")
    if g is None:
        return app.screenshot(name)
    w, h, x, y = g
    time.sleep(0.5)
    subprocess.run(["import", "-window", "root", "-crop", "%dx%d+%d+%d" % (w, h, max(x, 0), max(y, 0)),
                    path], check=False)
    print("screenshot:", path)
    return path


def receipts_csv(folder):
    path = os.path.join(folder, "receipts.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("Số biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,Số tiền,Hình thức,Người thu,Ghi chú\n")
        for n in range(1, 31):
            f.write("%d,20/09/2025,Nguyễn Văn Người Ủng Hộ Số %d,Chi bộ Công an phường Đông Sơn,"
                    "500.000,Tiền mặt,Thủ quỹ,\n" % (n, n))
    return path


def column_shown(app, title):
    """True when the list's column headed @title is on the page, with a
    width: a column that gave way is hidden."""
    header = app.page.findChild(lambda n: n.name == title and n.roleName in ("label", "column header"),
                                retry=False, requireResult=False)
    if header is None:
        return False
    return header.visible and header.size[0] > 0


def visit(app, width, height, number):
    """Page @number of the window: it keeps to the window; its form (Ctrl+N)
    fits the screen; screenshots of both."""
    page = wardui.PAGES_VI[number]
    app.goto(page)
    time.sleep(1.0)
    w, h = app.window.size   # inside the shadow its decorations draw
    check(w <= width and h <= height,
          "%d×%d: page %s keeps to the window (%d×%d)" % (width, height, page, w, h))
    shot("small-%dx%d-%d-%s" % (width, height, number + 1, NAMES[number]), app.window.name)
    if NAMES[number] == "admissions":
        # Columns give way: on 1024 px the dates and the state are hidden so
        # that the full name keeps its room; on 1366 px every column shows.
        wide = width >= 1366
        for title in ("Từ ngày", "Ngày kết nạp", "Trạng thái"):
            check(column_shown(app, title) == wide, "%d×%d: the column “%s” is %s"
                  % (width, height, title, "shown" if wide else "hidden"))
        check(column_shown(app, "Họ và tên"), "%d×%d: the name column is shown" % (width, height))
    if number == 0:
        return
    before = app.root.childCount
    rawinput.keyCombo("<Control>n")
    try:
        form = app.wait_for(lambda: app.root.getChildAtIndex(app.root.childCount - 1)
                            if app.root.childCount > before else None, timeout=10)
    except TimeoutError:
        check(False, "%d×%d: Ctrl+N opens a form on %s" % (width, height, page))
        return
    time.sleep(1.0)
    name = form.name
    fw, fh = form.size
    check(fh <= height - 40, "%d×%d: the form “%s” fits the screen (%d×%d)" % (width, height, name, fw, fh))
    shot("small-%dx%d-%d-%s-form" % (width, height, number + 1, NAMES[number]), name)
    rawinput.pressKey("Escape")
    try:
        app.wait_for(lambda: app.root.childCount == before, timeout=5)
    except TimeoutError:
        check(False, "%d×%d: the form on %s closes" % (width, height, page))


def start(width, height, page):
    """The window on a file with thirty receipts and eighty candidates,
    opened on @page."""
    folder = tempfile.mkdtemp(prefix="ward-ui-small-")
    database = os.path.join(folder, "ward.sqlite3")
    env = dict(os.environ, WARD_TODAY="2026-11-27")
    members = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "reports", "members.csv")
    for args in (["init"], ["import", "donations", receipts_csv(folder)], ["import", "members", members]):
        r = subprocess.run([wardui.CLI, "--database", database, *args], env=env,
                           capture_output=True, text=True)
        check(r.returncode == 0, "ward-tracker-cli %s (%s)" % (args[0], r.stderr.strip()))
    return wardui.App(database=database, env=window_settings(folder, width, height, page))


# 1024×600: a window of its own for each page, opened on it: a window grows
# to the tallest page it has shown and does not shrink back.
for number, name in enumerate(NAMES):
    app = start(1024, 600, name)
    visit(app, 1024, 600, number)
    app.quit()

# 1366×768: one window through every page.
app = start(1366, 768, "overview")
for number in range(len(NAMES)):
    visit(app, 1366, 768, number)
app.quit()

wardui.finish()
