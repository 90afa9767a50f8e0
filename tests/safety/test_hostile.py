# SPDX-License-Identifier: GPL-3.0-or-later
"""A careless clerk and a hostile file against the one file (issue 24).

One case per finding, each on a ward holding 20 candidates, 29 enterprises
and 120 receipts. Every case says what the program answers now; each was
seen failing against the code before the fix.

  test_hostile.py CLI [CASE]...
"""
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

from wardtest import check, digest, finish

CLI = sys.argv[1]
ONLY = sys.argv[2:]
TMP = tempfile.mkdtemp(prefix="ward-hostile-")
ENV = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", WARD_TODAY="2026-11-27",
           XDG_DATA_HOME=os.path.join(TMP, "data"))
TIMEOUT = 20   # a FIFO or /dev/zero must be refused long before this


def run(db, *args, env=None, timeout=TIMEOUT, stdin=subprocess.DEVNULL):
    try:
        return subprocess.run([CLI, "--database", db, *args], env=env or ENV, capture_output=True,
                              text=True, timeout=timeout, stdin=stdin)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, -999, "", "timed out")


def sql(db, statement, params=()):
    con = sqlite3.connect(db)
    try:
        rows = con.execute(statement, params).fetchall()
        con.commit()
        return rows
    finally:
        con.close()


def receipts(db):
    return sql(db, "SELECT count(*) FROM ledger_entries")[0][0]


def path(name):
    return os.path.join(TMP, name)


def tax_code(n):
    """A tax code with a valid check digit (ward-taxcode.c)."""
    weights = [31, 29, 23, 19, 17, 13, 7, 5, 3]
    while True:
        digits = "28%07d" % n
        r = sum(int(d) * w for d, w in zip(digits, weights)) % 11
        if r != 0:
            return digits + str((10 - r) % 10)
        n += 1


def write(name, text, encoding="utf-8"):
    with open(path(name), "w", encoding=encoding, newline="") as f:
        f.write(text)
    return path(name)


DONATIONS_HEADER = "Số biên lai,Ngày,Người ủng hộ,Đơn vị / Tổ dân phố,Số tiền,Hình thức,Người thu\r\n"


TEMPLATE = []


def make_ward(name):
    """A copy of the ward made once by imports."""
    if not TEMPLATE:
        TEMPLATE.append(build_ward("template.sqlite3"))
    db = path(name)
    shutil.copy(TEMPLATE[0], db)
    os.chmod(db, 0o600)
    return db


def build_ward(name):
    """20 candidates, 29 enterprises and 120 receipts, as imports make them."""
    db = path(name)
    r = run(db, "init")
    assert r.returncode == 0, r.stderr
    members = "Họ và tên,Ngày sinh,Giới tính\r\n" + "".join(
        "Nguyễn Văn Ứng %d,%02d/03/1995,Nam\r\n" % (i, i + 1) for i in range(20))
    enterprises = "Mã số doanh nghiệp,Tên doanh nghiệp,Loại hình,Ngày cấp\r\n" + "".join(
        "%s,Công ty TNHH Sông Mã %d,TNHH một thành viên,%02d/02/2026\r\n" % (tax_code(1000 + i * 13), i, i % 27 + 1)
        for i in range(29))
    donations = DONATIONS_HEADER + "".join(
        "%d,%02d/10/2025,Trần Thị Bình %d,Tổ dân phố %d,%d,Tiền mặt,Lê Thị Hoa\r\n"
        % (i + 1, i % 16 + 1, i, i % 12 + 1, (i + 1) * 10000) for i in range(120))
    for kind, text in (("members", members), ("enterprises", enterprises), ("donations", donations)):
        r = run(db, "import", kind, write(name + "-" + kind + ".csv", text))
        assert r.returncode == 0, r.stdout + r.stderr
    return db


CASES = []


def case(function):
    CASES.append(function)
    return function


def mode(p):
    return stat.S_IMODE(os.lstat(p).st_mode)


# 1. An output written over the database ------------------------------------

@case
def output_over_database():
    db = make_ward("out.sqlite3")
    before = digest(db)
    link = path("out-hardlink.sqlite3")
    os.link(db, link)
    sym = path("out-symlink.pdf")
    os.symlink(db, sym)
    for what, args in (("report", ("report", "targets", "--output")), ("export", ("export", "members")),
                       ("bundle export", ("bundle", "export")), ("backup", ("backup",))):
        for target, how in ((db, "itself"), (link, "a hard link"), (sym, "a symlink to it")):
            r = run(db, *args, target, "--force")
            check(r.returncode == 1 and "database" in r.stderr,
                  "%s over the open database (%s, even with --force) is refused: %r" % (what, how, r.stderr))
    check(digest(db) == before and receipts(db) == 120, "the database is intact after every output")


@case
def output_existing_file_and_symlink():
    db = make_ward("exist.sqlite3")
    taken = write("taken.csv", "precious\n")
    r = run(db, "export", "members", taken)
    check(r.returncode == 1 and "--force" in r.stderr and open(taken).read() == "precious\n",
          "an existing file is not overwritten without --force, and the message says how: %r" % r.stderr)
    r = run(db, "export", "members", taken, "--force")
    check(r.returncode == 0 and "Họ và tên" in open(taken, encoding="utf-8-sig").read(),
          "--force replaces it")
    victim = write("victim.txt", "not yours\n")
    sym = path("sym-export.csv")
    os.symlink(victim, sym)
    r = run(db, "report", "targets", "--output", sym)
    check(r.returncode == 1, "a symlink at the output is an existing file: refused without --force")
    r = run(db, "report", "targets", "--output", sym, "--force")
    check(r.returncode == 0 and open(victim).read() == "not yours\n" and not os.path.islink(sym),
          "with --force the link itself is replaced, never what it points to")
    fifo = path("out.fifo")
    os.mkfifo(fifo)
    r = run(db, "backup", fifo, "--force")
    check(r.returncode == 1 and "not a regular file" in r.stderr,
          "a FIFO as the output is refused, at once: %r" % r.stderr)
    for what, args, out in (("export", ("export", "members"), "m.csv"),
                            ("report", ("report", "members", "--output"), "m.pdf"),
                            ("bundle", ("bundle", "export"), "b.json"), ("backup", ("backup",), "b.sqlite3")):
        r = run(db, *args, path(out))
        check(r.returncode == 0 and mode(path(out)) == 0o600,
              "the %s is created 0600 (it holds personal data): %o" % (what, mode(path(out))
                                                                       if os.path.exists(path(out)) else 0))


# 2. Restore from an empty file; commands given an empty file ---------------

@case
def restore_empty_files():
    db = make_ward("restore.sqlite3")
    empty = write("empty.sqlite3", "")
    blank_sqlite = path("blank.sqlite3")
    sqlite3.connect(blank_sqlite).execute("CREATE TABLE t (x)").connection.close()
    for source in ("/dev/null", empty, blank_sqlite):
        r = run(db, "restore", source, "--yes")
        check(r.returncode == 1 and receipts(db) == 120,
              "restore from %s is refused, the 120 receipts stay: %r" % (os.path.basename(source), r.stderr))
    good = path("good-backup.sqlite3")
    run(db, "backup", good)
    r = run(db, "restore", good)
    check(r.returncode == 2 and "--yes" in r.stderr and "120" in r.stdout,
          "restore without --yes shows what both files hold and replaces nothing: %r %r"
          % (r.stdout, r.stderr))
    r = run(db, "restore", good, "--yes")
    check(r.returncode == 0 and receipts(db) == 120, "restore --yes of a good backup works")
    zero = write("zero.sqlite3", "")
    for command in (("stats",), ("check",), ("import", "members", path("template.sqlite3-members.csv"))):
        r = run(zero, *command)
        check(r.returncode == 1 and os.path.getsize(zero) == 0 and "empty" in r.stderr,
              "%s on a 0-byte file reports it and does not seed it: %r" % (command[0], r.stderr))
    missing = path("missing.sqlite3")
    r = run(missing, "stats")
    check(r.returncode == 1 and not os.path.exists(missing) and "init" in r.stderr,
          "stats on a missing file says to run init and creates nothing: %r" % r.stderr)


# 3. Deeply nested JSON ------------------------------------------------------

@case
def nested_json():
    db = make_ward("nested.sqlite3")
    deep = write("deep.json", "[" * 80000 + "]" * 80000)
    r = run(db, "bundle", "import", deep)
    check(r.returncode == 1 and "nest" in r.stderr, "a deeply nested bundle is refused: %r" % r.stderr[:200])
    fresh = path("nested-new.sqlite3")
    r = run(fresh, "init", "--seed", deep)
    check(r.returncode == 1 and "nest" in r.stderr, "a deeply nested seed is refused: %r" % r.stderr[:200])
    check(not os.path.exists(fresh), "the failed init leaves no file")


# 4. One stray byte ----------------------------------------------------------

@case
def mixed_encoding():
    db = make_ward("mixed.sqlite3")
    # Only bytes that Windows-1258 also defines, as in the sheet of the report.
    text = ("Receipt number,Date,Donor,Amount\r\n501,02/10/2025,Nguyễn Văn An,100000\r\n"
            "502,02/10/2025,Caf\x00,100000\r\n").encode("utf-8")
    text = text.replace(b"Caf\x00", b"Caf\xe9")   # one Windows-1252 byte on the last row
    with open(path("mixed.csv"), "wb") as f:
        f.write(text)
    r = run(db, "import", "donations", path("mixed.csv"))
    check(r.returncode == 1 and "line 3" in r.stderr and "byte" in r.stderr and receipts(db) == 120,
          "a UTF-8 sheet with one stray byte is refused naming the line and byte: %r" % r.stderr)
    check(not sql(db, "SELECT 1 FROM ledger_entries WHERE donor LIKE '%á»%'"), "no mojibake stored")
    good = write("good.csv", DONATIONS_HEADER + "503,02/10/2025,Nguyễn Văn An,,100000,Tiền mặt,Lê Thị Hoa\r\n")
    r = run(db, "import", "donations", good, "--dry-run")
    check(r.returncode == 0 and "UTF-8" in r.stdout, "the CLI says which encoding it read: %r" % r.stdout)
    legacy = os.path.join(os.environ.get("WARD_SOURCE_DIR", "."), "tests", "data", "csv", "people-cp1258.csv")
    r = run(db, "import", "members", legacy, "--dry-run")
    check(r.returncode == 0 and "Windows-1258" in r.stdout,
          "a file with no UTF-8 at all is still read as Windows-1258, and says so: %r" % r.stdout)


# 5. Bundles ------------------------------------------------------------------

def ledger_hash(fields):
    """ward_ledger_hash_fields(): what anyone can compute."""
    buf = "ward-ledger-entry/1\n"
    for f in fields:
        buf += "~;" if f is None else "%d:%s;" % (len(f.encode("utf-8")), f)
    return hashlib.sha256(buf.encode("utf-8")).hexdigest()


def book_of(db):
    """ward_store_dup_book(): the prefix set, else the installation id's first six hex digits."""
    settings = dict(sql(db, "SELECT key, value FROM settings"))
    if settings.get("book-prefix"):
        return settings["book-prefix"]
    return "".join(c for c in settings["installation-id"] if c in "0123456789abcdefABCDEF")[:6].upper()


def append_raw_entry(db, kind, amount, date, reverses=None, book=None, number=None):
    """A ledger entry written straight into the file, chained as the program would."""
    con = sqlite3.connect(db)
    cid, cuuid = con.execute("SELECT id, uuid FROM campaigns ORDER BY id LIMIT 1").fetchone()
    if book is None:
        book = book_of(db)
    row = con.execute("SELECT seq, hash FROM ledger_entries WHERE campaign_id = ? AND book = ? "
                      "ORDER BY seq DESC LIMIT 1", (cid, book)).fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, "0" * 64)
    rev_id = rev_uuid = None
    if reverses is not None:
        rev_id, rev_uuid = con.execute("SELECT id, uuid FROM ledger_entries WHERE receipt_number = ?",
                                       (reverses,)).fetchone()
    uuid = "00000000-0000-4000-8000-%012d" % (abs(hash((kind, amount, date, seq, book))) % 10 ** 12)
    created = "2026-11-01T08:00:00Z"
    number = number if number is not None else (None if kind != "receipt" else "X%d" % seq)
    fields = [cuuid, book, str(seq), kind, uuid, number, date, "Kẻ gian" if kind == "receipt" else None,
              "person" if kind == "receipt" else None, None, str(amount),
              "cash" if kind == "receipt" else None, None, None,
              "Ủy ban MTTQ tỉnh" if kind == "transfer" else None, "UNC-%d" % seq if kind == "transfer" else None,
              rev_uuid,
              "sửa" if kind == "reversal" else None, None, created, prev]
    h = ledger_hash(fields)
    con.execute("INSERT INTO ledger_entries (uuid, campaign_id, book, seq, kind, receipt_number, entry_date, "
                "donor, donor_kind, amount, method, receiver, voucher, reverses_id, reason, prev_hash, hash, "
                "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (uuid, cid, book, seq, kind, number, date, fields[7], fields[8], amount, fields[11], fields[14],
                 fields[15], rev_id, fields[17], prev, h, created, created))
    con.commit()
    con.close()


def trusted_pair(prefix):
    """An office and a volunteer laptop that trust each other, the office with 120 receipts."""
    office = make_ward(prefix + "-office.sqlite3")
    volunteer = path(prefix + "-volunteer.sqlite3")
    run(volunteer, "init")
    first = path(prefix + "-hello.bundle")
    r = run(volunteer, "bundle", "export", first)
    assert r.returncode == 0, r.stderr
    r = run(office, "bundle", "import", first)
    code = [w for w in r.stderr.split() if w.count("-") == 7]
    if code:
        run(office, "bundle", "trust", code[0].strip(".,:;()“”\"'"))
    return office, volunteer


def refused_bundle(office, volunteer, name, tamper, what, expect):
    """Tampers the volunteer's file outside the app, exports, and imports at the office."""
    copy = path(name + "-volunteer.sqlite3")
    shutil.copy(volunteer, copy)
    tamper(copy)
    bundle = path(name + ".bundle")
    r = run(copy, "bundle", "export", bundle)
    if r.returncode != 0:
        check(False, "%s: the tampered file still exports: %r" % (what, r.stderr))
        return
    receiver = path(name + "-office.sqlite3")
    shutil.copy(office, receiver)
    before = digest(receiver)
    r = run(receiver, "bundle", "import", bundle, "--take-theirs")
    check(r.returncode == 1 and expect in r.stderr and digest(receiver) == before,
          "a bundle with %s is refused naming it, and nothing is stored: %r" % (what, r.stderr[:300]))


@case
def bundle_rules():
    office, volunteer = trusted_pair("rules")
    shared = path("rules-shared.bundle")
    run(office, "bundle", "export", shared)
    r = run(volunteer, "bundle", "import", shared)
    code = [w for w in r.stderr.split() if w.count("-") == 7]
    if code:
        run(volunteer, "bundle", "trust", code[0].strip(".,:;()“”\"'"))
    r = run(volunteer, "bundle", "import", shared)
    check(r.returncode == 0 and receipts(volunteer) == 120, "a trusted office's bundle imports: %r" % r.stderr)

    def cand(birth, name="Lê Văn Gian"):
        return lambda db: sql(db, "INSERT INTO candidates (uuid, full_name, sort_key, search_key, birth_date, "
                                  "created_at, updated_at) VALUES (lower(hex(randomblob(16))), ?, 'x', 'x', ?, "
                                  "'2026-11-01T08:00:00Z', '2026-11-01T08:00:00Z')", (name, birth))

    def ent(code):
        return lambda db: sql(db, "INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, "
                                  "registered_on, created_at, updated_at) VALUES (lower(hex(randomblob(16))), ?, "
                                  "'Công ty Ma', 'x', 'x', '2026-03-02', '2026-11-01T08:00:00Z', "
                                  "'2026-11-01T08:00:00Z')", (code,))

    def drop_targets(db):
        con = sqlite3.connect(db)
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("DELETE FROM programme_item_targets")
        con.execute("DELETE FROM readings")
        con.execute("DELETE FROM targets")
        con.commit()
        con.close()

    refused_bundle(office, volunteer, "negative", lambda db: append_raw_entry(db, "receipt", -5000000, "2025-10-02"),
                   "a receipt of −5.000.000 đ", "amount")
    refused_bundle(office, volunteer, "zero", lambda db: append_raw_entry(db, "receipt", 0, "2025-10-02"),
                   "a receipt of 0 đ", "amount")
    refused_bundle(office, volunteer, "future", lambda db: append_raw_entry(db, "receipt", 100000, "2099-01-01"),
                   "a receipt dated 2099", "2099")
    refused_bundle(office, volunteer, "garbage", lambda db: append_raw_entry(db, "receipt", 100000, "garbage"),
                   "a receipt dated “garbage”", "garbage")

    def thrice(db):
        for _ in range(3):
            append_raw_entry(db, "reversal", -10000, "2025-11-03", reverses="1")
    refused_bundle(office, volunteer, "thrice", thrice, "a receipt reversed three times", "already")
    refused_bundle(office, volunteer, "transfer",
                   lambda db: append_raw_entry(db, "transfer", 999999999999999, "2025-11-04"),
                   "a transfer of 999.999.999.999.999 đ", "1.000.000.000.000")
    refused_bundle(office, volunteer, "onhand",
                   lambda db: append_raw_entry(db, "transfer", 100000000, "2025-11-04"),
                   "a transfer of 100.000.000 đ, more than the 72.600.000 đ on hand", "on hand")

    def office_book(db):
        book = book_of(office)
        append_raw_entry(db, "receipt", 100000, "2025-10-02", book=book)
    refused_bundle(office, volunteer, "book", office_book, "entries in another installation's book", "book")
    refused_bundle(office, volunteer, "birth", cand("2025-02-31"), "a birth date 31/02/2025", "2025-02-31")
    refused_bundle(office, volunteer, "taxcode", ent("NOT-A-CODE"), "a tax code “NOT-A-CODE”", "NOT-A-CODE")
    refused_bundle(office, volunteer, "targets", drop_targets, "the resolution's targets deleted", "target")
    r = run(office, "check")
    check(r.returncode == 0, "the office file is whole after all of it")


@case
def bundle_signatures():
    office = make_ward("sig-office.sqlite3")
    stranger = path("sig-stranger.sqlite3")
    run(stranger, "init")
    bundle = path("sig.bundle")
    run(stranger, "bundle", "export", bundle)
    with open(bundle, "rb") as f:
        raw = f.read()
    check(b"secret" not in raw.lower() and b"PRIVATE" not in raw, "the bundle carries no secret key")
    r = run(office, "bundle", "import", bundle)
    check(r.returncode == 1 and "bundle trust" in r.stderr,
          "an unknown sender is refused with how to trust it: %r" % r.stderr)
    envelope = json.loads(raw)
    unsigned = dict(envelope)
    unsigned.pop("signature", None)
    with open(path("unsigned.bundle"), "w") as f:
        json.dump(unsigned, f)
    r = run(office, "bundle", "import", path("unsigned.bundle"))
    check(r.returncode == 1 and "sign" in r.stderr, "an unsigned bundle is refused: %r" % r.stderr)
    code = [w for w in r.stderr.split() if w.count("-") == 7] or \
        [w for w in run(office, "bundle", "import", bundle).stderr.split() if w.count("-") == 7]
    r = run(office, "bundle", "trust", code[0].strip(".,:;()“”\"'") if code else "NONE")
    check(r.returncode == 0, "bundle trust CODE trusts the sender: %r" % r.stderr)
    r = run(office, "bundle", "import", bundle)
    check(r.returncode == 0, "its bundle is then accepted: %r" % r.stderr)
    # A byte changed after signing.
    forged = raw.replace(b'"payload"', b'"payload" ', 1)
    payload_at = raw.find(b'"payload"')
    if payload_at >= 0:
        i = raw.find(b'"', payload_at + 11) + 5
        forged = raw[:i] + (b"A" if raw[i:i + 1] != b"A" else b"B") + raw[i + 1:]
    with open(path("forged.bundle"), "wb") as f:
        f.write(forged)
    r = run(office, "bundle", "import", path("forged.bundle"))
    check(r.returncode == 1 and "signature" in r.stderr, "a bundle changed after signing is refused: %r" % r.stderr)
    key_dir = os.path.join(TMP, "data", "ward-tracker", "keys")
    keys = os.listdir(key_dir) if os.path.isdir(key_dir) else []
    check(keys and all(mode(os.path.join(key_dir, k)) == 0o600 for k in keys),
          "secret keys live in the user's data folder, 0600: %r" % keys)
    con = sqlite3.connect(office)
    dump = "\n".join(con.iterdump())
    con.close()
    for k in keys:
        with open(os.path.join(key_dir, k), "rb") as f:
            secret = f.read()
        check(secret[:16].hex() not in dump and secret[:16] not in open(office, "rb").read(),
              "no secret key is stored in the SQLite file")


# 6. /dev/zero and FIFOs -------------------------------------------------------

@case
def endless_inputs():
    db = make_ward("zero.sqlite3")
    fifo = path("in.fifo")
    os.mkfifo(fifo)
    for source in ("/dev/zero", fifo):
        for what, args in (("import", ("import", "donations", source)), ("restore", ("restore", source, "--yes")),
                           ("bundle import", ("bundle", "import", source))):
            r = run(db, *args)
            check(r.returncode == 1 and "not a regular file" in r.stderr,
                  "%s of %s is refused at once: %r" % (what, source, r.stderr))
        fresh = path("zero-new.sqlite3")
        r = run(fresh, "init", "--seed", source)
        check(r.returncode == 1 and not os.path.exists(fresh), "init --seed %s is refused, no file left" % source)
    big = path("big.csv")
    with open(big, "wb") as f:
        f.truncate(201 * 1024 * 1024)   # sparse: no disk used
    r = run(db, "import", "donations", big)
    check(r.returncode == 1 and "200 MB" in r.stderr, "a file over the limit is refused naming it: %r" % r.stderr)
    check(receipts(db) == 120, "nothing changed")


# 7. Conflicting duplicates inside one file -----------------------------------

@case
def duplicates_in_file():
    db = make_ward("dups.sqlite3")
    before = digest(db)
    donations = write("dup-donations.csv", DONATIONS_HEADER
                      + "900,02/10/2025,Nguyễn Văn An,,100000,Tiền mặt,Lê Thị Hoa\r\n"
                      + "900,02/10/2025,Nguyễn Văn An,,500000,Tiền mặt,Lê Thị Hoa\r\n")
    r = run(db, "import", "donations", donations)
    check(r.returncode == 1 and "row 2" in r.stderr and "row 3" in r.stderr,
          "two receipts 900 with different amounts: an error naming both rows: %r" % r.stderr)
    code = tax_code(5000)
    enterprises = write("dup-ent.csv", "Mã số doanh nghiệp,Tên doanh nghiệp,Loại hình,Ngày cấp\r\n"
                        "%s,Công ty A,Tư nhân,01/02/2026\r\n%s,Công ty B,Tư nhân,01/02/2026\r\n" % (code, code))
    r = run(db, "import", "enterprises", enterprises)
    check(r.returncode == 1 and "row 2" in r.stderr and "row 3" in r.stderr,
          "one tax code, two names: an error naming both rows: %r" % r.stderr)
    members = write("dup-members.csv", "Họ và tên,Ngày sinh,Giới tính\r\n"
                    "Phạm Thị Dung,01/01/1990,Nữ\r\nPhạm Thị Dung,01/01/1990,Nam\r\n")
    r = run(db, "import", "members", members)
    check(r.returncode == 1 and "row 2" in r.stderr and "row 3" in r.stderr,
          "one candidate, two genders: an error naming both rows: %r" % r.stderr)
    readings = write("dup-readings.csv", "Chỉ tiêu,Kỳ,Giá trị,Trạng thái\r\n"
                     "health-insurance,2026,93,chính thức\r\nhealth-insurance,2026,95,chính thức\r\n")
    r = run(db, "import", "readings", readings)
    check(r.returncode == 1 and "row 2" in r.stderr and "row 3" in r.stderr,
          "two final readings for one period: an error naming both rows: %r" % r.stderr)
    check(digest(db) == before, "nothing was stored")


# 8. Amounts -------------------------------------------------------------------

@case
def amounts():
    db = make_ward("money.sqlite3")
    huge = write("huge.csv", DONATIONS_HEADER + "".join(
        "%d,02/10/2025,Nhà hảo tâm,,999.999.999.999.999,Tiền mặt,Lê Thị Hoa\r\n" % (700 + i) for i in range(20)))
    r = run(db, "import", "donations", huge)
    check(r.returncode == 1 and "1.000.000.000.000" in r.stderr and receipts(db) == 120,
          "a receipt over the maximum is refused naming it: %r" % r.stderr[:200])
    most = write("most.csv", DONATIONS_HEADER + "".join(
        "%d,02/10/2025,Nhà hảo tâm,,1.000.000.000.000,Tiền mặt,Lê Thị Hoa\r\n" % (800 + i) for i in range(20)))
    r = run(db, "import", "donations", most)
    check(r.returncode == 0, "receipts at the maximum are accepted: %r" % r.stderr[:200])
    r = run(db, "stats", "--json")
    cuba = [c for c in json.loads(r.stdout)["campaigns"]] if r.returncode == 0 else []
    check(cuba and cuba[0]["received"] == 20 * 10 ** 12 + sum((i + 1) * 10000 for i in range(120)),
          "the total is exact, never negative")
    r = run(db, "report", "donations", "--output", path("money.pdf"))
    text = subprocess.run(["pdftotext", "-layout", path("money.pdf"), "-"], capture_output=True,
                          text=True).stdout if r.returncode == 0 else ""
    check(r.returncode == 0 and "(null)" not in text and "Bằng chữ" in text,
          "the disclosure list prints the total in words, never “(null)”")


# 9. Smaller findings ------------------------------------------------------------

@case
def symlinked_database():
    real_home = path("var-home")
    os.mkdir(real_home)
    link_home = path("home")
    os.symlink(real_home, link_home)
    db = os.path.join(link_home, "ward.sqlite3")
    r = run(db, "init")
    check(r.returncode == 0 and os.path.exists(os.path.join(real_home, "ward.sqlite3")),
          "a database under a symlinked home folder opens: %r" % r.stderr)
    r = run(db, "stats")
    check(r.returncode == 0, "and is used by every command")
    r = run(db, "backup", os.path.join(real_home, "ward.sqlite3"), "--force")
    check(r.returncode == 1, "its real path is still known to be the database")


def mount_tmpfs(where, size):
    os.makedirs(where, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", where],
                          capture_output=True).returncode == 0


@case
def read_only_and_full_one_error():
    rows = DONATIONS_HEADER + "".join("%d,02/10/2025,Nguyễn Văn An,,100000,Tiền mặt,Lê Thị Hoa\r\n" % (2000 + i)
                                      for i in range(3000))
    sheet = write("ro.csv", rows)
    for what, size, remount in (("a read-only file", "8m", True), ("a full disk", "1200k", False)):
        mnt = path("mnt-" + size)
        if not mount_tmpfs(mnt, size):
            print("skip - %s: cannot mount a tmpfs here (needs root)" % what)
            return
        try:
            db = os.path.join(mnt, "ward.sqlite3")
            shutil.copy(TEMPLATE[0] if TEMPLATE else make_ward("ro-template.sqlite3"), db)
            if remount:
                subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
            r = run(db, "import", "donations", sheet)
            lines = [line for line in r.stderr.splitlines() if line.strip()]
            check(r.returncode == 1 and len(lines) == 1 and receipts(db) == 120,
                  "%s gives one error, not one per row: %d lines: %r" % (what, len(lines), r.stderr[:300]))
        finally:
            subprocess.run(["umount", mnt])


@case
def field_rules():
    db = make_ward("fields.sqlite3")
    before = digest(db)
    for birth in ("01/01/0001", "01/01/1800"):
        r = run(db, "import", "members", write("old.csv", "Họ và tên,Ngày sinh\r\nCụ Già,%s\r\n" % birth))
        check(r.returncode == 1 and "1900" in r.stderr, "a birth date %s is refused: %r" % (birth, r.stderr))
    for name, what in (("Nguyễn\u202eVăn An", "a right-to-left override"), ("Nguyễn\x07Văn", "a control character")):
        r = run(db, "import", "members", write("bidi.csv", "Họ và tên,Ngày sinh\r\n%s,01/01/1990\r\n" % name))
        check(r.returncode == 1 and "character" in r.stderr, "%s in a name is refused: %r" % (what, r.stderr))
    r = run(db, "import", "donations", write("long.csv", DONATIONS_HEADER +
                                            "3000,02/10/2025,%s,,100000,Tiền mặt,Lê Thị Hoa\r\n" % ("A" * 1000000)))
    check(r.returncode == 1 and "200" in r.stderr, "a 1 MB donor name is refused naming the limit: %r"
          % r.stderr[:200])
    header = ",".join("c%d" % i for i in range(100000)) + "\r\n"
    r = run(db, "import", "members", write("wide.csv", header + "x\r\n"))
    check(r.returncode == 1 and "512 columns" in r.stderr and len(r.stderr) < 1000,
          "a header of 100,000 columns is refused, in one line: %r" % r.stderr[:200])
    check(digest(db) == before, "nothing was stored")


# 10. check --against ---------------------------------------------------------------

@case
def check_against():
    db = make_ward("against.sqlite3")
    h = sql(db, "SELECT hash FROM ledger_entries ORDER BY seq DESC LIMIT 1 OFFSET 5")[0][0]
    r = run(db, "check", "--against", h)
    check(r.returncode == 0 and "5" in r.stdout and "120" in r.stdout,
          "check --against names the 5 receipts added after the hash: %r" % r.stdout)
    r = run(db, "check", "--against", "ab" * 32)
    check(r.returncode == 1 and "not in" in r.stderr, "a hash not in the chain is reported: %r" % r.stderr)


for c in CASES:
    if not ONLY or c.__name__ in ONLY:
        print("# case", c.__name__)
        try:
            c()
        except Exception as e:  # a crash of the case is a failure, not the end of the suite
            check(False, "%s raised %r" % (c.__name__, e))
shutil.rmtree(TMP, ignore_errors=True)
finish()
