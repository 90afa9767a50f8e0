# SPDX-License-Identifier: GPL-3.0-or-later
"""Reports are set in the project's own fonts and come out the same, byte
for byte: two runs give the same PDF; a machine without the fonts gets a
message naming the font and its package, and no file."""
import os
import subprocess
import sys
import tempfile

from wardtest import check, finish

CLI = sys.argv[1]


def run(*args, env_extra=None):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("SOURCE_DATE_EPOCH", None)
    env.update(env_extra or {})
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env)


def read(path):
    with open(path, "rb") as f:
        return f.read()


tmp = tempfile.mkdtemp(prefix="ward-fonts-")
db = os.path.join(tmp, "ward.sqlite3")
check(run("--database", db, "init").returncode == 0, "init")

# Two runs of every report kind that needs no argument: the same bytes.
for kind in ("targets", "programme", "members", "enterprises", "donations"):
    a, b = os.path.join(tmp, kind + "-a.pdf"), os.path.join(tmp, kind + "-b.pdf")
    ra = run("--database", db, "report", kind, "--output", a)
    rb = run("--database", db, "report", kind, "--output", b)
    check(ra.returncode == 0 and rb.returncode == 0, kind + ": written twice")
    check(os.path.exists(a) and read(a) == read(b), kind + ": the two PDFs are the same bytes")
    fonts = subprocess.run(["pdffonts", a], capture_output=True, text=True).stdout.splitlines()[2:]
    check(fonts and all("+LiberationSerif" in line for line in fonts),
          kind + ": every font is the project's Liberation Serif: " + "; ".join(fonts))

# SOURCE_DATE_EPOCH sets the PDF's one date.
c = os.path.join(tmp, "targets-epoch.pdf")
run("--database", db, "report", "targets", "--output", c,
    env_extra={"SOURCE_DATE_EPOCH": "1758067200"})
info = subprocess.run(["pdfinfo", c], capture_output=True, text=True).stdout
check("CreationDate:" in info and "2025" in info.split("CreationDate:")[1].splitlines()[0],
      "SOURCE_DATE_EPOCH gives the creation date: " + info.split("CreationDate:")[-1].splitlines()[0])

# A machine whose fontconfig knows no font at all: the message names the
# font and the package, exit 1, and nothing is written.
empty = os.path.join(tmp, "no-fonts")
os.mkdir(empty)
conf = os.path.join(tmp, "fonts.conf")
with open(conf, "w") as f:
    f.write('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
            '<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n'
            % (empty, os.path.join(tmp, "fc-cache")))
out = os.path.join(tmp, "no-fonts.pdf")
r = run("--database", db, "report", "targets", "--output", out,
        env_extra={"FONTCONFIG_FILE": conf})
check(r.returncode == 1, "without the fonts: exit 1 (%d)" % r.returncode)
check("Liberation Serif" in r.stderr and "fonts-liberation2" in r.stderr,
      "the message names the font and the package: " + r.stderr.strip())
check(not os.path.exists(out), "nothing is written")
check(not [n for n in os.listdir(tmp) if n.startswith(".no-fonts")], "no temporary file is left")

finish()
