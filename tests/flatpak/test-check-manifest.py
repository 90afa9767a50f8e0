#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shows that check-manifest.py refuses a broken manifest: it runs the
checker on copies of the real manifest, each with one fault, and expects it
to fail on every one of them and to pass the unbroken copy.

    test-check-manifest.py CHECKER MANIFEST SOURCE_ROOT BASE_ID
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

checker, manifest_path, source_root, base_id = sys.argv[1:5]
with open(manifest_path, encoding="utf-8") as f:
    original = json.load(f)

failures = []


def app_module(m):
    return next(mod for mod in m["modules"]
                if any(s.get("type") == "dir" for s in mod.get("sources", [])))


def font_source(m):
    return m["modules"][0]["sources"][0]


def relocated(m):
    """The copy lives in a temporary folder: point its app module at the tree."""
    m = copy.deepcopy(m)
    for source in app_module(m)["sources"]:
        if source.get("type") == "dir":
            source["path"] = os.path.abspath(source_root)
    return m


def run(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "manifest.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        result = subprocess.run([sys.executable, checker, path, source_root, base_id],
                                capture_output=True, text=True)
        return result.returncode, result.stdout


def faulty(description, mutate=None, text=None):
    if text is None:
        m = relocated(original)
        mutate(m)
        text = json.dumps(m, indent=2)
    rc, out = run(text)
    if rc == 1 and "FAIL" in out:
        print("ok - refused: %s" % description)
    else:
        print("FAIL - accepted: %s (exit %d)\n%s" % (description, rc, out))
        failures.append(description)


rc, out = run(json.dumps(relocated(original), indent=2))
if rc == 0:
    print("ok - the unbroken manifest passes")
else:
    print("FAIL - the unbroken manifest is refused:\n" + out)
    failures.append("baseline")

good = json.dumps(relocated(original), indent=2)
faulty("text that is not JSON", text=good[: len(good) // 2])
faulty("a key given twice", text=good.replace('"command": "ward-tracker",',
                                              '"command": "ward-tracker", "command": "x",', 1))
faulty("--filesystem=home", lambda m: m["finish-args"].append("--filesystem=home"))
faulty("--filesystem=xdg-documents:ro", lambda m: m["finish-args"].append("--filesystem=xdg-documents:ro"))
faulty("network access", lambda m: m["finish-args"].append("--share=network"))
faulty("no Wayland socket", lambda m: m["finish-args"].remove("--socket=wayland"))
faulty("another application id", lambda m: m.update({"id": "org.example.Other"}))
faulty("no runtime-version", lambda m: m.pop("runtime-version"))
faulty("an unstable runtime-version", lambda m: m.update({"runtime-version": "master"}))
faulty("the freedesktop runtime", lambda m: m.update({"runtime": "org.freedesktop.Platform"}))
faulty("no SDK", lambda m: m.pop("sdk"))
faulty("another command", lambda m: m.update({"command": "ward-tracker-cli"}))
faulty("a dependency without sha256", lambda m: font_source(m).pop("sha256"))
faulty("a sha256 one digit short", lambda m: font_source(m).update({"sha256": "0" * 63}))
faulty("a sha256 in capitals", lambda m: font_source(m).update({"sha256": "A" * 64}))
faulty("a dependency without url", lambda m: font_source(m).pop("url"))
faulty("a dependency from git without a pin", lambda m: font_source(m).update(
    {"type": "git", "url": "https://example.org/x.git", "sha256": None}))
faulty("a module included from another file", lambda m: m["modules"].insert(0, "shared-modules/x.json"))
faulty("the app built with cmake", lambda m: app_module(m).update({"buildsystem": "cmake-ninja"}))
faulty("the app built from another folder",
       lambda m: app_module(m)["sources"][0].update({"path": os.path.join(source_root, "src")}))
faulty("the tests not run", lambda m: app_module(m).update({"run-tests": False}))
faulty("the development profile", lambda m: app_module(m).update(
    {"config-opts": ["-Dprofile=development", "-Dui_tests=false"]}))
faulty("a profile meson does not know", lambda m: app_module(m).update(
    {"config-opts": ["-Dprofile=default", "-Dui_tests=false", "-Dprofile=beta"]}))
faulty("an option meson does not know", lambda m: app_module(m)["config-opts"].append("-Dflatpak=true"))
faulty("the UI tests left on", lambda m: app_module(m)["config-opts"].remove("-Dui_tests=false"))
faulty("the app before its dependencies", lambda m: m["modules"].reverse())
faulty("two modules of one name", lambda m: m["modules"][0].update({"name": "ward-tracker"}))

if failures:
    print("%d fault(s) not caught: %s" % (len(failures), "; ".join(failures)))
    sys.exit(1)
print("all faults caught")
