# SPDX-License-Identifier: GPL-3.0-or-later
"""Re-importing an exported workbook gives the same records (issue 20,
"Excel out"): a ward with records in every register that has an import
(members, enterprises, donations, readings), the sample ward plus rows
that test what a round trip through Excel could lose (tax codes and
receipt numbers with leading zeros, a branch's 13-digit code, whole-đồng
amounts past a billion, decimal readings, booleans, empty cells,
Vietnamese text, notes that look like formulas, an anonymous donor, a
transfer without its reference, a member recognised with every stage
filled, a second campaign's receipts), is exported register by register
(campaign by campaign) to .xlsx; each workbook is imported into a fresh
database, whose CSV exports must equal the original's cell for cell; and
imported again into the original database, where every row must be
reported as already stored with the same values."""
import csv
import datetime
import os
import re
import subprocess
import sys
import tempfile

import openpyxl

from wardtest import check, finish

CLI = sys.argv[1]
DATA = os.path.join(sys.argv[2], "reports")
TODAY = "2026-11-27"
KINDS = ("members", "enterprises", "donations", "readings")
# Each register's workbook, and the second campaign's receipts: (kind, options).
BOOKS = [(kind, ()) for kind in KINDS] + [("donations", ("--campaign",
                                                        "Quỹ Vì người nghèo 2026"))]
NAMES = list(KINDS) + ["donations-second-campaign"]
SUMMARY = re.compile(r"^(\d+) rows? read: (\d+) added, (\d+) updated, (\d+) skipped, "
                     r"(\d+) with errors\.$", re.M)
SAME = "This record is already stored with the same values; the row was skipped."


def run(db, *args, lang="C.UTF-8"):
    env = dict(os.environ, LANG=lang, LC_ALL=lang, WARD_TODAY=TODAY)
    return subprocess.run([CLI, "--database", db, *args], capture_output=True, text=True, env=env)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def with_edges(kind, changes):
    """The sample register with one row per change: a sample row (the first
    unless "_from" names another) with the change's columns replaced."""
    rows = read_csv(os.path.join(DATA, kind + ".csv"))
    header = rows[0]
    edges = [header]
    for change in changes:
        row = dict(zip(header, rows[change.pop("_from", 1)]))
        row.update(change)
        edges.append([row[h] for h in header])
    path = os.path.join(tmp, kind + "-edges.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(edges)
    return path


tmp = tempfile.mkdtemp(prefix="ward-xlsx-roundtrip-")
original = os.path.join(tmp, "original.sqlite3")
check(run(original, "init").returncode == 0, "init the original ward")
edges = {
    "members": with_edges("members", [
        {"Họ và tên": "Nguyễn Thị Ánh Tuyết", "Giới tính": "Nữ", "Dân tộc": "Mường",
         "Tôn giáo": "Công giáo", "Số điện thoại": "0912345678", "Đoàn viên": "x",
         "Đoàn viên công đoàn": "x", "Ghi chú": "- chờ thẩm tra; \"đợt 2\""},
        {"Họ và tên": "Lê Văn Ổn", "Nghề nghiệp": "0123", "Số điện thoại": "+84912345678",
         "Ghi chú": "=1+1"},
        # Admitted and recognised: every stage's number and date filled.
        {"_from": 6, "Họ và tên": "Hoàng Thị Thu Hà", "Đoàn viên": "x",
         "Ngày vào danh sách cảm tình": "10/11/2023", "Ngày cấp giấy chứng nhận": "11/04/2024",
         "Số giấy chứng nhận": "007/GCN-TTCT", "Ngày đơn và lý lịch": "23/09/2024",
         "Ngày gửi thẩm tra lý lịch": "02/11/2024",
         "Ngày hoàn thành thẩm tra lý lịch": "06/01/2025",
         "Người giới thiệu 1 cùng công tác từ ngày": "04/01/2024",
         "Người giới thiệu 2 cùng công tác từ ngày": "04/01/2024",
         "Số nghị quyết chi bộ": "05-NQ/CB", "Ngày nghị quyết chi bộ": "04/02/2025",
         "Số quyết định kết nạp": "012-QĐ/ĐU", "Ngày quyết định kết nạp": "01/03/2025",
         "Ngày kết nạp": "26/03/2025",
         "Ngày nghị quyết chi bộ đề nghị công nhận chính thức": "30/03/2026",
         "Ngày công nhận chính thức": "06/04/2026",
         "Số quyết định công nhận chính thức": "045-QĐ/ĐU"}]),
    # The CSV reader takes one formula guard off: the note stored is "'=SUM(A1)".
    "enterprises": with_edges("enterprises", [
        {"Mã số doanh nghiệp": "0100109106", "Tên doanh nghiệp": "Công ty TNHH Ánh Dương",
         "Vốn điều lệ": "1234567890123", "Trụ sở ngoài phường": "x",
         "Chuyển từ hộ kinh doanh": "x", "Ghi chú": "''=SUM(A1)"},
        {"Mã số doanh nghiệp": "0101243150", "Tên doanh nghiệp": "Công ty Ổn Định",
         "Vốn điều lệ": "", "Ngành nghề chính": "0111", "Ghi chú": "'trích dẫn"},
        {"Mã số doanh nghiệp": "0100109106-001", "Tên doanh nghiệp": "Chi nhánh Ánh Dương",
         "Vốn điều lệ": ""}]),
    "donations": with_edges("donations", [
        {"Số biên lai": "121", "Người ủng hộ": "Nguyễn Văn Hảo", "Không nêu tên": "x",
         "Hình thức": "Chuyển khoản", "Mã giao dịch": "", "Số tiền": "999999999999",
         "Ghi chú": "@ghi chú"},
        {"Số biên lai": "0122", "Người ủng hộ": "Ẩn danh", "Không nêu tên": "x",
         "Đơn vị / Tổ dân phố": "007", "Ghi chú": "12/12"}]),
}
# A second campaign's receipts, numbered from 1 again.
CAMPAIGN = ("Quỹ Vì người nghèo 2026", "--organiser", "Ủy ban MTTQ phường Đông Sơn",
            "--start", "01/10/2026")
second = os.path.join(tmp, "second-campaign.csv")
with open(second, "w", encoding="utf-8") as f:
    f.write("Số biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,Số tiền,Hình thức,Người thu,Ghi chú,"
            "Loại người ủng hộ,Mã giao dịch,Không nêu tên\n"
            "1,02/10/2026,Trần Văn Bảy,Tổ dân phố 1,100000,Tiền mặt,Nguyễn Văn Hùng,,Cá nhân,,\n"
            "2,03/10/2026,Công ty Ổn Định,Tổ dân phố 2,5000000,Chuyển khoản,Nguyễn Văn Hùng,,"
            "Tổ chức,FT26100300001,\n")
check(run(original, "campaign", "add", *CAMPAIGN).returncode == 0, "add a second campaign")
r = run(original, "import", "donations", second, "--campaign", CAMPAIGN[0])
check(r.returncode == 0,
      "import the second campaign's receipts" + (": " + r.stderr if r.returncode else ""))
edges["readings"] = os.path.join(tmp, "readings.csv")
with open(edges["readings"], "w", encoding="utf-8") as f:
    f.write("Chỉ tiêu,Kỳ,Giá trị,Chỉ tiêu giao,Đã giao,Trạng thái,Số văn bản,Ngày văn bản,"
            "Đơn vị,Ghi chú\n"
            "grdp-growth,6 tháng đầu năm 2025,\"10,9\",,,Chính thức,125/BC-UBND,10/07/2025,,\n"
            "grdp-growth,2025,\"11,25\",,,Chính thức,175/BC-UBND,15/01/2026,,"
            "\"ghi chú, có dấu phẩy\"\n"
            "grdp-growth,2026,\"0,1\",,,Dự thảo,,,,\n"
            "income,2026,123456789012,,,Chính thức,12/BC-UBND,01/02/2026,,\n"
            "roads,2026,\"0,001\",,,Chính thức,,,,\n"
            "roads,2027,\"99,99\",,,Chính thức,,,,\n"
            "schools,2026,\"33,333\",,,Chính thức,,,,\n"
            "recruitment,2026,,30,30,Chính thức,,,,\n")
for kind in KINDS:
    sample = [] if kind == "readings" else [os.path.join(DATA, kind + ".csv")]
    sources = sample + [edges[kind]]
    for source in sources:
        r = run(original, "import", kind, source)
        check(r.returncode == 0, "import %s into the original ward%s"
              % (os.path.basename(source), ": " + r.stderr[-300:] if r.returncode else ""))


def workbook_row(path, first):
    ws = openpyxl.load_workbook(path).active
    return next(([c.value for c in row] for row in ws.iter_rows(min_row=2)
                 if row[0].value == first), None)


# Export every register; in the vi_VN locale (decimal comma, its own date order) for some.
books = {}
for name, (kind, options) in zip(NAMES, BOOKS):
    books[name] = os.path.join(tmp, name + ".xlsx")
    lang = "vi_VN.UTF-8" if kind in ("readings", "donations") else "C.UTF-8"
    r = run(original, "export", kind, books[name], *options, lang=lang)
    check(r.returncode == 0, "export %s as a workbook (%s) %s" % (name, lang, r.stderr))

# The edge rows are in the workbooks with the types a clerk sees in Excel, so
# that the round trip below goes through real numbers and dates.
row = workbook_row(books["enterprises"], "0100109106")
check(row is not None and row[3] == 1234567890123 and isinstance(row[5], datetime.datetime)
      and row[12] == "x" and row[10] == "'=SUM(A1)",
      "enterprises: the tax code's leading zero kept as text, capital a number, "
      "a date a date: %r" % row)
row = workbook_row(books["donations"], "0122")
check(row is not None and row[4] == 400000 and row[3] == "007" and row[10] == "x",
      "donations: receipt 0122 and group 007 kept as text, anonymous: %r" % row)
row = workbook_row(books["readings"], "income")
check(row is not None and row[2] == 123456789012, "readings: a value is a number: %r" % row)

fresh = os.path.join(tmp, "fresh.sqlite3")
check(run(fresh, "init").returncode == 0, "init a fresh ward")
check(run(fresh, "campaign", "add", *CAMPAIGN).returncode == 0, "add the second campaign")
for name, (kind, options) in zip(NAMES, BOOKS):
    r = run(fresh, "import", kind, books[name], *options)
    found = SUMMARY.search(r.stdout)
    check(r.returncode == 0 and found and found.group(1) == found.group(2) != "0"
          and found.group(3, 4, 5) == ("0", "0", "0"),
          "%s: the workbook imported whole into a fresh ward: %s"
          % (name, found.group(0) if found else r.stdout[-300:] + r.stderr[-300:]))

# The same records: both wards' CSV exports, cell for cell.
for name, (kind, options) in zip(NAMES + ["programme"], BOOKS + [("programme", ())]):
    a = os.path.join(tmp, "original-" + name + ".csv")
    b = os.path.join(tmp, "fresh-" + name + ".csv")
    ra, rb = run(original, "export", kind, a, *options), run(fresh, "export", kind, b, *options)
    check(ra.returncode == 0 and rb.returncode == 0, "export %s as CSV from both wards" % name)
    if ra.returncode != 0 or rb.returncode != 0:
        continue
    rows_a, rows_b = read_csv(a), read_csv(b)
    differences = ["row %d, column «%s»: %r ≠ %r" % (r + 1, rows_a[0][c], va, vb)
                   for r, (ra_, rb_) in enumerate(zip(rows_a, rows_b))
                   for c, (va, vb) in enumerate(zip(ra_, rb_)) if va != vb]
    check(len(rows_a) == len(rows_b) and not differences,
          "%s: the fresh ward holds the same %d rows, cell for cell: %s"
          % (name, len(rows_a) - 1, differences[:5] or len(rows_b) - 1))
    if kind != "programme":
        check(len(rows_a) > 2, "%s: the ward has records to compare (%d)" % (name, len(rows_a) - 1))

# Every row of each workbook is already in the original ward, with the same values.
for name, (kind, options) in zip(NAMES, BOOKS):
    before = os.path.join(tmp, "before-" + name + ".csv")
    after = os.path.join(tmp, "after-" + name + ".csv")
    run(original, "export", kind, before, *options)
    r = run(original, "import", kind, books[name], *options)
    run(original, "export", kind, after, *options)
    found = SUMMARY.search(r.stdout)
    n = int(found.group(1)) if found else -1
    check(r.returncode == 0 and found and found.group(4) == found.group(1) != "0"
          and found.group(2, 3, 5) == ("0", "0", "0") and r.stderr.count(SAME) == n
          and "error:" not in r.stderr,
          "%s: re-imported into the original ward, all %d rows already stored with the "
          "same values: %s" % (name, n, found.group(0) if found else r.stderr[-300:]))
    check(read_csv(before) == read_csv(after), name + ": the original ward is unchanged")

# The programme has an export but no import: nothing to round-trip yet.
r = run(original, "import", "programme", books["readings"])
check(r.returncode != 0, "programme has no import (add it to KINDS when it gets one)")

finish()
