# SPDX-License-Identifier: GPL-3.0-or-later
"""Start and quit on a file with long lists: every page visited, then
Ctrl+Q at once, while the lists may still be filtering. The harness fails
the test on any GLib critical or warning the application printed (once,
quitting wrote into the pages' widgets already gone)."""
import os
import subprocess

import wardui
from wardui import check

folder = os.path.join(wardui.BUILD_ROOT, "tests", "ui-quit")
generate = os.path.join(wardui.BUILD_ROOT, "tests", "bench", "ward-bench-generate")
subprocess.run(["rm", "-rf", folder], check=True)
r = subprocess.run([generate, "--candidates", "4000", "--enterprises", "3000", "--donations", "20000",
                    folder], capture_output=True, text=True)
check(r.returncode == 0, "a file with long lists is made (%s)" % r.stderr.strip()[-200:])

app = wardui.App(database=os.path.join(folder, "big.sqlite3"), env={"WARD_TODAY": "2030-06-30"})
for title in wardui.PAGES_VI:
    app.goto(title)
app.goto("Doanh nghiệp")
app.quit()
check(app.proc.returncode == 0, "the application quits cleanly (status %s)" % app.proc.returncode)
wardui.finish()
