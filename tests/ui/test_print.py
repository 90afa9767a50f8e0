# SPDX-License-Identifier: GPL-3.0-or-later
"""Print, Export PDF and Export Excel as a secretary uses them: on the
donations page, Export PDF (Ctrl+Shift+E) asks about the report (the signer
typed there signs it), then where to save, and writes the disclosure list of
the campaign on show; Export Excel (Ctrl+Shift+X) writes it as a workbook; on
the targets page, Print (Ctrl+P) asks for the period (the current year
chosen), then shows the print dialog, whose Preview renders the report
through GtkPrintOperation. GTK's preview command is set
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
export_xlsx = os.path.join(work, "danh-sach.xlsx")
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


pdf_text = wardui.pdf_text
wait_for_file = wardui.wait_for_file


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


def report_dialog(titles):
    """The report's dialog (period, signer, number, date), a window of its
    own titled after what it will do."""
    return app.wait_for(lambda: next(
        (w for w in app.root.children if w.name in titles and w.roleName in ("frame", "dialog", "window")
         and w.findChild(lambda n: n.roleName == "combo box"
                         and n.name in ("Kỳ báo cáo", "Period of the report"),
                         retry=False, requireResult=False) is not None), None))


def file_chooser(titles):
    """GTK 4.8 shows the chooser as a "filler" named after its title."""
    return app.wait_for(lambda: next(
        (n for n in app.root.children if n.name in titles and n.roleName in ("filler", "file chooser")
         and n.findChild(lambda c: c.roleName == "text" and c.name in ("Name:", "Tên:"),
                         retry=False, requireResult=False) is not None), None))


def push(dialog, *labels):
    """Presses the button of @dialog labelled one of @labels (Vietnamese,
    then English)."""
    button = named("push button", labels, parent=dialog)
    check(button is not None, "the dialog has its %s button" % labels[0])
    if button is not None:
        app.press(button)


def save_as(chooser, path, suggested):
    name_field = chooser.findChild(lambda n: n.roleName == "text" and n.name in ("Name:", "Tên:"),
                                   retry=False, requireResult=False)
    # GTK 4.8 reports the field's length but not its characters.
    check(name_field is not None and name_field.queryText().characterCount == len(suggested),
          "the chooser suggests a name of %d characters (%s)" % (len(suggested), suggested))
    rawinput.keyCombo("<Control>a")
    rawinput.typeText(path)
    rawinput.pressKey("Return")


app = wardui.App(database=database, env={"XDG_CONFIG_HOME": config})
SIGNER = "Trần Thị Mai"

# ---- Export PDF: the disclosure list, signed by the name typed ------------------
app.goto("Ủng hộ Cuba")
check(app.shows("Nguyễn Văn An"), "the donations page lists the receipts")
rawinput.keyCombo("<Control><Shift>e")
dialog = report_dialog(["Xuất ra PDF", "Export as PDF"])
check(dialog is not None, "Export PDF first asks about the report")
signer = dialog.findChild(lambda n: n.roleName == "text" and (n.name or "") in
                          ("Họ tên người ký", "Signer’s name"), retry=False, requireResult=False)
check(signer is not None, "the dialog asks for the signer's name")
if signer is not None:
    app.type_into(signer, SIGNER)
app.screenshot("print-01-report-dialog")
push(dialog, "Xuất _PDF", "Export _PDF")
chooser = file_chooser(["Xuất ra PDF", "Export as PDF"])
check(chooser is not None, "then a file chooser")
time.sleep(1.0)
app.screenshot("print-02-export-chooser")
if chooser is not None:
    save_as(chooser, export_pdf, "danh-sach-cong-khai-ung-ho-nhiem-ky-2025-2030.pdf")
check(wait_for_file(export_pdf), "the PDF is written where the clerk chose")
if os.path.exists(export_pdf):
    text = pdf_text(export_pdf)
    check("DANH SÁCH" in text and "công khai kết quả ủng hộ" in text,
          "the exported PDF is the disclosure list of the campaign on show")
    check("Nguyễn Văn An" in text and "1.250.000" in text,
          "the exported list names the donors and totals 1.250.000")
    check(SIGNER in text, "the list is signed by the name typed in the dialog")
    check("Mã kiểm tra sổ quỹ" in text, "the exported list ends with the ledger's chain hash")

# ---- Export Excel: the same list as a workbook -----------------------------------
rawinput.keyCombo("<Control><Shift>x")
dialog = report_dialog(["Xuất ra Excel", "Export as Excel"])
check(dialog is not None, "Export Excel (Ctrl+Shift+X) asks about the report")
if dialog is not None:
    push(dialog, "Xuất _Excel", "Export _Excel")
chooser = file_chooser(["Xuất ra Excel", "Export as Excel"])
check(chooser is not None, "then a file chooser for the workbook")
if chooser is not None:
    save_as(chooser, export_xlsx, "danh-sach-cong-khai-ung-ho-nhiem-ky-2025-2030.xlsx")
check(wait_for_file(export_xlsx), "the workbook is written where the clerk chose")
if os.path.exists(export_xlsx):
    import openpyxl
    cells = [c.value for ws in openpyxl.load_workbook(export_xlsx).worksheets
             for row in ws.iter_rows() for c in row]
    check("Nguyễn Văn An" in cells and 500000 in cells and 1250000 in cells,
          "the workbook lists the receipts with their amounts as numbers")
app.screenshot("print-03-exported")

# ---- Print: the report on the targets, through the preview ---------------------
app.goto("Chỉ tiêu")
rawinput.keyCombo("<Control>p")
period_dialog = report_dialog(["In", "Print"])
period = named("combo box", ["Kỳ báo cáo", "Period of the report"], parent=period_dialog)
check(period is not None, "Print on the targets page asks for the period")
check(app.has_text_containing("2026", parent=period),
      "the period offered first is the current year, 2026")
app.screenshot("print-04-period")
push(period_dialog, "_In", "_Print")
dialog = app.wait_for(lambda: next(
    (w for w in app.root.children if w.name in ("In", "Print") and w.roleName == "dialog"
     and w.findChild(lambda n: (n.name or "").replace("_", "") in ("Xem trước", "Preview"),
                     retry=False, requireResult=False) is not None), None), 20.0)
check(dialog is not None, "the print dialog opens")
time.sleep(1.5)
app.screenshot("print-05-print-dialog")
preview = named("push button", ["Pre_view", "Preview", "Xem _trước", "Xem trước"], parent=dialog)
check(preview is not None, "the print dialog offers Preview")
preview.doActionNamed("click")
check(wait_for_file(preview_pdf), "Preview renders the report")
if os.path.exists(preview_pdf):
    text = pdf_text(preview_pdf)
    check("BÁO CÁO" in text and "kết quả thực hiện các chỉ tiêu Nghị quyết năm 2026" in text,
          "the preview is the report on the targets for 2026")
    check("ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Đông Sơn, ngày 27 tháng 11 năm 2026" in text,
          "the preview carries the Party heading and today's date")
    info = subprocess.run(["pdfinfo", preview_pdf], capture_output=True, text=True).stdout
    size = [l.split()[2:5] for l in info.splitlines() if l.startswith("Page size:")][0]
    check(round(float(size[0])) == 842 and round(float(size[2])) == 595,
          "the preview is A4 landscape (%s)" % " ".join(size))

app.quit()
wardui.finish()
