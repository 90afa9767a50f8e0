# SPDX-License-Identifier: GPL-3.0-or-later
"""Two desks really syncing through Syncthing (Debian's package): two
Syncthing instances started here keep two local folders in step, each
listening on 127.0.0.1 only, with global discovery, relays, local
announcements, NAT traversal, STUN, usage reporting, crash reporting and
upgrades off, so that nothing reaches another address. Desk A syncs with
one folder, desk B with the other; a record made on either arrives on the
other, and both files end the same. Skipped (exit 77) where Syncthing is
not installed; scripts/deps.sh installs it."""
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

from wardtest import check, finish

CLI = sys.argv[1]
SYNCTHING = shutil.which("syncthing")
if SYNCTHING is None:
    print("Syncthing is not installed: skipped (scripts/deps.sh installs the Debian package)")
    sys.exit(77)

tmp = tempfile.mkdtemp(prefix="ward-syncthing-")
env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", XDG_DATA_HOME=os.path.join(tmp, "data"),
           STNODEFAULTFOLDER="1", STNOUPGRADE="1", STNORESTART="1")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(database, *args):
    r = subprocess.run([CLI, "--database", database, *args], capture_output=True, text=True, env=env)
    print("$", os.path.basename(database), " ".join(args), "->", r.returncode)
    print(r.stdout, r.stderr)
    return r


class Instance:
    def __init__(self, name):
        self.home = os.path.join(tmp, "st-" + name)
        self.share = os.path.join(tmp, "share-" + name)
        os.makedirs(self.share)
        self.port = free_port()
        self.gui = free_port()
        subprocess.run([SYNCTHING, "generate", "--home=" + self.home, "--no-default-folder",
                        "--skip-port-probing"], env=env, check=True, capture_output=True)
        self.id = subprocess.run([SYNCTHING, "serve", "--home=" + self.home, "--device-id"], env=env,
                                 check=True, capture_output=True, text=True).stdout.strip()
        self.proc = None

    def configure(self, other):
        path = os.path.join(self.home, "config.xml")
        tree = ET.parse(path)
        root = tree.getroot()
        options = root.find("options")
        # Nothing but the other instance on this machine.
        for key, value in {"listenAddress": "tcp://127.0.0.1:%d" % self.port,
                           "globalAnnounceEnabled": "false", "localAnnounceEnabled": "false",
                           "relaysEnabled": "false", "natEnabled": "false", "urAccepted": "-1",
                           "crashReportingEnabled": "false", "autoUpgradeIntervalH": "0",
                           "startBrowser": "false", "stunKeepaliveStartS": "0",
                           "stunKeepaliveMinS": "0", "stunServer": "",
                           "globalAnnounceServer": "", "announceLANAddresses": "false"}.items():
            node = options.find(key)
            if node is None:
                node = ET.SubElement(options, key)
            node.text = value
        root.find("gui").find("address").text = "127.0.0.1:%d" % self.gui
        device = ET.SubElement(root, "device", id=other.id, name="other", compression="metadata",
                               introducer="false")
        ET.SubElement(device, "address").text = "tcp://127.0.0.1:%d" % other.port
        folder = ET.SubElement(root, "folder", id="ward-tracker", label="Ward Tracker", path=self.share,
                               type="sendreceive", rescanIntervalS="2", fsWatcherEnabled="true",
                               fsWatcherDelayS="1")
        ET.SubElement(folder, "device", id=self.id)
        ET.SubElement(folder, "device", id=other.id)
        tree.write(path)

    def start(self):
        log = open(os.path.join(self.home, "log.txt"), "w")
        self.proc = subprocess.Popen([SYNCTHING, "serve", "--home=" + self.home, "--no-browser",
                                      "--no-restart", "--no-upgrade"], env=env, stdout=log,
                                     stderr=subprocess.STDOUT)

    def stop(self):
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def wait_for(fn, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        if fn():
            return True
        time.sleep(0.5)
    return False


def files_in(share, installation):
    path = os.path.join(share, installation)
    return sorted(n for n in os.listdir(path) if n.endswith(".wtchange")) if os.path.isdir(path) else []


def installation_of(database):
    with sqlite3.connect(database) as con:
        return con.execute("SELECT value FROM settings WHERE key = 'installation-id'").fetchone()[0]


def sql(database, statement):
    with sqlite3.connect(database) as con:
        con.execute(statement)


def count(database, what):
    with sqlite3.connect(database) as con:
        return con.execute("SELECT COUNT(*) FROM " + what).fetchone()[0]


a, b = Instance("a"), Instance("b")
a.configure(b)
b.configure(a)
desk_a = os.path.join(tmp, "desk-a.sqlite3")
desk_b = os.path.join(tmp, "desk-b.sqlite3")
try:
    a.start()
    b.start()
    run(desk_a, "init")
    run(desk_b, "init")
    run(desk_a, "sync", "--folder", a.share)
    id_a = installation_of(desk_a)
    check(wait_for(lambda: files_in(b.share, id_a)), "Syncthing carries desk A's first file to desk B's folder")
    run(desk_b, "sync", "--folder", b.share)
    id_b = installation_of(desk_b)
    check(wait_for(lambda: files_in(a.share, id_b)), "and desk B's to desk A's")
    run(desk_a, "sync")

    code_a = run(desk_a, "bundle", "code").stdout.split()[3]
    code_b = run(desk_b, "bundle", "code").stdout.split()[3]
    check(run(desk_a, "bundle", "trust", code_b).returncode == 0, "desk A trusts desk B, by its code")
    check(run(desk_b, "bundle", "trust", code_a).returncode == 0, "desk B trusts desk A, by its code")
    check(run(desk_a, "sync").returncode == 0, "desk A applies desk B's first file")
    check(run(desk_b, "sync").returncode == 0, "desk B applies desk A's first file")

    sql(desk_a, "INSERT INTO enterprises (uuid, tax_code, name, search_key, sort_key, type, registered_on, "
                "created_at, updated_at) VALUES ('3f6c1d2e-1111-4a8b-9c2d-5e6f7a8b9c0d', '2801234564', "
                "'Công ty TNHH Syncthing', 'syncthing', 'syncthing', 'llc-one', '2026-03-02', "
                "'2026-03-02T08:00:00Z', '2026-03-02T08:00:00Z')")
    sql(desk_b, "INSERT INTO candidates (uuid, full_name, sort_key, search_key, birth_date, created_at, "
                "updated_at) VALUES ('3f6c1d2e-2222-4a8b-9c2d-5e6f7a8b9c0d', 'Lê Thị Hoa', 'hoa', "
                "'le thi hoa', '1998-09-01', '2026-04-02T09:00:00Z', '2026-04-02T09:00:00Z')")
    n_a, n_b = len(files_in(a.share, id_a)), len(files_in(b.share, id_b))
    check(run(desk_a, "sync").returncode == 0, "desk A writes its change")
    check(run(desk_b, "sync").returncode == 0, "desk B writes its change")
    check(wait_for(lambda: len(files_in(b.share, id_a)) > n_a and len(files_in(a.share, id_b)) > n_b),
          "Syncthing carries both changes across")
    check(run(desk_a, "sync").returncode == 0 and run(desk_b, "sync").returncode == 0,
          "both desks apply the other's change")
    stats_a = run(desk_a, "stats", "--json").stdout
    stats_b = run(desk_b, "stats", "--json").stdout
    check(stats_a == stats_b and stats_a != "", "both desks' stats --json are the same")
    for db in (desk_a, desk_b):
        check(count(db, "enterprises WHERE name = 'Công ty TNHH Syncthing'") == 1
              and count(db, "candidates WHERE full_name = 'Lê Thị Hoa'") == 1,
              "%s holds both desks' records" % os.path.basename(db))
    for db in (desk_a, desk_b):
        r = run(db, "check")
        check(r.returncode == 0, "check passes on %s" % os.path.basename(db))
    for share in (a.share, b.share):
        conflicts = [n for _, _, names in os.walk(share) for n in names if "sync-conflict" in n]
        check(not conflicts, "no Syncthing conflict copies: each file has one writer (%s)" % conflicts)
finally:
    a.stop()
    b.stop()
    shutil.rmtree(tmp, ignore_errors=True)
finish()
