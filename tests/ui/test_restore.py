# SPDX-License-Identifier: GPL-3.0-or-later
"""Restore in the window (issue 24): a file that is no backup is refused
with the reason before anything is asked; a real backup is shown beside the
current file (counts per register, the last receipt) before it replaces it."""
import os
import sqlite3
import subprocess
import tempfile
import time

from dogtail import rawinput

import wardui
from wardui import check

folder = tempfile.mkdtemp(prefix="ward-restore-")
database = os.path.join(folder, "ward.sqlite3")
backup = os.path.join(folder, "before.sqlite3")
empty = os.path.join(folder, "empty.sqlite3")
env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", XDG_DATA_HOME=os.path.join(folder, "data"))


def cli(*args):
    return subprocess.run([wardui.CLI, "--database", database, *args], env=env, capture_output=True, text=True)


def enterprises():
    with sqlite3.connect(database) as con:
        return con.execute("SELECT COUNT(*) FROM enterprises").fetchone()[0]


check(cli("init").returncode == 0, "the file is created")
check(cli("backup", backup).returncode == 0, "a backup is made while it holds no enterprise")
with sqlite3.connect(database) as con:
    con.execute("INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, type, registered_on, "
                "created_at, updated_at) VALUES ('ent-1', '2801234564', 'Công ty TNHH Hoa Sen', 'hoa sen', "
                "'hoa sen', 'llc-one', '2026-03-02', '2026-03-02T08:00:00Z', '2026-03-02T08:00:00Z')")
open(empty, "wb").close()

app = wardui.App(database=database, env={"XDG_DATA_HOME": os.path.join(folder, "data")})


def choose_restore(path):
    menu = app.wait_for(lambda: app.window.findChild(
        lambda n: n.roleName == "push button" and n.name in ("Trình đơn chính", "Main Menu"),
        retry=False, requireResult=False))
    menu.click()
    item = app.wait_for(lambda: app.root.findChild(
        lambda n: n.roleName == "menu item" and n.name.replace("_", "") in ("Khôi phục…", "Restore…"),
        retry=False, requireResult=False))
    item.doActionNamed("click")
    time.sleep(1.5)
    rawinput.typeText(path)
    time.sleep(0.5)
    rawinput.pressKey("Return")
    time.sleep(1.5)


def dialog_named(names):
    return app.wait_for(lambda: app.root.findChild(
        lambda n: n.roleName in ("dialog", "frame", "alert") and any(x in (n.name or "") for x in names),
        retry=False, requireResult=False))


# An empty file: refused with the reason, nothing asked, nothing changed.
choose_restore(empty)
refused = dialog_named(["Chưa khôi phục được", "Nothing Was Restored"])
check(refused is not None, "an empty file is refused before anything is asked")
app.screenshot("restore-refused")
if refused is not None:
    rawinput.pressKey("Escape")
    time.sleep(0.5)
check(enterprises() == 1, "nothing changed")

# A real backup: both files side by side, then replaced on Restore.
choose_restore(backup)
dialog = dialog_named(["Khôi phục từ bản sao lưu này?", "Restore From This Backup?"])
check(dialog is not None, "a real backup is offered")
if dialog is not None:
    check(app.has_text("Hiện tại", parent=dialog) or app.has_text("Now", parent=dialog),
          "the current file's column is shown")
    check(app.has_text("Bản sao lưu", parent=dialog) or app.has_text("The backup", parent=dialog),
          "the backup's column is shown")
    check(app.has_text("Doanh nghiệp", parent=dialog) or app.has_text("Enterprises", parent=dialog),
          "the registers are counted")
    check(app.has_text("1", parent=dialog) and app.has_text("0", parent=dialog),
          "one enterprise now, none in the backup")
    app.screenshot("restore-compare")
    # GTK 4.8 names a response button by its mnemonic label and its text.
    button = dialog.findChild(lambda n: n.roleName == "push button"
                              and any((n.name or "").replace("_", "") in (x, x + " " + x)
                                      for x in ("Khôi phục", "Restore")),
                              retry=False, requireResult=False)
    check(button is not None, "the Restore button is there")
    if button is not None:
        button.doActionNamed("click")
        time.sleep(2)
check(enterprises() == 0, "the backup replaced the file")

app.quit()
wardui.finish()
