# SPDX-License-Identifier: GPL-3.0-or-later
"""Print and Export PDF as a secretary uses them: on the donations page,
Export PDF (Ctrl+Shift+E) asks where to save and writes the disclosure list
of the campaign on show; on the targets page, Print (Ctrl+P) asks for the
period (the current year chosen), then shows the print dialog, whose Preview
renders the report through GtkPrintOperation. GTK's preview command is set
(settings.ini) to copy the previewed PDF where the test can read it.
Today is pinned to 27/11/2026."""
import os
import subprocess
import tempfile
import time

from dogtail import rawinput

import wardui
from wardui import check

work = tempfile.mkdtemp(prefix="ward-print-")
database = os.path.join(work, "ward.sqlite3")
preview_pdf = os.path.join(work, "preview.pdf")
export_pdf = os.path.join(work, "danh-sach.pdf")
config = os.path.join(work, "config")
os.makedirs(os.path.join(config, "gtk-4.0"))
with open(os.path.join(config, "gtk-4.0", "settings.ini"), "w") as f:
    f.write("[Settings]\ngtk-print-preview-command=cp %%f %s\n" % preview_pdf)

# Two receipts, through the CLI, before the window opens.
csv = os.path.join(work, "ung-ho.csv")
with open(csv, "w", encoding="utf-8") as f:
    f.write("Số biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,Số tiền,Hình thức,Người thu\n"
            "1,20/09/2025,Nguyễn Văn An,Tổ dân phố 1,500.000,Tiền mặt,Lê Thị Thu\n"
            "2,21/09/2025,Chi bộ Khu phố 2,Chi bộ Khu phố 2,750.000,Tiền mặt,Lê Thị Thu\n")
env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", GSETTINGS_BACKEND="memory",
           WARD_TODAY=os.environ.get("WARD_TODAY", "2026-11-27"))
for args in (["init"], ["import", "donations", csv]):
    r = subprocess.run([wardui.CLI, "--database", database, *args], env=env,
                       capture_output=True, text=True)
    check(r.returncode == 0, "ward-tracker-cli %s succeeds %s" % (args[0], r.stderr.strip()))


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", path, "-"],
                          capture_output=True, text=True).stdout


def wait_for_file(path, timeout=30.0):
    end = time.time() + timeout
    while time.time() < end:
        if os.path.exists(path) and os.path.getsize(path) > 0:
            time.sleep(1.0)  # let the writer finish
            return True
        time.sleep(0.3)
    return False


def named(role, names, parent=None, timeout=10.0):
    """A node of @role named one of @names: English until the lead merges
    the translations. GTK 4.8 names a button "_Mnemonic Label"."""
    def matches(name):
        return name is not None and any(name == n or name.replace("_", "") == n.replace("_", "")
                                        or name.endswith(" " + n.replace("_", ""))
                                        for n in names)
    parent = parent or app.root
    return app.wait_for(lambda: parent.findChild(
        lambda n: n.roleName == role and matches(n.name),
        retry=False, requireResult=False), timeout)


app = wardui.App(database=database, env={"XDG_CONFIG_HOME": config})

# ---- Export PDF: the disclosure list -------------------------------------------
app.goto("Ủng hộ Cuba")
check(app.shows("Nguyễn Văn An"), "the donations page lists the receipts")
rawinput.keyCombo("<Control><Shift>e")
# GTK 4.8 shows the chooser as a "filler" named after its title.
chooser = app.wait_for(lambda: app.root.findChild(
    lambda n: n.name in ("Export as PDF", "Xuất ra PDF") and n.roleName in ("filler", "dialog",
                                                                            "file chooser"),
    recursive=False, retry=False, requireResult=False))
check(chooser is not None, "Export PDF opens a file chooser")
time.sleep(1.0)
app.screenshot("print-01-export-chooser")
name_field = chooser.findChild(lambda n: n.roleName == "text" and n.name in ("Name:", "Tên:"),
                               retry=False, requireResult=False)
# GTK 4.8 reports the field's length but not its characters.
suggested = "danh-sach-cong-khai-ung-ho.pdf"
check(name_field is not None and name_field.queryText().characterCount == len(suggested),
      "the chooser suggests a name of %d characters (%s)" % (len(suggested), suggested))
rawinput.keyCombo("<Control>a")
rawinput.typeText(export_pdf)
rawinput.pressKey("Return")
check(wait_for_file(export_pdf), "the PDF is written where the clerk chose")
if os.path.exists(export_pdf):
    text = pdf_text(export_pdf)
    check("DANH SÁCH CÔNG KHAI" in text and "ỦNG HỘ NHÂN DÂN CUBA" in text,
          "the exported PDF is the disclosure list of the campaign on show")
    check("Nguyễn Văn An" in text and "1.250.000" in text,
          "the exported list names the donors and totals 1.250.000")
    check("Mã kiểm tra sổ quỹ" in text, "the exported list ends with the ledger's chain hash")
app.screenshot("print-02-exported")

# ---- Print: the report on the targets, through the preview ---------------------
app.goto("Chỉ tiêu")
rawinput.keyCombo("<Control>p")
period_dialog = named("dialog", ["Report on the Targets", "Báo cáo các chỉ tiêu"])
period = named("combo box", ["Period", "Kỳ số liệu"], parent=period_dialog)
check(period is not None, "Print on the targets page asks for the period")
check(app.has_text_containing("2026", parent=period),
      "the period offered first is the current year, 2026")
app.screenshot("print-03-period")
named("push button", ["Print", "In"], parent=period_dialog).doActionNamed("click")
dialog = named("dialog", ["Print", "In"], timeout=20.0)
check(dialog is not None, "the print dialog opens")
time.sleep(1.5)
app.screenshot("print-04-print-dialog")
preview = named("push button", ["Pre_view", "Preview", "Xem _trước", "Xem trước"], parent=dialog)
check(preview is not None, "the print dialog offers Preview")
preview.doActionNamed("click")
check(wait_for_file(preview_pdf), "Preview renders the report")
if os.path.exists(preview_pdf):
    text = pdf_text(preview_pdf)
    check("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT" in text and "NĂM 2026" in text,
          "the preview is the report on the targets for 2026")
    check("ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Đông Sơn, ngày 27 tháng 11 năm 2026" in text,
          "the preview carries the Party heading and today's date")
    info = subprocess.run(["pdfinfo", preview_pdf], capture_output=True, text=True).stdout
    size = [l.split()[2:5] for l in info.splitlines() if l.startswith("Page size:")][0]
    check(round(float(size[0])) == 842 and round(float(size[2])) == 595,
          "the preview is A4 landscape (%s)" % " ".join(size))

app.quit()
wardui.finish()
