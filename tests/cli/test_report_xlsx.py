# SPDX-License-Identifier: GPL-3.0-or-later
"""Excel out, read back with a real reader (openpyxl): every report's
tables (`report NAME --output FILE.xlsx`) and every register's export
(`export KIND FILE.xlsx`) hold real dates and numbers in Vietnamese
formats under the document's heading rows, the header row frozen, the
columns wide enough; an exported register holds the same records as its
CSV export."""
import csv
import datetime
import os
import subprocess
import sys
import tempfile

import openpyxl

from wardtest import check, finish

CLI = sys.argv[1]
DATA = os.path.join(sys.argv[2], "reports")
TODAY = "2026-11-27"
# Excel's codes tagged vi-VN: LibreOffice shows 1.250.000 and 16,5 in any language.
INTEGER, DATE = "[$-42A]#,##0", "[$-42A]dd/mm/yyyy"


def run(*args, lang="C.UTF-8"):
    env = dict(os.environ, LANG=lang, LC_ALL=lang, WARD_TODAY=TODAY)
    return subprocess.run([CLI, "--database", db, *args], capture_output=True, text=True, env=env)


def header_row(ws, first_label):
    """The row number of the table's header: the first whose first cell is
    @first_label."""
    for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 20)):
        if row[0].value == first_label:
            return row[0].row
    return None


def column_of(ws, row, label):
    for cell in ws[row]:
        if isinstance(cell.value, str) and cell.value.replace("\n", " ") == label:
            return cell.column
    return None


tmp = tempfile.mkdtemp(prefix="ward-report-xlsx-")
db = os.path.join(tmp, "ward.sqlite3")
check(run("init").returncode == 0, "init")
for kind in ("members", "enterprises", "donations"):
    r = run("import", kind, os.path.join(DATA, kind + ".csv"))
    check(r.returncode == 0, "import " + kind)
readings = os.path.join(tmp, "readings.csv")
with open(readings, "w", encoding="utf-8") as f:
    f.write("Chỉ tiêu,Kỳ,Giá trị,Chỉ tiêu giao,Đã giao,Trạng thái,Số văn bản,Ngày văn bản,Đơn vị,Ghi chú\n"
            "grdp-growth,6 tháng đầu năm 2025,\"10,9\",,,Chính thức,125/BC-UBND,10/07/2025,,\n"
            "grdp-growth,2025,\"11,25\",,,Chính thức,175/BC-UBND,15/01/2026,,\n")
r = run("import", "readings", readings)
check(r.returncode == 0, "import readings: %s" % r.stderr)

# Every report kind gives a workbook whose first rows are the heading.
for kind in ("targets", "programme", "members", "enterprises", "donations", "donations-by-group"):
    path = os.path.join(tmp, kind + ".xlsx")
    r = run("report", kind, "--number", "12", "--date", "05/12/2026", "--output", path)
    check(r.returncode == 0 and os.path.exists(path), "%s: workbook written: %s" % (kind, r.stderr))
    if r.returncode != 0:
        continue
    wb = openpyxl.load_workbook(path)
    check(len(wb.sheetnames) >= 1 and all(len(n) <= 31 for n in wb.sheetnames),
          kind + ": sheets with names Excel accepts: %r" % wb.sheetnames)
    for ws in wb.worksheets:
        heading = [ws.cell(row=r, column=1).value for r in range(1, 9)]
        check("ĐẢNG ỦY PHƯỜNG ĐÔNG SƠN" in heading or "ỦY BAN MTTQ VIỆT NAM" in heading,
              "%s/%s: the issuing body heads the sheet: %r" % (kind, ws.title, heading))
        check(any(isinstance(h, str) and "ngày 05 tháng 12 năm 2026" in h for h in heading),
              "%s/%s: the number and date under it" % (kind, ws.title))
        check(ws.freeze_panes is not None and ws.freeze_panes != "A1",
              "%s/%s: the rows down to the header are frozen (%s)" % (kind, ws.title, ws.freeze_panes))

# Sheets named as a clerk would look for them.
names = {k: openpyxl.load_workbook(os.path.join(tmp, k + ".xlsx")).sheetnames
         for k in ("donations", "donations-by-group", "targets")}
check("Danh sách" in names["donations"] and "Tổ dân phố 1" in names["donations-by-group"]
      and names["targets"] == ["Báo cáo"],
      "sheets named after the section, the group or the document: %r" % names)

# The disclosure list: dates are dates, amounts are numbers, the total sums them.
wb = openpyxl.load_workbook(os.path.join(tmp, "donations.xlsx"))
ws = next((w for w in wb.worksheets if header_row(w, "STT") and
           column_of(w, header_row(w, "STT"), "Họ và tên người ủng hộ")), None)
check(ws is not None, "donations: a sheet holds the list")
if ws is not None:
    head = header_row(ws, "STT")
    date_col = column_of(ws, head, "Ngày")
    amount_col = column_of(ws, head, "Số tiền (đồng)")
    check(ws.freeze_panes == "A%d" % (head + 1),
          "donations: frozen under the header row (%s, header row %d)" % (ws.freeze_panes, head))
    first = head + 1
    date = ws.cell(row=first, column=date_col)
    amount = ws.cell(row=first, column=amount_col)
    check(isinstance(date.value, datetime.datetime) and date.value.date() == datetime.date(2025, 9, 17)
          and date.number_format == DATE,
          "donations: the first date is a date, dd/mm/yyyy: %r %r" % (date.value, date.number_format))
    check(isinstance(amount.value, (int, float)) and amount.number_format == INTEGER,
          "donations: an amount is a number, #,##0: %r %r" % (amount.value, amount.number_format))
    check(ws.page_setup.paperSize == 9 and ws.sheet_properties.pageSetUpPr.fitToPage
          and ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
          and ws.print_title_rows == "$%d:$%d" % (head, head),
          "donations: printed on A4, one page wide, the header row on every page (%s)"
          % ws.print_title_rows)
    method = ws.cell(row=first, column=column_of(ws, head, "Hình thức"))
    check(method.value in ("Tiền mặt", "Chuyển khoản") and method.alignment.horizontal == "center",
          "donations: the payment column is centred, as printed: %r" % method.alignment.horizontal)
    rows = list(ws.iter_rows(min_row=first, values_only=True))
    total = [r for r in rows if "Tổng cộng" in r]
    listed = [r[amount_col - 1] for r in rows if isinstance(r[0], (int, float))]
    check(len(listed) == 120 and total and total[0][amount_col - 1] == sum(listed),
          "donations: 120 receipts and their total: %d, %r" % (len(listed), total[:1]))
    check(ws.cell(row=first, column=1).font.b is False and total and
          ws.cell(row=first + len(listed), column=amount_col).font.b,
          "donations: the total row is bold, the others not")
    name_width = ws.column_dimensions[openpyxl.utils.get_column_letter(
        column_of(ws, head, "Họ và tên người ủng hộ"))].width
    longest = max(len(str(r[3])) for r in rows if isinstance(r[0], (int, float)))
    check(name_width >= min(longest, 30), "donations: the name column fits its names "
          "(width %.1f, longest name %d characters)" % (name_width, longest))

# Written in Vietnamese, whose decimal mark is a comma: the file's numbers
# (margins, widths, heights, values) stay in the file format's notation.
if "vi_VN.utf8" in subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout:
    path = os.path.join(tmp, "vi.xlsx")
    r = run("report", "enterprises", "--output", path, lang="vi_VN.UTF-8")
    try:
        wb = openpyxl.load_workbook(path)
        values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
        ok = any(isinstance(v, float) and not v.is_integer() for v in values)
    except Exception as exc:  # what a reader says of a broken file
        ok = False
        print("# " + repr(exc))
    check(r.returncode == 0 and ok, "a workbook written under vi_VN reads back, decimals included")
else:
    check(False, "the vi_VN.UTF-8 locale is installed (scripts/deps.sh)")

# Registers: the same records as the CSV export, with types.
for kind in ("members", "enterprises", "donations", "readings", "programme"):
    xlsx, csv_path = os.path.join(tmp, kind + "-export.xlsx"), os.path.join(tmp, kind + "-export.csv")
    rx, rc = run("export", kind, xlsx), run("export", kind, csv_path)
    check(rx.returncode == 0 and rc.returncode == 0, "export %s as .xlsx and .csv" % kind)
    if rx.returncode != 0 or rc.returncode != 0:
        continue
    ws = openpyxl.load_workbook(xlsx).active
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    check(ws.freeze_panes == "A2", "%s: header row frozen (%s)" % (kind, ws.freeze_panes))
    check([c.value for c in ws[1]] == rows[0], "%s: the same header as the CSV" % kind)
    check(ws.max_row == len(rows), "%s: %d rows, as the CSV's %d" % (kind, ws.max_row, len(rows)))

    def as_csv(cell):
        if cell.value is None:
            return ""
        if isinstance(cell.value, datetime.datetime):
            return cell.value.strftime("%d/%m/%Y")
        if isinstance(cell.value, float) and cell.value.is_integer():
            return str(int(cell.value))
        if isinstance(cell.value, float):  # the CSV writes a decimal comma
            return ("%g" % cell.value).replace(".", ",")
        return str(cell.value)

    same = all([as_csv(c) for c in ws[r + 1]] == [v for v in rows[r]] for r in range(1, len(rows)))
    check(same, "%s: every cell reads as the CSV's" % kind)
    dates = [c for row in ws.iter_rows(min_row=2) for c in row
             if isinstance(c.value, datetime.datetime)]
    if kind == "readings":
        values = [row[2] for row in ws.iter_rows(min_row=2)]
        check([v.value for v in values] == [10.9, 11.25]
              and all(v.number_format == "[$-42A]#,##0.0##" for v in values),
              "readings: the values are decimal numbers: %r" % [(v.value, v.number_format) for v in values])
    if kind != "programme":  # the sample ward has no programme items
        check(dates and all(c.number_format == DATE for c in dates),
              "%s: %d dates, all dd/mm/yyyy" % (kind, len(dates)))

finish()
