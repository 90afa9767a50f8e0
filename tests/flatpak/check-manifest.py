#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest without building it (no runtime can be
downloaded where the tests run).

    check-manifest.py MANIFEST SOURCE_ROOT BASE_ID

It must parse as JSON; name the GNOME runtime and SDK and a stable
runtime-version; carry the application id and the ward-tracker command; ask
for no permission beyond ipc, wayland, fallback-x11 and dri (and never a
--filesystem); pin every downloaded source with a sha256; and build the app
from this tree with meson, its options real options of meson_options.txt,
with the tests on and the UI tests off.  Prints every problem found and exits
1 if there is any.
"""
import json
import os
import re
import sys

RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
COMMAND = "ward-tracker"
ALLOWED_FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]
REQUIRED_FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11"]
REQUIRED_CONFIG_OPTS = ["-Dprofile=default", "-Dui_tests=false"]
SHA256 = re.compile(r"^[0-9a-f]{64}$")
DOWNLOADED = ("archive", "file", "extra-data")

problems = []


def problem(message):
    problems.append(message)


def no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    for k in set(keys):
        if keys.count(k) > 1:
            problem("the key “%s” appears %d times in one object" % (k, keys.count(k)))
    return dict(pairs)


def meson_options(source_root):
    """Option name -> list of allowed values (None when any value goes)."""
    options = {}
    path = os.path.join(source_root, "meson_options.txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for match in re.finditer(r"option\(\s*'([^']+)'\s*,(.*?)\)\s*(?=option\(|\Z)", text, re.S):
        name, rest = match.group(1), match.group(2)
        kind = re.search(r"type\s*:\s*'([^']+)'", rest)
        choices = re.search(r"choices\s*:\s*\[([^\]]*)\]", rest)
        if choices:
            options[name] = re.findall(r"'([^']*)'", choices.group(1))
        elif kind and kind.group(1) == "boolean":
            options[name] = ["true", "false"]
        else:
            options[name] = None
    return options


def check_top_level(manifest, base_id):
    app_id = manifest.get("id", manifest.get("app-id"))
    if app_id != base_id:
        problem("the application id is %r, not %r" % (app_id, base_id))
    if manifest.get("runtime") != RUNTIME:
        problem("the runtime is %r, not %s" % (manifest.get("runtime"), RUNTIME))
    if manifest.get("sdk") != SDK:
        problem("the SDK is %r, not %s" % (manifest.get("sdk"), SDK))
    version = manifest.get("runtime-version")
    if not isinstance(version, str) or not re.fullmatch(r"\d+(\.\d+)?", version):
        problem("runtime-version %r is not a stable release number such as \"49\"" % (version,))
    if manifest.get("command") != COMMAND:
        problem("the command is %r, not %s" % (manifest.get("command"), COMMAND))


def check_finish_args(manifest):
    args = manifest.get("finish-args", [])
    if not isinstance(args, list):
        problem("finish-args is not a list")
        return
    for arg in args:
        if not isinstance(arg, str):
            problem("finish-args holds %r, which is not a string" % (arg,))
        elif arg.startswith("--filesystem") or arg.startswith("--persist"):
            problem("finish-args asks for file system access (%s): files go through the portal" % arg)
        elif arg not in ALLOWED_FINISH_ARGS:
            problem("finish-args asks for %s, which is not in the allowed list %s"
                    % (arg, ", ".join(ALLOWED_FINISH_ARGS)))
    for arg in REQUIRED_FINISH_ARGS:
        if arg not in args:
            problem("finish-args lacks %s: the window could not be shown" % arg)


def walk_modules(modules, where="modules"):
    """Yields (module, path) for every module, nested ones included."""
    if not isinstance(modules, list):
        problem("%s is not a list" % where)
        return
    for i, module in enumerate(modules):
        if not isinstance(module, dict):
            problem("%s[%d] is %r: include modules inline so that they can be checked"
                    % (where, i, module))
            continue
        path = "%s[%d] (%s)" % (where, i, module.get("name", "?"))
        yield module, path
        yield from walk_modules(module.get("modules", []), path + ".modules")


def is_app_module(module):
    return any(isinstance(s, dict) and s.get("type") == "dir" for s in module.get("sources", []))


def check_dependency(module, path):
    sources = module.get("sources", [])
    if not sources:
        problem("%s has no sources" % path)
    for j, source in enumerate(sources):
        where = "%s source %d" % (path, j)
        if not isinstance(source, dict):
            problem("%s is %r, not an inline source" % (where, source))
            continue
        kind = source.get("type")
        if kind not in DOWNLOADED:
            problem("%s is of type %r: a dependency must be a pinned download (%s)"
                    % (where, kind, ", ".join(DOWNLOADED)))
        url = source.get("url", "")
        if not isinstance(url, str) or not url.startswith("https://"):
            problem("%s has no https url (%r)" % (where, url))
        sha = source.get("sha256")
        if not isinstance(sha, str) or not SHA256.match(sha):
            problem("%s has no sha256 of 64 hex digits (%r)" % (where, sha))


def check_app_module(module, path, manifest_dir, source_root, options):
    if module.get("buildsystem") != "meson":
        problem("%s is built with %r, not meson" % (path, module.get("buildsystem")))
    sources = module.get("sources", [])
    if len(sources) != 1:
        problem("%s has %d sources; the tree alone is expected" % (path, len(sources)))
    for source in sources:
        if source.get("type") != "dir":
            continue
        tree = os.path.realpath(os.path.join(manifest_dir, source.get("path", "")))
        if tree != os.path.realpath(source_root):
            problem("%s builds %s, not the source tree %s" % (path, tree, source_root))
    if module.get("run-tests") is not True:
        problem("%s does not run the tests (run-tests: true)" % path)
    opts = module.get("config-opts", [])
    for opt in REQUIRED_CONFIG_OPTS:
        if opt not in opts:
            problem("%s lacks the config option %s" % (path, opt))
    for opt in opts:
        match = re.fullmatch(r"-D([A-Za-z0-9_]+)=(.*)", opt)
        if not match or match.group(1) in ("buildtype", "prefix", "libdir"):
            continue  # meson's own options
        name, value = match.groups()
        if name not in options:
            problem("%s passes %s, but meson_options.txt has no option %s" % (path, opt, name))
        elif options[name] is not None and value not in options[name]:
            problem("%s passes %s; %s takes one of %s" % (path, opt, name, ", ".join(options[name])))


def check_modules(manifest, manifest_dir, source_root):
    options = meson_options(source_root)
    found = list(walk_modules(manifest.get("modules", [])))
    apps = [(m, p) for m, p in found if is_app_module(m)]
    if len(apps) != 1:
        problem("%d modules build from a local dir; exactly one (the app) is expected" % len(apps))
    elif found[-1][0] is not apps[0][0]:
        problem("the app module is not the last one: its dependencies must come first")
    names = [m.get("name") for m, _ in found]
    for name in set(names):
        if name is None or names.count(name) > 1:
            problem("module names must be present and unique (%r)" % (name,))
    for module, path in found:
        if is_app_module(module):
            check_app_module(module, path, manifest_dir, source_root, options)
        else:
            check_dependency(module, path)


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    manifest_path, source_root, base_id = argv[1:]
    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f, object_pairs_hook=no_duplicate_keys)
    except (OSError, ValueError) as exc:
        print("FAIL - %s does not parse as JSON: %s" % (manifest_path, exc))
        return 1
    if not isinstance(manifest, dict):
        problem("the manifest is not a JSON object")
    else:
        check_top_level(manifest, base_id)
        check_finish_args(manifest)
        check_modules(manifest, os.path.dirname(os.path.abspath(manifest_path)), source_root)
    for p in problems:
        print("FAIL -", p)
    if problems:
        print("%s: %d problem(s)" % (manifest_path, len(problems)))
        return 1
    print("ok - %s: runtime %s//%s, %d finish-args, every dependency pinned"
          % (manifest_path, manifest["runtime"], manifest["runtime-version"],
             len(manifest.get("finish-args", []))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
