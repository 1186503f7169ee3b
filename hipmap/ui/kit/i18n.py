"""The user interface's language: which one, and installing Qt translators for it.

English is the source language (the strings in the code). Other languages come from
translations/hipmap_<lang>.qm, compiled by pyside6-lrelease from translations/hipmap_<lang>.ts
(tools/update_translations.py), plus Qt's own qtbase_<lang>.qm for the standard dialogs' buttons.
The setting "ui/language" is "" (follow the system), or a language code; --lang overrides it for one run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator

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
_RECORD_LIMIT = 400  # longer texts (whole panels of HTML) are made again by their widgets, not looked up
_made: dict[str, tuple] = {}  # a text shown now -> how it was made (so it can be made again in another language)
# Texts made by .format() (counts, names, the reasons of every ranking) have no end: each new one was kept for
# good, about 1.5 MB per few hundred clicks, all of it for the collector to scan. They are kept two generations of
# FORMATS_KEPT; a sentence shown longer than that (its widget not remaking it) is remade by its widget's
# retranslate(), as every composed sentence is.
FORMATS_KEPT = 8192
_formatted: dict[str, tuple] = {}
_formatted_before: dict[str, tuple] = {}


def _record_format(text: str, how: tuple) -> None:
    global _formatted, _formatted_before
    if len(_formatted) >= FORMATS_KEPT:
        _formatted_before, _formatted = _formatted, {}
    _formatted[text] = how


def _plain(value):
    """A text as a plain str: how a text was made is kept in tuples of plain values, which the garbage collector
    stops tracking once it has seen them (a translated text, its own record and its arguments' records were some
    20,000 objects after a few hundred marks, each walked by every full pass)."""
    return str(value) if isinstance(value, str) else value


class _Made(str):
    """A translated text that remembers how it was made: its .format() result remembers it too."""

    def format(self, *args, **kwargs):  # noqa: A003 - str.format, recorded
        out = _Made(str.format(self, *args, **kwargs))
        out._how = ("format", self._how, tuple(map(_plain, args)), tuple((k, _plain(v)) for k, v in kwargs.items()))
        if len(out) <= _RECORD_LIMIT:
            _record_format(str(out), out._how)
        return out


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate, remembering which source made each short text, so that a change of language
    can translate again what windows already show (retranslate_widgets)."""
    out = _Made(QCoreApplication.translate(context, text, disambiguation, n))
    out._how = ("tr", context, text, disambiguation, n)
    if len(out) <= _RECORD_LIMIT:
        _made[str(out)] = out._how
    return out


def _make_again(how, known: dict) -> str:
    if how[0] == "tr":
        return translate(*how[1:])
    _kind, base, args, kwargs = how
    again = lambda v: _make_again(known[v], known) if isinstance(v, str) and v in known else v  # noqa: E731
    return _make_again(base, known).format(*[again(a) for a in args], **{k: again(v) for k, v in kwargs})


_before: dict[str, tuple] = {}  # _made as it was in the language shown before the last switch


def again(text: str) -> str | None:
    """TEXT (shown in the language before the last switch_language) made again in the language now; None when
    it was not made by translate() (a name from the data, a number)."""
    how = _before.get(str(text)) if text else None
    return _make_again(how, _before) if how is not None else None


def switch_language(language: str, app: QCoreApplication | None = None) -> bool:
    """Install LANGUAGE and translate again the texts every open window shows; each widget with a retranslate()
    method then makes the texts of its own (data, counts, composed sentences). False if the language is missing."""
    from PySide6.QtWidgets import QApplication

    known = {**_formatted_before, **_formatted, **_made}
    _made.clear()
    _formatted.clear()
    _formatted_before.clear()
    _before.clear()
    _before.update(known)
    ok = install(language, app)
    tops = [w for w in QApplication.topLevelWidgets()]
    for top in tops:
        retranslate_widgets(top, again)
    for top in tops:
        for widget in [top, *top.findChildren(QObject)]:
            method = getattr(widget, "retranslate", None)
            if callable(method):
                method()
    return ok


TIP_PROPERTY = "hipmap_tip"


def set_command_tip(action, tip: str, from_text: bool = False, most: int = 1, joiner: str = "comma") -> None:
    """A command's status tip says what it does; its tooltip adds the shortcut ("Close hipmap (Ctrl+Q)"), or its
    first MOST shortcuts joined by JOINER ("comma": "PgDown, Right"; "or": "Ctrl+W or Esc").
    FROM_TEXT: the tip is the command's name (made again from its text after a change of language).
    A change of language makes the tooltip again, with the key names in that language (retranslate_widgets)."""
    from PySide6.QtGui import QKeySequence

    shortcuts = [k.toString(QKeySequence.NativeText) for k in action.shortcuts()[:max(1, most)]]
    between = translate("i18n", " or ") if joiner == "or" else ", "
    keys = between.join(k for k in shortcuts if k)
    action.setProperty(TIP_PROPERTY, tip)
    action.setProperty(TIP_PROPERTY + "_from_text", bool(from_text))
    action.setProperty(TIP_PROPERTY + "_most", int(most))
    action.setProperty(TIP_PROPERTY + "_joiner", joiner)
    action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.setStatusTip(tip)


def retranslate_widgets(root, again) -> None:
    """Every text of ROOT and its children (widgets, actions, menus, tabs, list items) that AGAIN can make in the
    new language is replaced by it."""
    from PySide6.QtWidgets import (
        QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QListWidget, QMenu, QTabBar, QTabWidget, QToolButton,
        QWidget,
    )  # fmt: skip

    def redo(get, put):
        value = get()
        if value:
            new = again(value)
            if new is not None and new != value:
                put(new)

    objects = [root, *root.findChildren(QObject)]
    actions = set()
    for obj in objects:
        if isinstance(obj, QWidget):
            for action in obj.actions():
                actions.add(action)
        if not isinstance(obj, QWidget):
            continue
        w = obj
        redo(w.windowTitle, w.setWindowTitle)
        redo(w.toolTip, w.setToolTip)
        redo(w.statusTip, w.setStatusTip)
        redo(w.accessibleName, w.setAccessibleName)
        redo(w.accessibleDescription, w.setAccessibleDescription)
        if isinstance(w, QLabel):
            redo(w.text, w.setText)
        elif isinstance(w, QAbstractButton) and not (isinstance(w, QToolButton) and w.defaultAction() is not None):
            redo(w.text, w.setText)  # (a tool button with an action shows the action's text)
        if isinstance(w, QMenu):
            redo(w.title, w.setTitle)
        if isinstance(w, QGroupBox):
            redo(w.title, w.setTitle)
        if isinstance(w, QLineEdit):
            redo(w.placeholderText, w.setPlaceholderText)
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                redo(lambda i=i: w.tabText(i), lambda t, i=i: w.setTabText(i, t))
                redo(lambda i=i: w.tabToolTip(i), lambda t, i=i: w.setTabToolTip(i, t))
        elif isinstance(w, QTabBar) and not isinstance(w.parentWidget(), QTabWidget):
            for i in range(w.count()):
                redo(lambda i=i: w.tabText(i), lambda t, i=i: w.setTabText(i, t))
        if isinstance(w, QTabBar):  # Qt names its scroll buttons once, in the language of that moment
            for button in w.findChildren(QToolButton):
                source = {"ScrollLeftButton": "Scroll Left", "ScrollRightButton": "Scroll Right"}.get(button.objectName())
                if source:
                    button.setAccessibleName(QCoreApplication.translate("QTabBar", source))
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                redo(lambda i=i: w.itemText(i), lambda t, i=i: w.setItemText(i, t))
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                redo(item.text, item.setText)
                redo(item.toolTip, item.setToolTip)
    for action in actions:
        redo(action.text, action.setText)
        tip = action.property(TIP_PROPERTY)
        if tip:  # a command's tooltip names its shortcut, in the words of the language (Ctrl / Control)
            from_text = action.property(TIP_PROPERTY + "_from_text")
            set_command_tip(action, action.text().replace("&", "").rstrip(".") if from_text else (again(tip) or tip), from_text,
                            int(action.property(TIP_PROPERTY + "_most") or 1), str(action.property(TIP_PROPERTY + "_joiner") or "comma"))
            continue
        redo(action.toolTip, action.setToolTip)
        redo(action.statusTip, action.setStatusTip)
        menu = action.menu()
        if menu is not None:
            redo(menu.title, menu.setTitle)


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
    """"Right side" / "Lado derecho": a heading-like phrase for the person's side ("Both sides" for a pattern
    that spans both)."""
    if side == "both":
        return translate("i18n", "Both sides")
    text = translate("i18n", "{side} side").format(side=side_name(side))
    return text[:1].upper() + text[1:]


def matching_phrases() -> dict[str, str]:
    """The words of the matcher's reasons and summary (hipmap.core.pain.matching.PHRASES) in the interface's language.

    Plain words: a change of language makes a new matcher and matches again (MainWindow.use_atlas), so the dozens of
    sentences each ranking builds from them need no record of how they were made (each record costs microseconds,
    on every click)."""
    phrases = {
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
        "on_point_only": translate("matching", "None of your pain is in its referral pattern, but some lies over one of its trigger points."),
        "usual": translate("matching", "Its pain is usually felt in {where}."),
        "none": translate("matching", "None of the muscles in hipmap refer pain to exactly this pattern."),
        "one": translate("matching", "This muscle explains {percent} of your marked pain: {names}."),
        "many": translate("matching", "These {n} muscles together explain {percent} of your marked pain: {names}."),
        "muscle_side": translate("matching", "{name}, {side} side"),
        "muscle_both": translate("matching", "{name}, both sides"),
        "not_explained": translate("matching", " Not explained: {regions}."),
        "side_region": translate("matching", "{side} {region}"),
        "percent": translate("matching", "{value}%"),
        "and": translate("matching", " and "),
        "left": side_name("left"),
        "right": side_name("right"),
        "both": side_name("both"),
    }
    return {key: str(words) for key, words in phrases.items()}


def step_title(title: str) -> str:
    """A routine step's title for display: the core names a compression step "Tennis ball: <muscle>" or "Hand
    pressure: <muscle>" in English (core.routine.builder.TITLE_PREFIXES)."""
    if title.startswith("Tennis ball: "):
        return translate("i18n", "Tennis ball: {name}").format(name=title[len("Tennis ball: "):])
    if title.startswith("Hand pressure: "):
        return translate("i18n", "Hand pressure: {name}").format(name=title[len("Hand pressure: "):])
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
