#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes the workbooks the import tests read, as ward offices keep them.

Run it from this folder with python3-openpyxl and LibreOffice installed;
the files it makes are committed, so the tests and CI need neither.

  donations.xlsx      openpyxl: title rows (merged), a blank row, the header;
                      dates as serials and typed as text, a number typed as text
                      (second sheet); a
                      formula; a hidden row and a hidden column; a
                      "Tổng cộng" row; a second sheet with other receipts.
  donations-lo.xlsx   the same saved by LibreOffice (formulas' cached values)
  donations.ods       the same saved by LibreOffice as OpenDocument
  donations.xls       the same saved by LibreOffice as Excel 97–2003
  dates-1904.xlsx     openpyxl, the 1904 date system
  bad-total.xlsx      openpyxl, a "Tổng cộng" row that does not add up
  feb29-1900.xlsx     openpyxl, Excel's day 60 (29/02/1900) in a date cell
  inline.xlsx         written here part by part: inline strings, a formula
                      returning text, phonetic runs, cells without "r"
  ui-donations.xlsx   openpyxl, for the window's test: two sheets with title
                      rows, receipts of the seeded Cuba campaign (17/09 –
                      16/10/2025), a transfer without its reference, a
                      hidden row and a "Tổng cộng" row
"""

import datetime
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HEADER = ["STT", "Số biên lai", "Ngày", "Người ủng hộ", "Số tiền", "Hình thức",
          "Mã GD", "Ghi chú nội bộ"]


def title_rows(ws, title):
    ws.append([title])
    ws.merge_cells("A1:H1")
    ws.append(["Phường Đông Sơn – năm 2026"])
    ws.merge_cells("A2:H2")
    ws.append([])
    ws.append(HEADER)


def first_sheet(ws):
    title_rows(ws, "DANH SÁCH ỦNG HỘ QUỸ VÌ NGƯỜI NGHÈO")
    rows = [
        [1, "0001", datetime.date(2026, 1, 5), "Nguyễn Văn An", 500000, "Tiền mặt", None, "a"],
        [2, "0002", "06/01/2026", "Trần Thị Bình", 1250000, "Tiền mặt", None, "b"],
        [3, "0003", datetime.date(2026, 1, 7), "Lê Văn Cường", "=200000*2", "Chuyển khoản",
         "FT26007001", "c"],
        [4, "0004", datetime.date(2026, 1, 8), "Phạm Thị Dung", 300000, "Tiền mặt", None, "ẩn"],
        [5, "0005", datetime.date(2026, 1, 9), "Hoàng Văn Em", 150000, "Tiền mặt", None, "e"],
    ]
    for row in rows:
        ws.append(row)
    for r in range(5, 10):
        ws.cell(row=r, column=3).number_format = "dd/mm/yyyy"
    ws.row_dimensions[8].hidden = True          # receipt 0004
    ws.column_dimensions["H"].hidden = True     # the office's own notes
    # SUBTOTAL(109, …) leaves hidden rows out, as the clerk sees the sheet.
    ws.append(["Tổng cộng", None, None, None, "=SUBTOTAL(109,E5:E9)"])


def second_sheet(ws):
    title_rows(ws, "DANH SÁCH ỦNG HỘ – TỔ DÂN PHỐ 2")
    ws.append([1, "0101", datetime.date(2026, 2, 2), "Đỗ Thị Giang", 200000, "Tiền mặt"])
    # A number typed as text, as a clerk's "100.000" often is.
    ws.append([2, "0102", datetime.date(2026, 2, 3), "Vũ Văn Hải", "100.000", "Tiền mặt"])
    for r in (5, 6):
        ws.cell(row=r, column=3).number_format = "dd/mm/yyyy"


def donations():
    wb = openpyxl.Workbook()
    first_sheet(wb.active)
    wb.active.title = "Đợt 1"
    second_sheet(wb.create_sheet("Tổ 2"))
    wb.save("donations.xlsx")


def simple(name, rows, epoch=None, date_format="dd/mm/yyyy"):
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "Thu"
    ws.append(HEADER[1:6])
    for row in rows:
        ws.append(row)
    for r in range(2, len(rows) + 2):
        ws.cell(row=r, column=2).number_format = date_format
    wb.save(name)


def with_libreoffice():
    out = tempfile.mkdtemp()
    for fmt, ext in (("xlsx:Calc MS Excel 2007 XML", "xlsx"), ("ods", "ods"),
                     ("xls:MS Excel 97", "xls")):
        subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", out,
                        "donations.xlsx"], check=True, stdout=subprocess.DEVNULL)
        target = "donations-lo.xlsx" if ext == "xlsx" else "donations." + ext
        shutil.move(os.path.join(out, "donations." + ext), target)
    shutil.rmtree(out)


INLINE_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData>
<row r="1"><c t="inlineStr"><is><t>Số biên lai</t></is></c><c t="inlineStr"><is><t>Ngày</t></is></c>\
<c t="inlineStr"><is><r><t>Người </t></r><r><t>ủng hộ</t></r></is></c>\
<c t="inlineStr"><is><t>Số tiền</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>0001</t><rPh sb="0" eb="1"><t>x</t></rPh></is></c>\
<c r="B2" t="str"><f>TEXT(46027,"dd/mm/yyyy")</f><v>05/01/2026</v></c>\
<c r="C2" t="inlineStr"><is><t xml:space="preserve">Ngô Văn Ích</t></is></c>\
<c r="D2"><f>100000+20000</f><v>120000</v></c></row>
</sheetData>
</worksheet>
"""

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Thu" sheetId="1" r:id="rId1"/></sheets></workbook>
"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
Target="/xl/worksheets/sheet1.xml"/></Relationships>
"""


def inline():
    with zipfile.ZipFile("inline.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/worksheets/sheet1.xml", INLINE_SHEET)


def ui_sheet(ws, title, rows):
    title_rows(ws, title)
    for row in rows:
        ws.append(row)
    for r in range(5, 5 + len(rows)):
        ws.cell(row=r, column=3).number_format = "dd/mm/yyyy"


def ui_donations():
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Đợt 1"
    ui_sheet(first, "DANH SÁCH ỦNG HỘ NHÂN DÂN CUBA – ĐỢT 1", [
        [1, "0001", datetime.date(2025, 9, 18), "Nguyễn Văn An", 500000, "Tiền mặt"],
        [2, "0002", "19/09/2025", "Trần Thị Bình", 200000, "Chuyển khoản"],
        [3, "0003", datetime.date(2025, 9, 20), "Lê Văn Cường", 300000, "Tiền mặt"],
        [4, "0004", datetime.date(2025, 9, 21), "Phạm Thị Dung", 100000, "Tiền mặt"],
    ])
    first.row_dimensions[8].hidden = True
    first.append(["Tổng cộng", None, None, None, 1000000])
    second = wb.create_sheet("Tổ 2")
    ui_sheet(second, "DANH SÁCH ỦNG HỘ NHÂN DÂN CUBA – TỔ DÂN PHỐ 2", [
        [1, "0101", datetime.date(2025, 9, 25), "Đỗ Thị Giang", 150000, "Tiền mặt"],
        [2, "0102", datetime.date(2025, 9, 26), "Vũ Văn Hải", "250.000", "Chuyển khoản", "FT25269001"],
    ])
    wb.save("ui-donations.xlsx")


def main():
    donations()
    ui_donations()
    simple("dates-1904.xlsx",
           [["0001", datetime.date(2026, 1, 5), "Nguyễn Văn An", 500000, "Tiền mặt"]],
           epoch=CALENDAR_MAC_1904)
    simple("bad-total.xlsx",
           [["0001", datetime.date(2026, 1, 5), "Nguyễn Văn An", 500000, "Tiền mặt"],
            ["0002", datetime.date(2026, 1, 6), "Trần Thị Bình", 250000, "Tiền mặt"],
            ["Tổng cộng", None, None, 700000]])
    simple("feb29-1900.xlsx", [["0001", 60, "Nguyễn Văn An", 500000, "Tiền mặt"]])
    inline()
    with_libreoffice()


if __name__ == "__main__":
    main()
