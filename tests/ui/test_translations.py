"""The interface is translation-ready and Spanish is complete.

Every user-visible string in hipmap/ui goes through translate() (hipmap/ui/i18n.py); translations/hipmap_es.ts holds
a Spanish translation for each one, and translations/hipmap_es.qm is compiled from it. A new string without a
translation fails here: run tools/update_translations.py, translate it in the .ts, and run the tool again.
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402

TS = ROOT / "translations" / "hipmap_es.ts"
QM = ROOT / "translations" / "hipmap_es.qm"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")): m for c in root.iter("context") for m in c.iter("message")}


def translated(message: ET.Element) -> list[str]:
    """The translation texts of a message ([] when it is unfinished or empty)."""
    t = message.find("translation")
    if t is None or t.get("type") in ("unfinished", "obsolete", "vanished"):
        return []
    texts = [f.text or "" for f in t.findall("numerusform")] if message.get("numerus") == "yes" else [t.text or ""]
    return texts if all(x.strip() for x in texts) else []


def literal_calls() -> set[tuple[str, str, str]]:
    """(context, source, where) of every translate()/QT_TRANSLATE_NOOP() with literal arguments in hipmap/ui."""
    found = set()
    for path in update_translations.sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = node.args[:2]
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) == 2 and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                found.add((args[0].value, args[1].value, f"{path.name}:{node.lineno}"))
    return found


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory) -> Path:
    """The committed .ts brought up to date with the sources by pyside6-lupdate (about a second)."""
    ts = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copy(TS, ts)
    update_translations.lupdate(ts)
    return ts


def test_every_source_string_has_a_spanish_translation(fresh_ts):
    fresh = messages(fresh_ts)
    assert len(fresh) > 600  # lupdate found the strings (a broken run would find none)
    missing = sorted(f"{ctx}: {src!r}" for (ctx, src), m in fresh.items() if not translated(m))
    assert not missing, "untranslated (run tools/update_translations.py, then translate):\n" + "\n".join(missing)
    committed = messages(TS)
    stale = sorted(f"{ctx}: {src!r}" for ctx, src in fresh.keys() - committed.keys())
    assert not stale, "translations/hipmap_es.ts is out of date; run tools/update_translations.py:\n" + "\n".join(stale)


def test_every_marked_string_is_extracted_by_lupdate():
    """lupdate silently skips some calls (a count like len(x) as the fourth argument): every call must reach the .ts."""
    committed = messages(TS)
    lost = sorted(f"{where}: {ctx} {src!r}" for ctx, src, where in literal_calls() if (ctx, src) not in committed)
    assert not lost, "not in translations/hipmap_es.ts (pass a plain variable as the count):\n" + "\n".join(lost)


def test_placeholders_survive_translation():
    """Every {name} and %n of a source string appears in its translation, and no other."""
    wrong = []
    for (ctx, src), message in messages(TS).items():
        for text in translated(message):
            if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
                wrong.append(f"{ctx}: {src!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_menu_mnemonics_stay_mnemonics():
    """A source with an & shortcut key keeps one in Spanish (menus reachable by keyboard in every language)."""
    lost = [src for (_ctx, src), m in messages(TS).items() if re.match(r"^[^<]*&[^ &;]", src) and "&" not in "".join(translated(m))]
    assert not lost, lost


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path):
    if not shutil.which("pyside6-lrelease") and not (Path(sys.executable).parent / "pyside6-lrelease").exists():
        pytest.skip("pyside6-lrelease not installed")
    qm = tmp_path / QM.name
    update_translations.lrelease(TS, qm)
    assert qm.read_bytes() == QM.read_bytes(), "run tools/update_translations.py to recompile translations/hipmap_es.qm"


def test_the_cli_is_not_translated():
    """python -m hipmap prints contract output for scripts: it never goes through the translator."""
    text = (ROOT / "hipmap" / "__main__.py").read_text(encoding="utf-8")
    # Qt's translate(...) or self.tr(...); str.translate(...) is something else.
    assert not re.search(r"(?<![.\w])translate\(", text) and ".tr(" not in text


def test_language_choice(monkeypatch):
    from PySide6.QtCore import QLocale, QSettings

    from hipmap.ui.kit import i18n

    settings = QSettings()
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("es_MX")))
    assert i18n.chosen_language(settings, "es") == "es"
    assert i18n.chosen_language(settings, "EN") == "en"
    assert i18n.normalize("es-ES") == "es" and i18n.normalize("fr") == "en" and i18n.normalize(None) == "en"
    assert i18n.lang_option(["--lang", "es", "map.hipmap.json"]) == ("es", ["map.hipmap.json"])
    assert i18n.lang_option(["--lang=en"]) == ("en", [])
    with pytest.raises(SystemExit):
        i18n.lang_option(["--lang", "klingon"])


@pytest.fixture
def spanish(qapp):
    from hipmap.ui.kit import i18n

    assert i18n.install("es")
    yield
    i18n.install("en")


def test_the_window_speaks_spanish(spanish, window, no_modal_dialogs, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from hipmap.ui.kit.i18n import current_language

    assert current_language() == "es"
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[0] == "&Archivo" and "&Ver" in titles and "Ay&uda" in titles, titles
    assert window.files.act_save.text() == "&Guardar" and window.files.act_save.toolTip().startswith("Guardar el mapa de dolor")
    # A message box: closing a map with unsaved marks asks, in Spanish.
    window.document.add_region("lateral_thigh", "right", 6)
    window.files.act_new.trigger()
    assert no_modal_dialogs[-1] == "¿Desea guardar sus marcas antes de cerrar este mapa de dolor?"
    # Qt's own dialog buttons come from qtbase_es.
    box = QDialogButtonBox(QDialogButtonBox.Cancel)
    assert box.button(QDialogButtonBox.Cancel).text().replace("&", "") == "Cancelar"
    # The language menu switches at once, and remembers the choice for the next start.
    window.language_actions["en"].trigger()
    assert window.settings.value("ui/language") == "en"
    assert window.menuBar().actions()[0].text() == "&File"


def test_english_is_the_default(window):
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.language_actions["en"].isChecked()


def test_reasons_and_data_follow_the_language(spanish, qapp):
    """In Spanish the matcher's reasons, the muscle names and the red flags are Spanish; the core default stays English."""
    from hipmap.core.content.atlas import load_atlas
    from hipmap.core.pain.matching import Matcher
    from hipmap.core.pain.painmap import PainMap, region_marks
    from hipmap.ui.kit.i18n import matching_phrases

    atlas = load_atlas(language="es")
    painmap = PainMap(tuple(region_marks(atlas, "lateral_thigh", "right")))
    result = Matcher(atlas, matching_phrases()).match(painmap)
    best = result.candidates[0]
    assert best.name == "Vasto lateral (músculo externo del muslo)"
    assert best.reasons[0].startswith("Su zona principal de dolor referido cubre el ") and "cara externa del muslo" in best.reasons[0]
    assert result.summary.startswith("Este músculo explica") or result.summary.startswith("Estos ")
    english = Matcher(load_atlas()).match(painmap)
    assert english.candidates[0].reasons[0].startswith("Its main referral zone covers")


def test_the_handout_in_spanish(tmp_path):
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        pytest.skip("pdftotext not installed")
    import subprocess

    out = tmp_path / "es.pdf"
    done = subprocess.run([sys.executable, "-m", "hipmap", "handout", str(out), "--region", "lateral_thigh", "--lang", "es"],
                          capture_output=True, text=True, cwd=ROOT, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = subprocess.run([pdftotext, str(out), "-"], capture_output=True, text=True).stdout
    text = " ".join(text.split())
    for expected in ("hoja de autocuidado", "Cuándo ir al médico", "¿Ha tenido cáncer alguna vez?", "Vasto lateral",
                     "Pelota de tenis", "Esto no es un diagnóstico", "IZQ."):  # fmt: skip
        assert expected in text, expected
    assert "When to see a doctor" not in text and "Tennis ball" not in text


def test_screenshot_in_spanish(tmp_path):
    import os
    import subprocess

    out = tmp_path / "es.png"
    done = subprocess.run([sys.executable, "-m", "hipmap", "screenshot", str(out), "--size", "900x600", "--lang", "es"],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 1000


def test_every_diagram_names_the_sides_in_spanish(spanish, qtbot):
    """The person's left and right on every diagram of the main window and of presentation mode, and the long
    Spanish words do not run into each other."""
    from PySide6.QtWidgets import QGraphicsSimpleTextItem, QWidget

    from hipmap.core.content.atlas import load_atlas
    from hipmap.ui.present.window import PresentationWindow

    atlas = load_atlas(language="es")
    show = PresentationWindow(atlas, [("piriformis", "left")], None, animation_ms=0)
    qtbot.addWidget(show)
    show.resize(1280, 720)
    show.show()
    qtbot.waitExposed(show)
    pairs = 0
    for diagram in show.findChildren(QWidget):
        labels = getattr(diagram, "layers", {}).get("labels") if isinstance(getattr(diagram, "layers", None), dict) else None
        if labels is None:
            continue
        texts = [item for item in labels.childItems() if isinstance(item, QGraphicsSimpleTextItem)]
        words = {item.text() for item in texts}
        assert not words & {"LEFT", "RIGHT", "LEFT SIDE", "RIGHT SIDE"}, words
        if {"IZQUIERDO", "DERECHO"} <= words:
            a, b = sorted((item.mapRectToScene(item.boundingRect()) for item in texts if item.text() in ("IZQUIERDO", "DERECHO")),
                          key=lambda r: r.x())  # fmt: skip
            assert a.right() < b.left()
            pairs += 1
    assert pairs >= 1  # the back or front view was shown


def test_counts_read_in_spanish_with_the_right_number(spanish, qtbot):
    """Issue 15.6: every count in words, in Spanish, agrees with its number (the history said "2 sessions del ...")."""
    from hipmap.core.routine.model import Routine, Step
    from hipmap.core.store.session import RunOutcome, SessionSummary
    from hipmap.ui.kit.runwords import run_text
    from hipmap.ui.history.window import HistoryWindow
    from hipmap.ui.routine.player import PlayerWidget

    def summary(i):
        return SessionSummary(i, f"2026-03-0{i}T09:30:00Z", "", 5, 4, 0.1, (), False, 0)

    assert HistoryWindow.summary_text([summary(2), summary(1)]).startswith("2 sesiones ")
    assert HistoryWindow.summary_text([summary(1)]).startswith("1 sesión ")
    assert run_text(RunOutcome(2, 0, 0, True)) == ("detenida tras 0 de 2 pasos", "Rutina detenida antes del final: 0 de 2 pasos hechos")
    assert run_text(RunOutcome(1, 1, 0, False))[1] == "Rutina hecha: su 1 paso"
    # The number skipped decides its words' plural (the end screen said "1 omitidos").
    assert run_text(RunOutcome(2, 0, 1, True)) == ("detenida tras 0 de 2 pasos, 1 omitido",
                                                   "Rutina detenida antes del final: 0 de 2 pasos hechos; 1 omitido o detenido porque dolía")
    assert run_text(RunOutcome(3, 1, 2, True))[0] == "detenida tras 1 de 3 pasos, 2 omitidos"
    assert run_text(RunOutcome(3, 2, 1, False)) == ("hecha, 1 de 3 omitido", "Rutina hecha; se omitió o se detuvo por dolor 1 de 3 pasos")
    assert run_text(RunOutcome(3, 1, 2, False))[1] == "Rutina hecha; se omitieron o se detuvieron por dolor 2 de 3 pasos"
    one = Routine("Una", [Step(kind="compression", muscle_id="tensor_fasciae_latae", title="Tennis ball: TFL", side="right",
                               ready_s=5, hold_s=20, rest_s=10, reps=1)])  # fmt: skip
    clock = [0.0]
    player = PlayerWidget(one, clock=lambda: clock[0])
    qtbot.addWidget(player)
    assert player.step_count_label.text() == "1 paso"
    player.start()
    clock[0] = 26.0
    player.tick()
    assert player.cue_label.text().startswith("1 mantenimiento en ")


def test_every_matching_phrase_is_translated_by_the_ui():
    from hipmap.core.pain.matching import PHRASES
    from hipmap.ui.kit.i18n import matching_phrases

    assert set(matching_phrases()) == set(PHRASES)
