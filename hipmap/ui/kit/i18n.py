"""The user interface's language: which one, and installing Qt translators for it.

English is the source language (the strings in the code). Other languages come from
translations/hipmap_<lang>.qm, compiled by pyside6-lrelease from translations/hipmap_<lang>.ts
(tools/update_translations.py), plus Qt's own qtbase_<lang>.qm for the standard dialogs' buttons.
The setting "ui/language" is "" (follow the system), or a language code; --lang overrides it for one run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ... import PACKAGE_DIR
from ...core.reading import check_regular
from .settings import read_str

MAX_QM_BYTES = 20_000_000

SETTING = "ui/language"
# Language code -> the name of that language in itself (menus show languages in their own words).
LANGUAGES = {"en": "English", "es": "Español"}
MNEMONICS = {"en": "&English", "es": "E&spañol"}

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """translations/ inside the package (installed wheel) or beside it (repository checkout)."""
    for candidate in (PACKAGE_DIR / "translations", PACKAGE_DIR.parent / "translations"):
        if candidate.is_dir():
            return candidate
    return PACKAGE_DIR.parent / "translations"


def normalize(code: str | None) -> str:
    """A supported language code for CODE ("es_ES" -> "es"), or "en"."""
    code = (code or "").strip().replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def chosen_language(settings: QSettings | None = None, override: str | None = None) -> str:
    """--lang, else the saved choice, else the system locale; always a supported code."""
    if override:
        return normalize(override)
    saved = read_str(settings or QSettings(), SETTING, "", max_len=16)
    if saved:
        return normalize(saved)
    return normalize(QLocale.system().name())


def current_language() -> str:
    """The language installed by install() ("en" when none was)."""
    app = QCoreApplication.instance()
    return str(app.property("hipmap_language") or "en") if app is not None else "en"


def install(language: str, app: QCoreApplication | None = None) -> bool:
    """Install the translators for LANGUAGE (replacing earlier ones); False if its file is missing."""
    app = app or QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = normalize(language)
    app.setProperty("hipmap_language", language)
    if language == "en":
        return True
    ours = QTranslator(app)
    qm = translations_dir() / f"hipmap_{language}.qm"
    try:
        check_regular(qm, MAX_QM_BYTES)  # QTranslator would wait for ever on a FIFO
    except OSError:
        app.setProperty("hipmap_language", "en")
        return False
    if not ours.load(str(qm)):
        app.setProperty("hipmap_language", "en")
        return False
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    return True


def lang_option(argv: list[str]) -> tuple[str | None, list[str]]:
    """--lang CODE (or --lang=CODE): the interface language for this run; the rest of argv is returned."""
    from .argv import take_option

    found, rest = take_option(argv, "--lang", "hipmap: --lang needs a language code, such as es")
    if found is not None and found.strip().lower().replace("-", "_").split("_")[0] not in LANGUAGES:
        raise SystemExit(f"hipmap: unknown language {found!r} (choose from {', '.join(LANGUAGES)})")
    return found, rest


# Every user-visible string in hipmap/ui goes through translate(CONTEXT, TEXT) (or, with a count, translate(CONTEXT,
# TEXT, "", N) and %n in TEXT); pyside6-lupdate extracts the calls by this name (tools/update_translations.py).
# Not self.tr(): PySide's tr() looks the text up under the class of the object, so a subclass would lose it.
translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks TEXT for translation where it is defined (module constants); translate(context, TEXT) where shown."""
    return text


def side_name(side: str) -> str:
    """The person's side in words: "left" / "right" (the identifiers stay English in files and settings)."""
    names = {"left": translate("i18n", "left"), "right": translate("i18n", "right"), "both": translate("i18n", "both")}
    return names.get(side, side)


def quality_name(quality: str) -> str:
    """A pain quality in words ("aching", ...); the identifiers stay English in pain map files."""
    names = {
        "aching": translate("i18n", "aching"), "burning": translate("i18n", "burning"),
        "tingling": translate("i18n", "tingling"), "numbness": translate("i18n", "numbness"),
    }  # fmt: skip
    return names.get(quality, quality)


def side_and_region(side: str, name: str, capital: bool = True) -> str:
    """"Right lateral thigh": the person's side with a region's name, in the word order of the language."""
    text = translate("i18n", "{side} {region}").format(side=side_name(side), region=name[:1].lower() + name[1:])
    return text[:1].upper() + text[1:] if capital else text


def side_phrase(side: str) -> str:
    """"Right side" / "Lado derecho": a heading-like phrase for the person's side."""
    text = translate("i18n", "{side} side").format(side=side_name(side))
    return text[:1].upper() + text[1:]


def matching_phrases() -> dict[str, str]:
    """The words of the matcher's reasons and summary (hipmap.core.pain.matching.PHRASES) in the interface's language."""
    return {
        "empty": translate("matching", "Mark where it hurts to see which muscles may be involved."),
        "main": translate("matching", "Its main referral zone covers {percent} of the pain you marked."),
        "main_where": translate("matching", "Its main referral zone covers {percent} of the pain you marked: {where}."),
        "spill": translate("matching", "Its wider (spillover) zone covers {percent}."),
        "spill_where": translate("matching", "Its wider (spillover) zone covers {percent}: {where}."),
        "spill_more": translate("matching", "Its wider (spillover) zone covers another {percent}."),
        "spill_more_where": translate("matching", "Its wider (spillover) zone covers another {percent}: {where}."),
        "spill_only": translate("matching", "Only its spillover zone reaches your pain, so it is a weaker match."),
        "coverage": translate("matching", "You marked {percent} of its main zone."),
        "unmarked": translate("matching", "Its usual pattern also reaches {where}, which you did not mark."),
        "on_point": translate("matching", "Some of your pain lies over one of its trigger points."),
        "none": translate("matching", "None of the muscles in hipmap refer pain to exactly this pattern."),
        "one": translate("matching", "This muscle explains {percent} of your marked pain: {names}."),
        "many": translate("matching", "These {n} muscles together explain {percent} of your marked pain: {names}."),
        "muscle_side": translate("matching", "{name}, {side} side"),
        "not_explained": translate("matching", " Not explained: {regions}."),
        "side_region": translate("matching", "{side} {region}"),
        "percent": translate("matching", "{value}%"),
        "and": translate("matching", " and "),
        "left": side_name("left"),
        "right": side_name("right"),
    }


def step_title(title: str) -> str:
    """A routine step's title for display: the core names a tennis-ball step "Tennis ball: <muscle>" in English."""
    prefix = "Tennis ball: "
    if title.startswith(prefix):
        return translate("i18n", "Tennis ball: {name}").format(name=title[len(prefix):])
    return title


def progress_phrases() -> dict[str, str]:
    """The words of the before/after figures (hipmap.core.pain.progress.PHRASES) in the interface's language."""
    return {
        "area": translate("progress", "Area marked (share of the body drawing)"),
        "strongest": translate("progress", "Strongest pain"),
        "average": translate("progress", "Average pain over the marked area"),
        "marks": translate("progress", "Marks"),
        "about_same": translate("progress", "about the same"),
        "points_less": translate("progress", "{value} percentage points less"),
        "points_more": translate("progress", "{value} percentage points more"),
        "nothing": translate("progress", "nothing to compare"),
        "no_pain_now": translate("progress", "no pain marked now"),
        "same": translate("progress", "the same"),
        "lower": translate("progress", "{value} lower"),
        "higher": translate("progress", "{value} higher"),
        "none": translate("progress", "none"),
    }


def routine_name_phrases() -> dict[str, str]:
    """The words of a new routine's default name (hipmap.core.routine.builder.NAME_PHRASES) in this language."""
    return {
        "new": translate("routine", "New routine"), "two": translate("routine", "{first} and {second}"),
        "more": translate("routine", "{first} and {count} more"), "one_side": translate("routine", "{side} side"),
        "both_sides": translate("routine", "both sides"), "name": translate("routine", "{who}, {where}"),
        "left": side_name("left"), "right": side_name("right"),
    }  # fmt: skip


def long_date(day) -> str:
    """"25 November 2026" / "25 de noviembre de 2026": a date in words in the interface's language."""
    from PySide6.QtCore import QLocale

    month = QLocale(current_language()).standaloneMonthName(day.month, QLocale.LongFormat)
    if current_language() == "en":
        month = month[:1].upper() + month[1:]
    return translate("i18n", "{day} {month} {year}").format(day=day.day, month=month, year=day.year)
