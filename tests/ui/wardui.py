# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for driving Ward Tracker through its accessibility tree.

Each test starts the real application with a fresh database in a temporary
folder, finds controls by their accessible role and name, as a screen reader
user would, and saves screenshots into WARD_SCREENSHOT_DIR for a person to
look at.
"""
import os
import subprocess
import sys
import tempfile
import time

import wardtest  # tests/support: check(), the GLib alarms in a program's output
from dogtail import config  # noqa: E402

config.config.logDebugToStdOut = False
config.config.logDebugToFile = False
config.config.searchCutoffCount = 20
config.config.defaultDelay = 0.3
config.config.actionDelay = 0.3
config.config.typingDelay = 0.02

from dogtail import rawinput, tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

BUILD_ROOT = os.environ["WARD_BUILD_ROOT"]
SHOTS = os.environ.get("WARD_SCREENSHOT_DIR", os.path.join(BUILD_ROOT, "screenshots"))
APP = os.path.join(BUILD_ROOT, "src", "ward-tracker")
CLI = os.path.join(BUILD_ROOT, "src", "cli", "ward-tracker-cli")

PAGES_VI = ["Tổng quan", "Chỉ tiêu", "Chương trình hành động",
            "Kết nạp đảng viên", "Doanh nghiệp", "Ủng hộ Cuba", "Học tập Nghị quyết"]

failures = wardtest.failures
check = wardtest.check


def _excepthook(kind, value, tb):
    import traceback
    traceback.print_exception(kind, value, tb, file=sys.stdout)
    _check_logs()
    sys.stdout.flush()
    sys.exit(1)


sys.excepthook = _excepthook


# What the application wrote to its standard error, one file per App: a
# GLib critical or warning (Gtk-CRITICAL, Gtk-WARNING, any domain) fails the
# test, even when every check passed.
_logs = []
# Printed by GTK 4.8 when an AT-SPI client asks for a control's position on
# the screen, as dogtail does before each click: the test's doing, not the
# application's.
_DOGTAIL_ASKED = "Screen coordinates not supported, reported positions will be wrong"


def _check_logs():
    for path in _logs:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        shown = "\n".join(line for line in text.splitlines() if _DOGTAIL_ASKED not in line)
        if shown:
            sys.stdout.write("--- the application's standard error (%s)\n%s\n---\n" % (path, shown))
        alarms = wardtest.glib_alarms(shown)
        check(not alarms, "the application printed no GLib critical or warning%s"
              % ("" if not alarms else ": " + "; ".join(alarms[:3])))
    _logs.clear()


def _settled(node):
    """@node's position and size, once two readings agree: a form scrolls
    and an error revealed above a field moves it, both with an animation."""
    last = None
    for _ in range(20):
        now = (node.position, node.size)
        if now == last:
            return now
        last = now
        time.sleep(0.25)
    return last


def reveal(node, window):
    """Scrolls @window with the mouse wheel, as a person does, until @node is
    wholly in view, and waits for the scrolling to settle. GTK 4.8 answers
    AT-SPI's grabFocus without moving the focus, and reports positions
    relative to the window (the warning _DOGTAIL_ASKED), the scrolling
    taken into account."""
    wx, wy = window.position
    ww, wh = window.size
    for _ in range(60):
        (x, y), (w, h) = _settled(node)
        if y >= wy + 60 and y + h <= wy + wh - 10:
            return
        rawinput.click(wx + ww // 2, wy + wh // 2, 5 if y + h > wy + wh - 10 else 4)


def finish():
    _check_logs()
    if failures:
        print("%d check(s) failed:" % len(failures))
        for f in failures:
            print("  -", f)
        sys.exit(1)
    print("all checks passed")
    sys.exit(0)


def pdf_text(path):
    """The text of a PDF as pdftotext lays it out."""
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", path, "-"],
                          capture_output=True, text=True).stdout


def wait_for_file(path, timeout=30.0):
    """True once @path is written (not empty), after a moment for the
    writer to finish."""
    end = time.time() + timeout
    while time.time() < end:
        if os.path.exists(path) and os.path.getsize(path) > 0:
            time.sleep(1.0)
            return True
        time.sleep(0.3)
    return False


def type_text(text):
    """Types @text where the focus is. A letter with a tone mark is typed
    through a keysym that AT-SPI maps onto a spare key on the fly; typed
    quickly, such a letter is now and then lost (dogtail's typeText() says
    as much), so Vietnamese text is typed at a slower pace."""
    pace = config.config.typingDelay
    if not text.isascii():
        config.config.typingDelay = max(pace, 0.08)
    try:
        rawinput.typeText(text)
    finally:
        config.config.typingDelay = pace


def take_primary_selection(text="x"):
    """Another program takes the primary selection (what a text selected
    anywhere on the desktop holds), as a clipboard manager or a selection
    in another window does: a field of the application loses its own
    selection then. Returns once the other program owns it."""
    program = ("import sys, gi\n"
               "gi.require_version('Gtk', '3.0')\n"
               "from gi.repository import Gtk, Gdk\n"
               "Gtk.Clipboard.get(Gdk.SELECTION_PRIMARY).set_text(sys.argv[1], -1)\n"
               "Gdk.Display.get_default().flush()\n"
               "print(Gtk.Clipboard.get(Gdk.SELECTION_PRIMARY).wait_for_text(), flush=True)\n")
    done = subprocess.run(["/usr/bin/python3", "-c", program, text], capture_output=True,
                          text=True, timeout=30)
    if done.stdout.strip() != text:
        raise RuntimeError("could not take the primary selection: " + done.stderr.strip())


class App:
    def __init__(self, lang="vi_VN.UTF-8", database=None, env=None, args=(), welcome=False):
        self.tmp = tempfile.mkdtemp(prefix="ward-ui-")
        self.database = database or os.path.join(self.tmp, "ward.sqlite3")
        e = dict(os.environ)
        e.update({"GSETTINGS_BACKEND": "memory", "LANG": lang, "LC_ALL": lang, "LANGUAGE": "",
                  "XDG_DATA_HOME": os.path.join(self.tmp, "data"),
                  "XDG_CONFIG_HOME": os.path.join(self.tmp, "config"),
                  "WARD_TODAY": os.environ.get("WARD_TODAY", "2026-11-27")})
        if env:
            e.update(env)
        self.env = e
        # Without a file the window welcomes (the first start): every other
        # test opens a file made as a script does, with `init`.
        if not welcome and not os.path.exists(self.database):
            made = self.cli("init")
            if made.returncode != 0:
                raise RuntimeError("init failed: " + made.stderr)
        self.log = os.path.join(self.tmp, "stderr.log")
        _logs.append(self.log)
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen([APP, "--database", self.database, *args], env=e,
                                         stderr=log)
        self.root = None
        self.page = None
        for _ in range(60):
            try:
                self.root = tree.root.application("ward-tracker")
                break
            except Exception:
                time.sleep(0.5)
        if self.root is None:
            raise RuntimeError("the application did not appear on the accessibility bus")
        self.window = self.wait_for(lambda: self.root.child(roleName="frame", retry=False))

    def main_window(self):
        """After the welcome: the window the chosen file opened in."""
        def has_pages(w):
            return w.findChild(GenericPredicate(roleName="list", name="Các trang"),
                               retry=False, requireResult=False) is not None
        self.window = self.wait_for(lambda: [w for w in self.root.children
                                             if w.roleName == "frame" and has_pages(w)][0])
        return self.window

    def cli(self, *args):
        return subprocess.run([CLI, "--database", self.database, *args], env=self.env,
                              capture_output=True, text=True)

    @staticmethod
    def wait_for(fn, timeout=20.0):
        end = time.time() + timeout
        last = None
        while time.time() < end:
            try:
                value = fn()
                if value:
                    return value
            except Exception as exc:  # not there yet
                last = exc
            time.sleep(0.3)
        raise TimeoutError("timed out waiting: %s" % last)

    def find(self, role, name=None, parent=None, timeout=10.0):
        parent = parent or self.window
        return self.wait_for(lambda: parent.findChild(GenericPredicate(name=name, roleName=role),
                                                      retry=False, requireResult=False),
                             timeout)

    def button(self, label, parent=None, timeout=10.0):
        """A push button by its label, the mnemonic mark left out. GTK 4.8
        names a button with a tooltip or an accessible label after that and
        its label together ("Lưu Lưu", "Xóa nội dung Xóa"), so a name that
        begins or ends with @label will do. Closed dialogs may linger in the
        tree: a button that says it is showing is taken first."""
        parent = parent or self.window

        def matches(n):
            name = (n.name or "").replace("_", "")
            return n.roleName == "push button" and (
                name == label or name.endswith(" " + label) or name.startswith(label + " "))

        def find():
            found = parent.findChildren(matches)
            return ([n for n in found if n.showing] or found or [None])[0]
        return self.wait_for(find, timeout)

    def find_all(self, role, name=None, parent=None):
        parent = parent or self.window
        return parent.findChildren(GenericPredicate(name=name, roleName=role))

    # GTK 4.8 does not report AT-SPI's "showing" state, and every page of the
    # window's stack stays in the tree; so text is looked for within the page
    # on show (goto() remembers it), which is what a person sees.

    def has_text(self, text, parent=None):
        """True when a node of the page on show (or @parent) is named @text."""
        parent = parent or self.page or self.window
        hit = parent.findChild(lambda n: n.name == text, retry=False, requireResult=False)
        return hit is not None

    def has_text_containing(self, text, parent=None):
        parent = parent or self.page or self.window
        hit = parent.findChild(lambda n: n.name is not None and text in n.name,
                               retry=False, requireResult=False)
        return hit is not None

    def current_title(self):
        """The title in the content header bar: the page on show."""
        titles = self.window.findChildren(GenericPredicate(roleName="filler", name="AdwWindowTitle"))
        if len(titles) < 2:
            return None
        labels = titles[-1].findChildren(GenericPredicate(roleName="label"))
        return labels[0].name if labels else None

    def page_panel(self, title):
        """The accessible of the window's stack page titled @title."""
        return self.window.findChild(
            lambda n: n.roleName == "panel" and n.name == title
            and any((c.name or "").startswith("Ward") for c in n.children),
            retry=False, requireResult=False)

    def shows(self, text, timeout=5.0, exact=False, parent=None):
        """Waits up to @timeout for a node of the page on show (or @parent)
        whose name is or contains @text."""
        try:
            return bool(self.wait_for(lambda: self.has_text(text, parent) if exact
                                      else self.has_text_containing(text, parent), timeout))
        except TimeoutError:
            return False

    def _windows(self, name, showing):
        return [w for w in self.root.children if w.name == name and (w.showing or not showing)]

    def dialog_named(self, name, showing=False):
        """The top-level window titled @name. With @showing, only one that
        says it is on screen: some dialogs linger in the tree once closed,
        but not every GTK 4.8 window reports the state."""
        return self.wait_for(lambda: self._windows(name, showing)[0])

    def dialog_gone(self, name, showing=False, timeout=5.0):
        """True once no window titled @name is left (with @showing: is on
        screen)."""
        try:
            self.wait_for(lambda: not self._windows(name, showing), timeout)
            return True
        except TimeoutError:
            return False

    @staticmethod
    def press(node):
        """Activates a button through its accessible action: a form scrolls,
        and a click by screen position can miss a button below the fold."""
        try:
            node.doActionNamed("click")
        except Exception:  # a control without the action, such as a page tab
            node.click()
        time.sleep(0.8)

    @staticmethod
    def top_of(node):
        """The top-level window @node is in."""
        while node.parent is not None and node.parent.roleName != "application":
            node = node.parent
        return node

    @staticmethod
    def on_screen(node):
        """True when @node lies wholly within its window's visible part."""
        top = App.top_of(node)
        (x, y), (w, h) = _settled(node)
        ty, th = top.position[1], top.size[1]
        return h > 0 and y >= ty and y + h <= ty + th

    @staticmethod
    def tab_to(node, tabs=40):
        """Moves the focus onto @node with Tab (then Shift+Tab), as a
        keyboard user does, and checks that the form scrolled it into view.
        GTK 4.8 reports the focus of buttons, drop-downs, switches and
        rows, not of the text of an entry row (its GtkText is not in the
        tree): text fields are reached with reveal()."""
        def has_focus():
            # A GtkDropDown takes the focus on the button inside it.
            return node.focused or node.findChild(lambda n: n.focused, retry=False,
                                                  requireResult=False) is not None
        for keys in ("Tab", "<Shift>Tab"):
            for _ in range(tabs):
                if has_focus():
                    break
                rawinput.keyCombo(keys)
                time.sleep(0.1)
        if not has_focus():
            raise RuntimeError("Tab never reached %s “%s”" % (node.roleName, node.name))
        check(App.on_screen(node), "reached with Tab, “%s” is scrolled into view" % node.name)

    @staticmethod
    def type_into(node, text):
        """Clicks an entry, scrolled into view first (reveal()), and
        replaces its text with @text (type_text())."""
        reveal(node, App.top_of(node))
        node.click()
        for _ in range(3):
            time.sleep(0.3)
            rawinput.keyCombo("<Control>a")
            rawinput.pressKey("BackSpace")
            if text:
                type_text(text)
            time.sleep(0.3)
            # A letter with a tone mark now and then lost: typed again.
            try:
                if node.text == text or text.isascii():
                    break
            except Exception:   # a node without the text interface
                break

    def pick(self, combo, position):
        """Opens a drop-down and chooses the entry at @position (0: the
        first) with the keyboard: its popover is a surface of its own, whose
        positions GTK 4.8 does not report as screen positions. One in view
        is clicked; a form's drop-down below the fold is reached with Tab
        (tab_to()) and opened with the space bar."""
        if App.top_of(combo) == self.window or App.on_screen(combo):
            combo.click()
        else:
            App.tab_to(combo)
            rawinput.pressKey("space")
        time.sleep(0.8)
        rawinput.pressKey("Home")
        for _ in range(position):
            rawinput.pressKey("Down")
            time.sleep(0.2)
        rawinput.pressKey("Return")
        time.sleep(0.8)

    def total(self, caption, parent=None):
        """The figure on the totals card whose caption is @caption."""
        return self.find("label", caption, parent=parent or self.page, timeout=2).parent.children[0].name

    def wait_total(self, caption, expected, timeout=8.0):
        """True once the totals card captioned @caption shows @expected."""
        try:
            return self.wait_for(lambda: self.total(caption) == expected, timeout)
        except TimeoutError:
            return False

    def goto(self, title):
        sidebar = self.find("list", "Các trang" if self.env["LANG"].startswith("vi") else "Pages")
        row = self.wait_for(lambda: sidebar.findChild(GenericPredicate(name=title),
                                                      retry=False, requireResult=False))
        row.click()
        self.wait_for(lambda: self.current_title() == title)
        self.page = self.page_panel(title)
        time.sleep(0.5)

    def add_new_names(self, timeout=5.0):
        """Answers the receipt form's question about a group or collector
        that no list holds yet ("Thêm “…” vào danh sách?") with its default,
        Add. False when it was not asked (the form refused the receipt, or
        every name is known): the caller's own checks then say what failed."""
        try:
            self.press(self.button("Thêm vào danh sách", self.root, timeout))
            return True
        except TimeoutError:
            return False

    def screenshot(self, name):
        os.makedirs(SHOTS, exist_ok=True)
        path = os.path.join(SHOTS, name + ".png")
        time.sleep(0.5)
        subprocess.run(["import", "-window", "root", path], check=False)
        print("screenshot:", path)
        return path

    def quit(self):
        try:
            rawinput.keyCombo("<Control>q")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
