#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the source folders depend one way.

    check-layout.py SOURCE_ROOT CORE_LAYERS GUI_LAYERS [CORE_LIB GUI_LIB]

The layers are written once, in src/core/meson.build (core_layers) and
src/gui/meson.build (gui_layers); meson passes them here as
"base;store;import,report;..." (";" between layers, "," within one). A
folder may include headers of its own folder and of the layers above its
own, never of its own layer or below. Besides:

- project headers are named by their folder: #include "store/ward-store.h";
- nothing in src/core includes GTK, GDK or libadwaita;
- the interface may include any core header; the CLI any core header but
  no interface header;
- a header name must not exist both in src/core and in src/gui;
- given the built static libraries, no object calls a function defined in
  a folder it may not use (what a declaration written by hand, without the
  header, would hide from the include check).

Prints one line per offending include, naming the file and the line, and
exits 1 if there is any."""
import os
import re
import subprocess
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')
TOOLKIT = ("gtk/", "gdk/", "gsk/", "adwaita.h")


def parse_layers(text):
    return [[f for f in layer.split(",") if f] for layer in text.split(";") if layer]


def layer_of(layers):
    return {folder: i for i, layer in enumerate(layers) for folder in layer}


def includes(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                yield number, m.group(1), m.group(2)


def sources(folder):
    for dirpath, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if name.endswith((".c", ".h")):
                yield os.path.join(dirpath, name)


class Checker:
    def __init__(self, root, core_layers, gui_layers):
        self.root = root
        self.core = layer_of(core_layers)
        self.gui = layer_of(gui_layers)
        self.problems = []

    def say(self, path, number, text):
        self.problems.append("%s:%d: %s" % (os.path.relpath(path, self.root), number, text))

    def exists(self, tree, name):
        return os.path.isfile(os.path.join(self.root, "src", tree, name))

    def check_folders(self):
        for tree, layers in (("core", self.core), ("gui", self.gui)):
            base = os.path.join(self.root, "src", tree)
            on_disk = {d for d in os.listdir(base) if os.path.isdir(os.path.join(base, d))}
            for folder in sorted(on_disk - set(layers)):
                self.say(base, 0, "folder %s/ is in no layer of src/%s/meson.build" % (folder, tree))
            for folder in sorted(set(layers) - on_disk):
                self.say(base, 0, "layer folder %s/ does not exist" % folder)
            for path in sources(base):
                if os.path.dirname(path) == base:
                    self.say(path, 0, "source file outside the feature folders")

    def check_project_name(self, path, number, name):
        """A project header named by its folder; returns the folder or None."""
        if name == "config.h":
            return None
        if "/" not in name:
            found = [os.path.relpath(os.path.join(d, name), os.path.join(self.root, "src", tree))
                     for tree in ("core", "gui")
                     for d, _, names in os.walk(os.path.join(self.root, "src", tree))
                     if name in names]
            self.say(path, number, '"%s": name project headers by their folder (%s)'
                     % (name, ", ".join('"%s"' % f for f in found) or '"folder/%s"' % name))
            return None
        return name.split("/", 1)[0]

    def check_core(self):
        for path in sources(os.path.join(self.root, "src", "core")):
            own = os.path.relpath(path, os.path.join(self.root, "src", "core")).split(os.sep)[0]
            for number, kind, name in includes(path):
                if kind == "<":
                    if name.startswith(TOOLKIT):
                        self.say(path, number, "<%s>: the core never includes the toolkit" % name)
                    continue
                folder = self.check_project_name(path, number, name)
                if folder is None or folder == own:
                    continue
                if not self.exists("core", name):
                    self.say(path, number, '"%s": no such core header' % name)
                elif self.core[folder] >= self.core.get(own, -1):
                    self.say(path, number, '"%s": %s may not use %s (same layer or above it)'
                             % (name, own, folder))

    def check_gui(self):
        for path in sources(os.path.join(self.root, "src", "gui")):
            own = os.path.relpath(path, os.path.join(self.root, "src", "gui")).split(os.sep)[0]
            for number, kind, name in includes(path):
                if kind == "<":
                    continue
                folder = self.check_project_name(path, number, name)
                if folder is None:
                    continue
                in_gui, in_core = self.exists("gui", name), self.exists("core", name)
                if in_gui and in_core:
                    self.say(path, number, '"%s" exists in src/core and src/gui' % name)
                elif in_gui and folder != own and self.gui[folder] >= self.gui.get(own, -1):
                    self.say(path, number, '"%s": %s may not use %s (same layer or above it)'
                             % (name, own, folder))
                elif not in_gui and not in_core:
                    self.say(path, number, '"%s": no such header' % name)

    def check_cli(self):
        for path in sources(os.path.join(self.root, "src", "cli")):
            for number, kind, name in includes(path):
                if kind == "<":
                    if name.startswith(TOOLKIT):
                        self.say(path, number, "<%s>: the CLI never includes the toolkit" % name)
                    continue
                folder = self.check_project_name(path, number, name)
                if folder is None or folder == "cli":
                    continue
                if self.exists("gui", name) or not self.exists("core", name):
                    self.say(path, number, '"%s": the CLI uses core headers only' % name)


def archive_symbols(path):
    """{member folder: (defined, undefined)} of a static library built from
    src/core or src/gui: meson names each member FOLDER_FILE.c.o."""
    out = subprocess.run(["nm", path], capture_output=True, text=True, check=True).stdout
    folders = {}
    member = None
    for line in out.splitlines():
        if line.endswith(".o:"):
            member = os.path.basename(line[:-1])
            folders.setdefault(member.split("_", 1)[0], (set(), set()))
            continue
        parts = line.split()
        if member is None or not parts:
            continue
        defined, undefined = folders[member.split("_", 1)[0]]
        if len(parts) == 3 and parts[1] in "TDRBC":
            defined.add(parts[2])
        elif len(parts) == 2 and parts[0] == "U":
            undefined.add(parts[1])
    return folders


def check_links(checker, core_lib, gui_lib):
    for tree, path, layers in (("core", core_lib, checker.core), ("gui", gui_lib, checker.gui)):
        folders = archive_symbols(path)
        where = {s: f for f, (defined, _) in folders.items() for s in defined}
        for folder, (_, undefined) in sorted(folders.items()):
            for symbol in sorted(undefined):
                other = where.get(symbol)
                if other is not None and other != folder and layers[other] >= layers[folder]:
                    checker.problems.append("src/%s/%s: calls %s() of %s/, which it may not use"
                                            % (tree, folder, symbol, other))


def main():
    if len(sys.argv) not in (4, 6):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    root = sys.argv[1]
    checker = Checker(root, parse_layers(sys.argv[2]), parse_layers(sys.argv[3]))
    checker.check_folders()
    checker.check_core()
    checker.check_gui()
    checker.check_cli()
    if len(sys.argv) == 6:
        check_links(checker, sys.argv[4], sys.argv[5])
    for problem in checker.problems:
        print(problem)
    if checker.problems:
        print("%d include(s) against the layout: see the layers in src/core/meson.build "
              "and src/gui/meson.build" % len(checker.problems))
        return 1
    print("ok - every include follows the layers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
