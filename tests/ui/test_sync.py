# SPDX-License-Identifier: GPL-3.0-or-later
"""Two desks, one shared folder: the office's window is open; a change made
with the command line on the other desk and synced there appears in the
office's window without a restart (the folder's file monitor, a sync on a
worker thread, the page reloading). The header says when it synced and with
how many desks; Preferences → Đồng bộ shows the folder."""
import os
import sqlite3
import subprocess
import tempfile
import time

from dogtail import rawinput

import wardui
from wardui import check

folder = tempfile.mkdtemp(prefix="ward-sync-ui-")
share = os.path.join(folder, "share")
os.makedirs(share)
office_db = os.path.join(folder, "office.sqlite3")
desk_db = os.path.join(folder, "desk-b.sqlite3")
# One key folder for the command line and the window: each file is its own desk.
keys = os.path.join(folder, "data")
env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", XDG_DATA_HOME=keys)
NAME = "Công ty TNHH Đồng Bộ Xanh"


def cli(database, *args):
    result = subprocess.run([wardui.CLI, "--database", database, *args], env=env,
                            capture_output=True, text=True)
    print("$", " ".join(args), "->", result.returncode)
    print(result.stdout, result.stderr)
    return result


def code_of(database):
    shown = cli(database, "bundle", "code").stdout.split()
    return shown[3] if len(shown) > 3 else "?"


def sql(database, statement):
    with sqlite3.connect(database) as con:
        con.execute(statement)
    con.close()


# ---- Two desks that trust each other and share a folder -------------------

for db in (office_db, desk_db):
    check(cli(db, "init").returncode == 0, "a desk's file is created")
# Each sees the other's first file, refused until trusted, its code remembered.
for db in (office_db, desk_db, office_db):
    cli(db, "sync", "--folder", share)
check(cli(office_db, "bundle", "trust", code_of(desk_db)).returncode == 0, "the office trusts desk B")
check(cli(desk_db, "bundle", "trust", code_of(office_db)).returncode == 0, "desk B trusts the office")
for db in (office_db, desk_db, office_db):
    check(cli(db, "sync").returncode == 0, "the desks sync once by hand")

app = wardui.App(database=office_db, env={"XDG_DATA_HOME": keys})
app.goto("Doanh nghiệp")
check(app.wait_for(lambda: app.has_text_containing("Đã đồng bộ lúc", parent=app.window), 20),
      "the header says when the office synced")
check(app.has_text_containing("· 2 máy", parent=app.window), "and with how many desks")
app.screenshot("sync-header")
check(not app.has_text(NAME), "the enterprise is not there yet")

# ---- Desk B changes a record and syncs, by the command line ---------------

sql(desk_db, "INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, type, registered_on, "
             "created_at, updated_at) VALUES ('9b1d7a52-1111-4a8b-9c2d-5e6f7a8b9c0d', '2801234564', "
             "'%s', 'cong ty tnhh dong bo xanh', 'dong bo xanh', 'llc-one', '2026-03-02', "
             "'2026-03-02T08:00:00Z', '2026-03-02T08:00:00Z')" % NAME)
check(cli(desk_db, "sync").returncode == 0, "desk B writes its change into the folder")
check(app.wait_for(lambda: app.has_text(NAME), 30),
      "the enterprise appears in the office's open window, without a restart")
app.screenshot("sync-arrived")

# ---- A record changed on both desks: the office decides in its window ----

def note(database):
    with sqlite3.connect(database) as con:
        return con.execute("SELECT note FROM enterprises WHERE tax_code = '2801234564'").fetchone()[0]


sql(office_db, "UPDATE enterprises SET note = 'Văn phòng: đã xác minh', updated_at = '2026-04-01T08:00:00Z' "
               "WHERE tax_code = '2801234564'")
sql(desk_db, "UPDATE enterprises SET note = 'Đã chuyển trụ sở', updated_at = '2026-04-02T08:00:00Z' "
             "WHERE tax_code = '2801234564'")
check(cli(desk_db, "sync").returncode == 0, "desk B writes its version")
WAITS = "chờ bạn quyết định"
check(app.wait_for(lambda: app.has_text_containing(WAITS, parent=app.window), 30),
      "the office's header says a change waits for its decision")
app.screenshot("sync-conflict-header")
status = app.window.findChild(lambda n: n.roleName == "push button" and WAITS in (n.name or ""),
                              retry=False, requireResult=False)
status.doActionNamed("click")
dialog = app.wait_for(lambda: app.root.findChild(
    lambda n: n.roleName in ("frame", "dialog") and n.name == "Thay đổi từ máy khác",
    retry=False, requireResult=False))
check(app.wait_for(lambda: app.has_text(NAME, parent=dialog), 10),
      "the record changed on both desks is listed by name, as in a bundle")
app.screenshot("sync-conflict-dialog")
take = app.wait_for(lambda: dialog.findChild(
    lambda n: n.roleName == "push button" and (n.name or "").endswith(": " + NAME)
    and (n.name or "").startswith("Lấy"), retry=False, requireResult=False))
take.doActionNamed("click")
time.sleep(0.5)
app.wait_for(lambda: dialog.findChild(lambda n: n.roleName == "push button"
                                      and (n.name or "").endswith(" Nhập") and n.sensitive,
                                      retry=False, requireResult=False)).doActionNamed("click")
check(app.wait_for(lambda: note(office_db) == "Đã chuyển trụ sở", 20), "the office takes desk B's version")
# Desk B meets the office's earlier edit as a conflict too, keeps its own,
# and then reads the office's decision: both desks end the same.
cli(desk_db, "sync", "--keep-mine")
time.sleep(4)
cli(desk_db, "sync")
check(note(desk_db) == note(office_db) == "Đã chuyển trụ sở", "both desks end with the same version")

# ---- A new desk in the folder: trusted from the window ----------------------

desk_c = os.path.join(folder, "desk-c.sqlite3")
OTHER = "Công ty cổ phần Bàn Mới"
check(cli(desk_c, "init").returncode == 0, "a third desk's file is created")
sql(desk_c, "INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, type, registered_on, "
            "created_at, updated_at) VALUES ('5c2e8b61-2222-4b9c-8d3e-6f7a8b9c0d1e', '2807654325', "
            "'%s', 'cong ty co phan ban moi', 'ban moi', 'joint-stock', '2026-05-02', "
            "'2026-05-02T08:00:00Z', '2026-05-02T08:00:00Z')" % OTHER)
# It trusts no one yet, so the command says the others' files were not read.
check("1 written" in cli(desk_c, "sync", "--folder", share).stdout, "the new desk writes into the folder")
NEW_DESK = "máy mới cần tin cậy"
check(app.wait_for(lambda: app.has_text_containing(NEW_DESK, parent=app.window), 30),
      "the office's header says a new desk waits to be trusted")
check(not app.has_text(OTHER), "its records are not read before it is trusted")
status = app.window.findChild(lambda n: n.roleName == "push button" and NEW_DESK in (n.name or ""),
                              retry=False, requireResult=False)
status.doActionNamed("click")
code = code_of(desk_c)
ask = app.wait_for(lambda: app.root.findChild(
    lambda n: (n.name or "").startswith("Tin cậy “"), retry=False, requireResult=False))
check(ask is not None and app.has_text_containing(code, parent=app.top_of(ask)),
      "the question shows the new desk's code to compare (%s)" % code)
app.screenshot("sync-trust-question")
app.press(app.button("Tin cậy máy này", app.top_of(ask)))
check(app.wait_for(lambda: app.has_text(OTHER), 30),
      "trusted, the new desk's records are read at once")
check(app.wait_for(lambda: app.has_text_containing("· 3 máy", parent=app.window), 20),
      "and the header counts three desks")

# ---- Preferences → Đồng bộ ------------------------------------------------

rawinput.keyCombo("<Control>comma")
prefs = app.wait_for(lambda: app.root.findChild(
    lambda n: n.getRoleName() == "frame" and n.name in ("Tùy chỉnh", "Preferences"),
    recursive=False, retry=False, requireResult=False))
tab = app.wait_for(lambda: prefs.findChild(lambda n: n.getRoleName() == "page tab" and n.name == "Đồng bộ",
                                           retry=False, requireResult=False))
tab.doActionNamed("click")
time.sleep(1)
check(app.wait_for(lambda: app.has_text_containing(share, parent=prefs), 10),
      "Preferences → Đồng bộ shows the folder")
app.screenshot("sync-preferences")
buttons = [n.name for n in prefs.findChildren(lambda n: n.getRoleName() == "push button")]
check(any(b.replace("_", "").startswith("Chọn") for b in buttons),
      "and a button to choose another (buttons: %s)" % buttons)

app.quit()
wardui.finish()
