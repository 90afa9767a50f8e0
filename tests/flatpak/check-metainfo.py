#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the built AppStream file gives a software centre what it
shows: name, summary and description in English and Vietnamese, the
screenshots (committed under data/screenshots, PNGs of the window), a
release for this version, an OARS rating, the launchable, the developer,
branding colours for both schemes, and keywords in both languages.
(appstreamcli validate checks the format; this checks the content.)

    check-metainfo.py BUILT_METAINFO SOURCE_ROOT VERSION
"""
import os
import struct
import sys
import xml.etree.ElementTree as ET

LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCREENSHOTS = ["overview", "targets", "admissions", "donations"]

problems = []


def problem(message):
    problems.append(message)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def texts(parent, tag):
    """{lang or None: [text, ...]} of the @tag children of @parent."""
    found = {}
    for node in parent.findall(tag):
        text = "".join(node.itertext()).strip()
        found.setdefault(node.get(LANG), []).append(text)
    return found


def check_translated(root, tag):
    found = texts(root, tag)
    if not found.get(None, [""])[0]:
        problem("no English <%s>" % tag)
    if not found.get("vi", [""])[0]:
        problem("no Vietnamese <%s xml:lang=\"vi\">: po/vi.po lacks its translation" % tag)


def check_description(root):
    description = root.find("description")
    if description is None:
        problem("no <description>")
        return
    english = [p for p in description.iter() if p.tag in ("p", "li") and p.get(LANG) is None]
    vietnamese = [p for p in description.iter() if p.tag in ("p", "li") and p.get(LANG) == "vi"]
    if not english:
        problem("the description has no English paragraph")
    if len(vietnamese) < len(english):
        problem("the description has %d English paragraphs or items but %d Vietnamese ones"
                % (len(english), len(vietnamese)))


def check_screenshots(root, source_root):
    shots = root.findall("screenshots/screenshot")
    names = []
    declared = {}
    for shot in shots:
        image = shot.find("image")
        if image is None or not (image.text or "").startswith("https://"):
            problem("a screenshot has no https image")
            continue
        names.append(os.path.splitext(os.path.basename(image.text.strip()))[0])
        declared[names[-1]] = (image.get("width"), image.get("height"))
        if not texts(shot, "caption").get("vi"):
            problem("the screenshot %s has no Vietnamese caption" % names[-1])
    if names != SCREENSHOTS:
        problem("the screenshots are %s, expected %s in that order" % (names, SCREENSHOTS))
    if len([s for s in shots if s.get("type") == "default"]) != 1:
        problem("exactly one screenshot must be the default")
    for name in names:
        path = os.path.join(source_root, "data", "screenshots", name + ".png")
        if not os.path.exists(path):
            problem("the screenshot %s is listed but %s is not committed" % (name, path))
            continue
        size = png_size(path)
        if size is None:
            problem("%s is not a PNG" % path)
        elif size[0] < 1000 or size[1] < 600:
            problem("%s is %d×%d: too small for a software centre" % (path, *size))
        elif declared[name] != (None, None) and declared[name] != tuple(str(n) for n in size):
            problem("the metainfo says %s is %s×%s, the PNG is %d×%d" % (name, *declared[name], *size))


def check_rest(root, version):
    app_id = (root.findtext("id") or "").strip()
    launchable = root.find("launchable")
    if launchable is None or launchable.get("type") != "desktop-id" \
            or (launchable.text or "").strip() != app_id + ".desktop":
        problem("the launchable is not the desktop file %s.desktop" % app_id)
    releases = root.findall("releases/release")
    if not releases or releases[0].get("version") != version:
        problem("the newest release is not %s, the project's version" % version)
    elif not releases[0].get("date"):
        problem("the release %s has no date" % version)
    rating = root.find("content_rating")
    if rating is None or rating.get("type") not in ("oars-1.0", "oars-1.1"):
        problem("no OARS content rating")
    developer = root.find("developer")
    if developer is None or not developer.get("id") or not (developer.findtext("name") or "").strip():
        problem("no <developer> with an id and a name")
    colours = {c.get("scheme_preference"): c.text for c in root.findall("branding/color")
               if c.get("type") == "primary"}
    if set(colours) != {"light", "dark"}:
        problem("branding needs a primary colour for the light and for the dark scheme")
    keywords = texts(root.find("keywords") if root.find("keywords") is not None else root, "keyword")
    if not keywords.get(None) or not keywords.get("vi"):
        problem("keywords are needed in English and Vietnamese")


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    path, source_root, version = argv[1:]
    root = ET.parse(path).getroot()
    check_translated(root, "name")
    check_translated(root, "summary")
    check_description(root)
    check_screenshots(root, source_root)
    check_rest(root, version)
    for p in problems:
        print("FAIL -", p)
    if problems:
        return 1
    print("ok - %s shows well in a software centre, in English and Vietnamese" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
