# SPDX-License-Identifier: GPL-3.0-or-later
"""Every report of a ward with 80 candidates, 29 enterprises and 120
receipts (tests/data/reports), printed by `report` and read back as a
reader sees it (pdftohtml's sizes and styles, pdftotext): the sizes and
cases Hướng dẫn 36-HD/VPTW fixes for the Party's documents and Nghị định
30/2020/NĐ-CP for the Front's, the signer given on the command line, and
no page holding only a signature."""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from wardtest import check, finish

CLI = sys.argv[1]
DATA = os.path.join(sys.argv[2], "reports")
SIGNER = "Nguyễn Văn Thanh"
TODAY = "2026-11-27"


def run(*args, env_extra=None):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", WARD_TODAY=TODAY)
    env.update(env_extra or {})
    return subprocess.run([CLI, "--database", db, *args], capture_output=True, text=True, env=env)


class Segment:
    """Text on one line of a page, set in one size, bold or not, italic or
    not: a run of pdftohtml's fragments with no wide gap between them."""

    def __init__(self, page, top, left, size, bold, italic, text):
        self.page, self.top, self.left = page, top, left
        self.size, self.bold, self.italic, self.text = size, bold, italic, text
        self.right = left

    def __repr__(self):
        return "%r (p%d, %gpt%s%s)" % (self.text, self.page, self.size,
                                       " bold" if self.bold else "", " italic" if self.italic else "")


def segments(pdf):
    """Every segment of every page, top to bottom, left to right."""
    out = subprocess.run(["pdftohtml", "-xml", "-i", "-zoom", "1", "-stdout", pdf],
                         capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    sizes = {}
    result = []
    for page in root.iter("page"):
        number = int(page.get("number"))
        for spec in page.iter("fontspec"):
            sizes[spec.get("id")] = int(spec.get("size"))
        seen = set()
        fragments = []
        for t in page.iter("text"):
            text = "".join(t.itertext())
            key = (t.get("top"), t.get("left"), text)
            if key in seen:  # pdftohtml repeats some fragments
                continue
            seen.add(key)
            fragments.append((int(t.get("top")), int(t.get("left")), int(t.get("width")),
                              sizes[t.get("font")], t.find(".//b") is not None,
                              t.find(".//i") is not None, text))
        fragments.sort(key=lambda f: (f[0], f[1]))
        current = None
        for top, left, width, size, bold, italic, text in fragments:
            if (current is not None and abs(current.top - top) <= 2 and left - current.right < 8
                    and (current.size, current.bold, current.italic) == (size, bold, italic)):
                current.text += text
            else:
                current = Segment(number, top, left, size, bold, italic, text)
                result.append(current)
            current.right = left + width
    for s in result:
        s.text = re.sub(r"\s+", " ", s.text).strip()
    return result


def find(segs, predicate, what):
    found = [s for s in segs if predicate(s.text)]
    check(found, what + ": found")
    return found[0] if found else None


def check_style(seg, sizes, bold, what, italic=None):
    if seg is None:
        return
    check(seg.size in sizes and seg.bold == bold and (italic is None or seg.italic == italic),
          "%s is %s pt%s%s: %r" % (what, "–".join(map(str, sizes)), ", bold" if bold else "",
                                   ", italic" if italic else "", seg))


def check_not_alone(segs, kind):
    """The page holding the signer's name holds more than the signature,
    the recipients and the page number: what the signature closes ends on
    it too."""
    name = find(segs, lambda t: SIGNER in t, kind + ": the signer's name")
    if name is None:
        return
    page = [s for s in segs if s.page == name.page]
    top = min(s.top for s in page
              if re.match(r"^(Nơi nhận:|T/M|K/T|TM\.|KT\.|Q\.|NGƯỜI THU TIỀN)", s.text)
              or s.top >= name.top - 80 and s.left > 250)
    above = [s for s in page if s.top < top - 4 and not re.fullmatch(r"\d+", s.text)]
    check(above, "%s: the signature's page %d holds more than the signature (%d lines above it)"
          % (kind, name.page, len(above)))


tmp = tempfile.mkdtemp(prefix="ward-report-pdf-")
db = os.path.join(tmp, "ward.sqlite3")
check(run("init").returncode == 0, "init")
for kind in ("members", "enterprises", "donations"):
    r = run("import", kind, os.path.join(DATA, kind + ".csv"))
    check(r.returncode == 0, "import %s" % kind)

PARTY = ("targets", "programme", "members", "enterprises")
FRONT = ("donations", "donations-by-group")
for kind in PARTY + FRONT:
    pdf = os.path.join(tmp, kind + ".pdf")
    r = run("report", kind, "--signer", SIGNER, "--number", "12", "--date", "05/12/2026",
            "--output", pdf)
    check(r.returncode == 0, "%s written: %s" % (kind, r.stderr))
    if r.returncode != 0:
        continue
    segs = segments(pdf)
    first = [s for s in segs if s.page == 1]
    date = find(first, lambda t: t == "Đông Sơn, ngày 05 tháng 12 năm 2026", kind + ": the date")
    if kind in PARTY:
        # Hướng dẫn 36-HD/VPTW, appendix (sizes as the guide's table gives them).
        check_style(find(first, lambda t: t == "ĐẢNG CỘNG SẢN VIỆT NAM", kind + ": tiêu đề"),
                    [15], True, kind + ": ĐẢNG CỘNG SẢN VIỆT NAM")
        check_style(find(first, lambda t: t == "ĐẢNG ỦY PHƯỜNG ĐÔNG SƠN", kind + ": issuer"),
                    [14], True, kind + ": the issuing body")
        check_style(find(first, lambda t: t == "ĐẢNG BỘ TỈNH THANH HÓA", kind + ": parent"),
                    [14], False, kind + ": the parent body")
        check_style(find(first, lambda t: t.startswith("Số 12-"), kind + ": the number"),
                    [14], False, kind + ": the number")
        check_style(date, [14], False, kind + ": the place and date", italic=True)
        title = find(first, lambda t: t == "BÁO CÁO", kind + ": tên loại")
        check_style(title, [15, 16], True, kind + ": BÁO CÁO")
        sizes, body = [14, 15], [14, 15]
    else:
        # Nghị định 30/2020/NĐ-CP, Phụ lục I, Mục V.
        check_style(find(first, lambda t: t == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", kind + ": QH"),
                    [12, 13], True, kind + ": Quốc hiệu")
        check_style(find(first, lambda t: t == "Độc lập - Tự do - Hạnh phúc", kind + ": tiêu ngữ"),
                    [13, 14], True, kind + ": Tiêu ngữ")
        check_style(find(first, lambda t: t == "BAN THƯỜNG TRỰC", kind + ": the signing body"),
                    [12, 13], True, kind + ": BAN THƯỜNG TRỰC")
        check_style(find(first, lambda t: t.startswith("Số: 12/"), kind + ": the number"),
                    [13], False, kind + ": the number")
        check_style(date, [13, 14], False, kind + ": the place and date", italic=True)
        title = find(first, lambda t: t == "DANH SÁCH", kind + ": tên loại")
        check_style(title, [13, 14], True, kind + ": DANH SÁCH")
        sizes, body = [13, 14], [13, 14]
    if title is not None:
        # The trích yếu: the line under the type's name, bold, in lower case.
        under = sorted((s for s in first if s.top > title.top), key=lambda s: (s.top, s.left))
        abstract = under[0] if under else None
        check(abstract is not None and abstract.text[0].islower()
              and abstract.text != abstract.text.upper(),
              kind + ": the trích yếu is in lower case: %r" % abstract)
        check_style(abstract, sizes, True, kind + ": the trích yếu")
        # The body: the first line of text under the heading that is
        # neither bold (headings) nor italic (the period under the title).
        body_line = next((s for s in under if not s.bold and not s.italic and len(s.text) > 40),
                         None)
        check_style(body_line, body, False, kind + ": the body's first line")
    name = find(segs, lambda t: t == SIGNER, kind + ": the signer's name")
    check_style(name, [14] if kind in PARTY else [13, 14], True, kind + ": the signer's name")
    check_not_alone(segs, kind)

# The receipt book: A4 sheets holding two A5 receipts, Liên 1 and Liên 2.
pdf = os.path.join(tmp, "receipts.pdf")
r = run("report", "receipt", "--period", "2025-09", "--output", pdf)
check(r.returncode == 0, "receipt book written: %s" % r.stderr)
if r.returncode == 0:
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    check("595.276 x 841.89 pts (A4)" in info, "receipts on A4 sheets")
    text = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"],
                          capture_output=True, text=True).stdout
    check(text.count("Liên 1: Giao người nộp tiền") == 1
          and text.count("Liên 2: Lưu tại quyển biên lai") == 1
          and text.count("Quyển số:") == 2 and text.count("Bằng chữ:") == 2,
          "one sheet holds the receipt's two copies")

# The signer, the number and the date are remembered per kind of report
# (GSettings in a file, as on a desktop), and only for that kind.
keyfile = {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": os.path.join(tmp, "config")}
first, again, other = (os.path.join(tmp, n + ".pdf") for n in ("first", "again", "other"))
run("report", "members", "--signer", "Lê Văn Nhớ", "--number", "33", "--date", "01/12/2026",
    "--output", first, env_extra=keyfile)
r = run("report", "members", "--output", again, env_extra=keyfile)
text = subprocess.run(["pdftotext", "-layout", again, "-"], capture_output=True, text=True).stdout
check(r.returncode == 0 and "Lê Văn Nhớ" in text and "Số 33-BC/ĐU" in text
      and "ngày 01 tháng 12 năm 2026" in text and "as last time" in r.stdout,
      "members again without options: the signer, number and date of last time, said so")
r = run("report", "enterprises", "--output", other, env_extra=keyfile)
text = subprocess.run(["pdftotext", "-layout", other, "-"], capture_output=True, text=True).stdout
check(r.returncode == 0 and "Lê Văn Nhớ" not in text and "Số 33" not in text,
      "another kind keeps its own (none yet)")

finish()
