#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layout checker refuses what it is there to refuse: each include
against the layers, written into a copy of src/, must make it fail and name
the file; the copy as it stands must pass.

    test-check-layout.py CHECKER SOURCE_ROOT CORE_LAYERS GUI_LAYERS"""
import os
import shutil
import subprocess
import sys
import tempfile

CHECKER, ROOT, CORE, GUI = sys.argv[1:5]
failures = []

# (what it shows, file, line to add, words the complaint must hold)
MUTATIONS = [
    ("a register reaching up to exchange", "src/core/donations/ward-donations-ledger-chain.c",
     '#include "exchange/ward-exchange.h"', ["ward-donations-ledger-chain.c", "exchange"]),
    ("two registers of one layer", "src/core/admissions/ward-admissions.c",
     '#include "enterprises/ward-enterprises.h"', ["ward-admissions.c", "enterprises"]),
    ("the toolkit in the core", "src/core/base/ward-text.c",
     "#include <gtk/gtk.h>", ["ward-text.c", "gtk/gtk.h"]),
    ("a header named without its folder", "src/core/store/ward-store.c",
     '#include "ward-error.h"', ["ward-store.c", "ward-error.h"]),
    ("one page reaching into another", "src/gui/donations/ward-donations-page.c",
     '#include "admissions/ward-admissions-page.h"', ["ward-donations-page.c", "admissions"]),
    ("common reaching up to a page", "src/gui/common/ward-page.c",
     '#include "targets/ward-targets-page.h"', ["ward-page.c", "targets"]),
    ("the CLI using the interface", "src/cli/ward-cli.c",
     '#include "shell/ward-window.h"', ["ward-cli.c", "shell/ward-window.h"]),
    ("a folder in no layer", "src/core/archive/ward-archive.c",
     '#include "store/ward-store.h"', ["archive/"]),
]


def check(cond, what):
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        failures.append(what)


def run(tree):
    return subprocess.run([sys.executable, CHECKER, tree, CORE, GUI],
                          capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    clean = os.path.join(tmp, "clean")
    shutil.copytree(os.path.join(ROOT, "src"), os.path.join(clean, "src"),
                    ignore=shutil.ignore_patterns("*.ui", "*.css", "*.xml", "*.sql"))
    result = run(clean)
    check(result.returncode == 0, "the tree as it stands passes: " + result.stdout.strip())

    for what, path, line, words in MUTATIONS:
        tree = os.path.join(tmp, "mutant")
        shutil.rmtree(tree, ignore_errors=True)
        shutil.copytree(clean, tree)
        target = os.path.join(tree, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        text = open(target, encoding="utf-8").read() if os.path.exists(target) else ""
        open(target, "w", encoding="utf-8").write(line + "\n" + text)
        result = run(tree)
        named = all(w in result.stdout for w in words)
        check(result.returncode == 1 and named,
              "refuses %s (%s)" % (what, result.stdout.splitlines()[0] if result.stdout else "no output"))

print("1..%d" % (1 + len(MUTATIONS)))
sys.exit(1 if failures else 0)
