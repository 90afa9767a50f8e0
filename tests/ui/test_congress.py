# SPDX-License-Identifier: GPL-3.0-or-later
"""A file whose congress date is not known (another ward's, migrated): the
window asks for it once. A date outside the term is refused in the question
with the dates named and Save stays off; a good date is saved and the term
counts from it (as `ward-tracker-cli stats` says); opened again, the file is
not asked again. Today is pinned to 27/11/2026."""
import json
import os
import sqlite3
import subprocess
import tempfile
import time

import wardui
from wardui import check

QUESTION = "Đại hội diễn ra ngày nào?"

tmp = tempfile.mkdtemp(prefix="ward-ui-congress-")
db = os.path.join(tmp, "ward.sqlite3")
env = dict(os.environ, WARD_TODAY="2026-11-27", LANG="C.UTF-8", LC_ALL="C.UTF-8")
subprocess.run([wardui.CLI, "--database", db, "init"], env=env, check=True, capture_output=True)
con = sqlite3.connect(db)
con.execute("UPDATE ward SET congress_date = NULL")
con.commit()
con.close()


def question():
    """The question's window, found by its heading."""
    return [w for w in app.root.children if app.has_text(QUESTION, parent=w)][0]


def term_start():
    result = app.cli("stats", "--json")
    return json.loads(result.stdout)["term_start"] if result.returncode == 0 else None


app = wardui.App(database=db)
asked = app.wait_for(question)
check(asked is not None, "the window asks for the congress date")
entry = app.find("text", "Ngày Đại hội", asked)
save = app.button("Lưu", asked)
check(not save.sensitive, "Save is off while no date is typed")
app.type_into(entry, "01/02/2031")
check(app.wait_for(lambda: app.has_text_containing("01/02/2031", parent=asked)),
      "a date after the term is refused in the question, naming it")
check(not save.sensitive, "Save stays off for a refused date")
app.screenshot("congress-01-refused")
app.type_into(entry, "18/08/2025")
time.sleep(0.5)
check(save.sensitive, "Save is on for a date within the term")
app.press(save)
check(app.wait_for(lambda: term_start() == "2025-08-18"), "the term counts from the congress saved")
app.screenshot("congress-02-saved")
app.quit()

# Opened again: not asked again.
con = sqlite3.connect(db)
con.execute("UPDATE ward SET congress_date = NULL")
con.commit()
con.close()
app = wardui.App(database=db)
time.sleep(4)
check(not [w for w in app.root.children if app.has_text(QUESTION, parent=w)],
      "a file asked once is not asked again")
app.quit()
wardui.finish()
