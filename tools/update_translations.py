"""Update translations/hipmap_<lang>.ts from the sources and compile them to .qm.

    .venv/bin/python tools/update_translations.py          # every language in translations/
    .venv/bin/python tools/update_translations.py --check  # exit 1 if a .ts or .qm is out of date (CI)

pyside6-lupdate reads every hipmap/ui/**/*.py (the CLI in hipmap/__main__.py is not translated: its output is a
contract for scripts) and keeps existing translations; strings no longer in the code are dropped (-no-obsolete).
Locations are left out (-locations none) so that editing code does not change the .ts. pyside6-lrelease then
writes the .qm that hipmap loads (hipmap/ui/kit/i18n.py). Translate new strings in the .ts (Qt Linguist, or any
editor: fill <translation> and remove type="unfinished"), then run this again.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("es",)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"update_translations: {name} not found (pip install PySide6)")
    return found


def sources() -> list[Path]:
    return sorted((ROOT / "hipmap" / "ui").rglob("*.py"))


# Plural forms per language (Qt's rules for the language: Spanish has one and other).
PLURAL_FORMS = {"es": 2}


def _translations(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> the finished translation texts (several for a numerus message)."""
    if not ts.exists():
        return {}
    done = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            t = message.find("translation")
            if t is None or t.get("type") == "unfinished":
                continue
            forms = [f.text or "" for f in t.findall("numerusform")] or [t.text or ""]
            if all(f.strip() for f in forms):
                done[(context.findtext("name"), message.findtext("source"))] = forms
    return done


def lupdate(ts: Path) -> None:
    """Extract the strings into TS, keeping its translations.

    A count passed as a variable (translate(CONTEXT, "%n marks", "", n)) is not recognised by pyside6-lupdate's Python
    parser as plural (numerus) and would be looked up without its plural forms at run time; every message with %n is
    made numerus here, with the translations it had before.
    """
    before = _translations(ts)
    files = [str(p) for p in sources()]
    subprocess.run([tool("pyside6-lupdate"), *files, "-no-obsolete", "-locations", "none", "-ts", str(ts)],
                   check=True, capture_output=True, text=True)
    tree = ET.parse(ts)
    root = tree.getroot()
    n_forms = PLURAL_FORMS.get(root.get("language", "").split("_")[0], 2)
    changed = False
    for context in root.iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if "%n" not in source or message.get("numerus") == "yes":
                continue
            changed = True
            message.set("numerus", "yes")
            t = message.find("translation")
            forms = before.get((context.findtext("name"), source))
            t.text, t.attrib = None, {}
            if forms:
                forms = (forms + forms[-1:] * n_forms)[:n_forms]
            else:
                forms = [""] * n_forms
                t.set("type", "unfinished")
            for form in forms:
                ET.SubElement(t, "numerusform").text = form
    if changed:
        ET.indent(tree, space="    ")
        body = ET.tostring(root, encoding="unicode")
        ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report out-of-date files instead of writing them")
    args = parser.parse_args(argv)
    stale = []
    for lang in LANGUAGES:
        ts, qm = TRANSLATIONS / f"hipmap_{lang}.ts", TRANSLATIONS / f"hipmap_{lang}.qm"
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                new_ts, new_qm = Path(tmp) / ts.name, Path(tmp) / qm.name
                shutil.copy(ts, new_ts)
                lupdate(new_ts)
                lrelease(new_ts, new_qm)
                stale += [str(p) for p, n in ((ts, new_ts), (qm, new_qm)) if not p.exists() or not filecmp.cmp(p, n, shallow=False)]
            continue
        TRANSLATIONS.mkdir(exist_ok=True)
        lupdate(ts)
        lrelease(ts, qm)
        print(f"updated {ts.relative_to(ROOT)} and {qm.relative_to(ROOT)}")
    if stale:
        print("out of date (run tools/update_translations.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
