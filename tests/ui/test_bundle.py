# SPDX-License-Identifier: GPL-3.0-or-later
"""Exchange between laptops in the window: the office trusts the volunteer's
laptop once, by comparing its code; a volunteer's bundle is imported at the
office (the summary per register and a record changed on both computers,
with both versions and a choice, before anything is written), and the
office exports a bundle back."""
import base64
import json
import os
import sqlite3
import subprocess
import tempfile
import time

from dogtail import rawinput

import wardui
from wardui import check

folder = tempfile.mkdtemp(prefix="ward-bundle-")
office_db = os.path.join(folder, "office.sqlite3")
volunteer_db = os.path.join(folder, "volunteer.sqlite3")
# One key folder for the command line and the window: one computer each.
keys = os.path.join(folder, "data")
env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", XDG_DATA_HOME=keys)


def cli(database, *args):
    result = subprocess.run([wardui.CLI, "--database", database, *args], env=env,
                            capture_output=True, text=True)
    print("$ bundle", " ".join(args), "->", result.returncode)
    print(result.stdout, result.stderr)
    return result


def sql(database, statement, *params):
    with sqlite3.connect(database) as con:
        return con.execute(statement, params).fetchall()


def find_any(app, role, names, parent=None):
    """By role and name, whichever language, with or without its mnemonic."""
    parent = parent or app.window
    return app.wait_for(lambda: parent.findChild(
        lambda n: n.roleName == role and any(x == name or name.endswith(" " + x) for x in names
                                              for name in [(n.name or "").replace("_", "")]),
        retry=False, requireResult=False))


# ---- Two laptops that exchanged once, then changed the same record -------

check(cli(office_db, "init").returncode == 0, "the office's file is created")
check(cli(volunteer_db, "init").returncode == 0, "the volunteer's file is created")
sql(volunteer_db, "INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, type, registered_on, "
                  "created_at, updated_at) VALUES ('ent-1', '2801234564', 'Công ty TNHH Đông Sơn Xanh', "
                  "'cong ty tnhh dong son xanh', 'dong son xanh', 'llc-one', '2026-03-02', "
                  "'2026-03-02T08:00:00Z', '2026-03-02T08:00:00Z')")
first = os.path.join(folder, "first.json")
check(cli(volunteer_db, "bundle", "export", first).returncode == 0, "the volunteer exports a first bundle")


def open_bundle(app, path):
    """Import Data Bundle… from the main menu, the file chosen; the dialog."""
    menu = find_any(app, "push button", ["Trình đơn chính", "Main Menu"])
    menu.click()
    item = find_any(app, "menu item", ["Nhập gói dữ liệu…", "Import Data Bundle…"], parent=app.root)
    # The popover is a surface of its own: activate the item as a screen reader does.
    item.doActionNamed("click")
    # The file chooser: typing a path opens its location entry.
    time.sleep(1.5)
    rawinput.typeText(path)
    time.sleep(0.5)
    rawinput.pressKey("Return")
    time.sleep(1.0)
    # Return in the location entry sometimes only completes the name; then the
    # chooser's Open button finishes the choice, as a person would click it.
    chooser = app.root.findChild(lambda n: n.name in ("Chọn gói dữ liệu", "Choose a Data Bundle")
                                 and n.roleName in ("filler", "dialog", "frame"),
                                 retry=False, requireResult=False)
    if chooser is not None:
        opener = chooser.findChild(lambda n: n.roleName == "push button"
                                   and n.name in ("Mở", "Open", "_Mở", "_Open"),
                                   retry=False, requireResult=False)
        if opener is not None:
            opener.doActionNamed("click")
    return menu, app.wait_for(lambda: app.root.findChild(
        lambda n: n.roleName in ("frame", "dialog") and n.name in ("Nhập gói dữ liệu", "Import Data Bundle"),
        retry=False, requireResult=False))


# ---- The first bundle: the office trusts the volunteer's laptop ------------

shown = cli(volunteer_db, "bundle", "code").stdout.split()
code = shown[3] if len(shown) > 3 else "?"
check(code.count("-") == 7, "the volunteer's laptop shows its code: %s" % code)
app = wardui.App(database=office_db, env={"XDG_DATA_HOME": keys})
menu, dialog = open_bundle(app, first)
check(app.wait_for(lambda: app.has_text(code, parent=dialog), 20),
      "the dialog shows the sender's code, to compare with the one its screen shows")
check(sql(office_db, "SELECT COUNT(*) FROM enterprises") == [(0,)], "nothing is imported before it is trusted")
app.screenshot("bundle-trust")
trust = find_any(app, "push button", ["Tin cậy", "Trust"], parent=dialog)
trust.doActionNamed("click")
check(app.wait_for(lambda: app.has_text_containing("1 to add", parent=dialog)
                   or app.has_text_containing("thêm 1", parent=dialog), 20),
      "once trusted, the bundle is read and its summary shown")
find_any(app, "push button", ["Nhập", "Import"], parent=dialog).doActionNamed("click")
time.sleep(2)
check(sql(office_db, "SELECT COUNT(*) FROM enterprises") == [(1,)], "the office imports it")
check(cli(office_db, "bundle", "import", first).returncode == 0, "and accepts it from then on")
app.quit()

sql(office_db, "UPDATE enterprises SET note = 'Văn phòng: đã xác minh', updated_at = '2026-04-01T08:00:00Z'")
sql(volunteer_db, "UPDATE enterprises SET note = 'Đã chuyển trụ sở', updated_at = '2026-04-02T08:00:00Z'")
sql(volunteer_db, "INSERT INTO candidates (uuid, full_name, sort_key, search_key, birth_date, created_at, "
                  "updated_at) VALUES ('cand-1', 'Lê Thị Hoa', 'hoa', 'le thi hoa', '1998-09-01', "
                  "'2026-04-02T09:00:00Z', '2026-04-02T09:00:00Z')")
second = os.path.join(folder, "second.json")
check(cli(volunteer_db, "bundle", "export", second).returncode == 0, "the volunteer exports a second bundle")

# ---- Import in the window ------------------------------------------------

app = wardui.App(database=office_db, env={"XDG_DATA_HOME": keys})
menu, dialog = open_bundle(app, second)
check(app.wait_for(lambda: app.has_text_containing("1 to add", parent=dialog)
                   or app.has_text_containing("thêm 1", parent=dialog), 20),
      "the summary says one candidate will be added")
check(app.has_text("Công ty TNHH Đông Sơn Xanh", parent=dialog),
      "the enterprise changed on both computers is listed by name")
import_button = find_any(app, "push button", ["Nhập", "Import"], parent=dialog)
check(not import_button.sensitive, "Import waits until the conflict is decided")
app.screenshot("bundle-import-summary")

# Both versions, side by side.
# Expanded by a click on its title, clear of the choice buttons.
conflict = dialog.findChildren(lambda n: n.name == "Công ty TNHH Đông Sơn Xanh" and n.roleName == "list item")[-1]
x, y = conflict.position
rawinput.click(x + 30, y + conflict.size[1] // 2)
time.sleep(0.5)
check(not import_button.sensitive, "opening the record decides nothing")
check(app.has_text_containing("Đã chuyển trụ sở", parent=dialog), "their version is shown")
check(app.has_text_containing("Văn phòng: đã xác minh", parent=dialog), "this computer's version is shown")
app.screenshot("bundle-import-conflict")

take = find_any(app, "push button", ["Lấy bản trong gói: Công ty TNHH Đông Sơn Xanh",
                                       "Take Theirs: Công ty TNHH Đông Sơn Xanh"], parent=dialog)
take.doActionNamed("click")
time.sleep(0.5)
check(import_button.sensitive, "Import is offered once every conflict is decided")
import_button.doActionNamed("click")
time.sleep(2)

check(sql(office_db, "SELECT note FROM enterprises WHERE uuid = 'ent-1'") == [("Đã chuyển trụ sở",)],
      "their version of the enterprise is stored")
check(sql(office_db, "SELECT COUNT(*) FROM candidates WHERE uuid = 'cand-1'") == [(1,)],
      "the volunteer's candidate is stored")
app.screenshot("bundle-imported")

# ---- Export in the window ------------------------------------------------

menu.click()
item = find_any(app, "menu item", ["Xuất gói dữ liệu…", "Export Data Bundle…"], parent=app.root)
item.doActionNamed("click")
dialog = app.wait_for(lambda: app.root.findChild(
    lambda n: n.roleName in ("frame", "dialog") and n.name in ("Xuất gói dữ liệu", "Export Data Bundle"),
    retry=False, requireResult=False))
time.sleep(0.5)
export_button = find_any(app, "push button", ["Xuất…", "Export…"], parent=dialog)

# A start date that is no date: said in the dialog, next to the field.
since = find_any(app, "text", ["Bản ghi thay đổi từ ngày (dd/mm/yyyy)", "Records changed since (dd/mm/yyyy)"],
                 parent=dialog)
since.click()
rawinput.typeText("31/02/2026")
export_button.doActionNamed("click")
time.sleep(0.5)
check(app.has_text_containing("Bản ghi thay đổi từ ngày:", parent=dialog)
      or app.has_text_containing("Records changed since:", parent=dialog),
      "a wrong start date is refused in the dialog, naming the field")
app.screenshot("bundle-export-refused")
since.click()
rawinput.keyCombo("<Control>a")
rawinput.pressKey("BackSpace")
time.sleep(0.5)
app.screenshot("bundle-export")
export_button.click()
time.sleep(1.5)
out = os.path.join(folder, "back.json")
rawinput.keyCombo("<Control>a")
rawinput.typeText(out)
time.sleep(0.5)
rawinput.pressKey("Return")
time.sleep(2)
check(os.path.exists(out), "the bundle file is written")
if os.path.exists(out):
    with open(out) as f:
        bundle = json.load(f)
    check(bundle.get("format") == "ward-tracker-bundle", "it is a Ward Tracker bundle")
    check("signature" in bundle, "it is signed")
    inner = json.loads(base64.b64decode(bundle["payload"]))
    uuids = [r["uuid"] for r in inner["records"]["candidates"]]
    check("cand-1" in uuids, "it carries the candidate imported a moment ago")
    result = cli(volunteer_db, "bundle", "import", out)
    codes = [w.strip(".,;:") for w in result.stderr.split() if w.count("-") == 7]
    check(result.returncode == 1 and codes, "the volunteer's laptop does not trust the office yet")
    check(codes and cli(volunteer_db, "bundle", "trust", codes[0]).returncode == 0,
          "it trusts the office by its code")
    result = cli(volunteer_db, "bundle", "import", out)
    check(result.returncode == 0, "the volunteer's laptop imports it")
app.screenshot("bundle-exported")

app.quit()
wardui.finish()
