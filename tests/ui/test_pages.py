# SPDX-License-Identifier: GPL-3.0-or-later
"""Visits the seven pages of a fresh file through the accessibility tree and
checks that each shows the seeded resolution, in Vietnamese."""
import wardui
from wardui import check

app = wardui.App()

check(app.window.name == "Ward Tracker" or "Ward Tracker" in (app.window.name or ""),
      "the window is up")

expected = {
    "Tổng quan": ["Số ngày còn lại của nhiệm kỳ", "0/600", "0/750"],
    "Chỉ tiêu": ["Tỷ lệ dân số tham gia bảo hiểm y tế", "Kinh tế", "Xây dựng Đảng"],
    "Chương trình hành động": ["Phát triển hạ tầng đô thị", "Nhiệm vụ trọng tâm", "Khâu đột phá"],
    "Kết nạp đảng viên": ["Chưa có quần chúng nào"],
    "Doanh nghiệp": ["Chưa có doanh nghiệp nào"],
    "Ủng hộ Cuba": ["Ủng hộ Nhân dân Cuba", "Hội Chữ thập đỏ tỉnh Thanh Hóa"],
    "Học tập Nghị quyết": ["Chưa có danh sách đảng viên"],
}

for number, title in enumerate(wardui.PAGES_VI, start=1):
    app.goto(title)
    check(app.current_title() == title, "the header bar names the page %s" % title)
    check(app.page is not None, "page %s is in the window" % title)
    for text in expected[title]:
        check(app.shows(text), "page %s shows “%s”" % (title, text))
    app.screenshot("%02d-%s" % (number, ["overview", "targets", "programme", "admissions",
                                        "enterprises", "donations", "study"][number - 1]))

# The CLI on the same file while the window has it open: it is not
# locked out, and the file stays whole.
import os
csv = os.path.join(app.tmp, "receipts.csv")
with open(csv, "w", encoding="utf-8") as f:
    f.write("Số biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,Số tiền,Hình thức,Người thu,Ghi chú\n")
    f.write("1,20/09/2025,Nguyễn Văn An,Tổ dân phố 1,500.000,Tiền mặt,Thủ quỹ,\n")
r = app.cli("import", "donations", csv)
check(r.returncode == 0, "the CLI imports while the window is open (%s)" % r.stderr.strip())
r = app.cli("check")
check(r.returncode == 0, "and the file passes the full check")

app.quit()
wardui.finish()
