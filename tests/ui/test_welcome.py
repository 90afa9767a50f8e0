# SPDX-License-Identifier: GPL-3.0-or-later
"""The first start: with no data file yet the window welcomes, offering Đông
Sơn's resolution, another ward's seed file, an existing data file or a
backup, and writes nothing until one is chosen. Choosing Đông Sơn makes the
file and opens Preferences once, on the ward's offices; the signer typed
there is kept and printed on the reports' signature block. A second start
on the file opens the window, asking nothing."""
import os
import subprocess
import tempfile
import time

import wardui
from wardui import check

folder = tempfile.mkdtemp(prefix="ward-welcome-")
database = os.path.join(folder, "ward.sqlite3")
config = os.path.join(folder, "config")
os.makedirs(os.path.join(config, "glib-2.0", "settings"))
with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
    f.write("[io/github/wardtracker/WardTracker]\nwindow-width=1280\nwindow-height=780\n")
settings_env = {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config}
SIGNER = "Lê Văn Thành"
WELCOME = "Chào mừng đến với Ward Tracker"


def preferences():
    return app.wait_for(lambda: [w for w in app.root.children
                                 if w.roleName == "frame" and w.name == "Tùy chỉnh"][0])


app = wardui.App(database=database, env=settings_env, welcome=True)
welcome = app.window
check(welcome.name == WELCOME, "the window is the welcome (%s)" % welcome.name)
check(app.shows("Chào mừng", exact=True, parent=welcome), "the first start welcomes")
for label in ("Nghị quyết phường Đông Sơn", "Tệp khởi tạo của phường khác…", "Mở tệp dữ liệu có sẵn…",
              "Khôi phục bản sao lưu…"):
    check(app.button(label, welcome, timeout=3) is not None, "the welcome offers “%s”" % label)
check(not os.path.exists(database), "nothing is written before the clerk chooses")
app.screenshot("welcome-01-first-start")

app.press(app.button("Nghị quyết phường Đông Sơn", welcome))
prefs = preferences()
check(prefs is not None, "choosing Đông Sơn opens Preferences once, for the offices and signers")
check(os.path.exists(database), "the data file is made from Đông Sơn's resolution")
check(app.shows("Đảng bộ cấp trên", exact=True, parent=prefs), "Preferences open on the ward's offices")
NOTE = "Nhập tên các cơ quan, rồi người ký (trang Chữ ký)"
check(app.shows(NOTE, exact=True, parent=prefs), "a note says the signers follow on their page")
app.screenshot("welcome-02-set-up")
tab = app.wait_for(lambda: prefs.findChild(lambda n: n.roleName == "page tab" and n.name == "Chữ ký",
                                           retry=False, requireResult=False))
tab.doActionNamed("click")
time.sleep(0.8)
app.type_into(app.find("text", "Họ tên người ký của Đảng ủy", prefs), SIGNER)
time.sleep(0.5)
app.screenshot("welcome-03-signer")
# The note goes first: while it was on show, Escape was seen to leave the
# window open (libadwaita 1.2).
app.wait_for(lambda: not app.has_text(NOTE, parent=prefs), timeout=10)
wardui.rawinput.pressKey("Escape")
check(app.dialog_gone("Tùy chỉnh"), "Escape closes Preferences")
app.main_window()
check(app.window.name != WELCOME, "the window of the new file is open")
app.screenshot("welcome-04-window")
app.quit()

# The signer is kept in the settings and printed under the report.
env = dict(os.environ, **settings_env)
kept = subprocess.run(["gsettings", "get", "io.github.wardtracker.WardTracker", "party-signatory-name"],
                      env=env, capture_output=True, text=True).stdout.strip()
check(kept == "'%s'" % SIGNER, "the signer is kept in Preferences (%s)" % kept)
pdf = os.path.join(folder, "targets.pdf")
made = subprocess.run([wardui.CLI, "--database", database, "report", "targets", "--output", pdf],
                      env=dict(env, WARD_TODAY="2026-11-27"), capture_output=True, text=True)
text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout \
    if made.returncode == 0 else made.stderr
check(SIGNER in text, "the printed report's signature block names %s" % SIGNER)

# A second start: the file is there, nothing is asked.
app = wardui.App(database=database, env=settings_env)
check(app.window.name != WELCOME, "a second start opens the window, no welcome")
time.sleep(1.0)
check(not [w for w in app.root.children if w.name == "Tùy chỉnh"], "and asks nothing")
app.quit()

# Another ward's seed file: a broken one is refused, naming the file, and
# leaves nothing behind; a good one makes the file of that ward.
SEED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "seed", "dong-son.json")
broken = os.path.join(folder, "hong.json")
with open(broken, "w", encoding="utf-8") as f:
    f.write('{"format": "ward-tracker-seed", "version": 1, "ward": {')
other = os.path.join(folder, "ham-rong.json")
with open(SEED, encoding="utf-8") as f:
    text = f.read().replace("Phường Đông Sơn", "Phường Hàm Rồng")
with open(other, "w", encoding="utf-8") as f:
    f.write(text)


def choose_seed(path):
    app.press(app.button("Tệp khởi tạo của phường khác…", app.window))
    time.sleep(1.5)   # the file chooser: typing a path opens its location entry
    wardui.type_text(path)
    time.sleep(0.5)
    wardui.rawinput.pressKey("Return")
    time.sleep(1.5)


second = os.path.join(folder, "second.sqlite3")
app = wardui.App(database=second, env=settings_env, welcome=True)
choose_seed(broken)
check(app.shows("hong.json", parent=app.window), "a broken seed file is refused, naming the file")
message = app.window.findChild(lambda n: n.roleName == "label" and "hong.json" in (n.name or ""),
                               retry=False, requireResult=False)
check(message is not None and wardui.App.on_screen(message), "the refusal is in view, above the choices")
check(not os.path.exists(second), "and no data file is left behind")
app.screenshot("welcome-05-broken-seed")
choose_seed(other)
prefs = preferences()
app.main_window()
check(app.shows("Phường Hàm Rồng", exact=True, parent=app.window),
      "another ward's seed makes the file of that ward")
check(os.path.exists(second), "the data file is made")
app.screenshot("welcome-06-other-ward")
app.quit()
wardui.finish()
