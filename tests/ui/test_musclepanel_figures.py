"""After a new mark the panel puts the new figures in place of the old ones: the same page as a full rebuild."""

import dataclasses

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser

from hipmap.core.pain.painmap import PainMap, region_marks
from hipmap.ui.mainwindow.musclepanel import MusclePanel


@pytest.fixture(scope="module")
def candidate(atlas, matcher):
    marks = region_marks(atlas, "lateral_thigh", "right", 6) + region_marks(atlas, "lateral_leg", "right", 6)
    return matcher.match(PainMap(tuple(marks))).find("gluteus_minimus_anterior", "right")


def _panel(qtbot):
    panel = MusclePanel()
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    return panel


def _count_set_html(monkeypatch):
    """Counts the pages made from their HTML (parsed and laid out anew), in the browser or in a document for it."""
    calls = []
    for cls in (QTextBrowser, QTextDocument):
        real = cls.setHtml
        monkeypatch.setattr(cls, "setHtml", lambda self, text, real=real: (calls.append(1), real(self, text))[1])
    return calls


def test_new_figures_for_the_same_muscle_read_exactly_as_a_rebuilt_page(qtbot, atlas, candidate, monkeypatch):
    assert candidate is not None and candidate.reasons
    changed = dataclasses.replace(candidate, score=candidate.score / 3, reasons=tuple(f"{r} (now {i})" for i, r in enumerate(candidate.reasons)))
    panel = _panel(qtbot)
    panel.show_muscle(atlas, "gluteus_minimus_anterior", "right", candidate)
    calls = _count_set_html(monkeypatch)
    panel.show_muscle(atlas, "gluteus_minimus_anterior", "right", changed)
    assert calls == []  # updated in place
    fresh = _panel(qtbot)
    fresh.show_muscle(atlas, "gluteus_minimus_anterior", "right", changed)
    assert panel.browser.toHtml() == fresh.browser.toHtml()
    assert panel.plain_text() == fresh.plain_text()
    panel.show_muscle(atlas, "gluteus_minimus_anterior", "right", changed)
    assert calls == [1]  # the fresh panel's page; nothing to do for the same page again


@pytest.mark.parametrize("change", ["another muscle", "another side", "a reason fewer", "no candidate"])
def test_anything_more_than_the_figures_rebuilds_the_page(qtbot, atlas, candidate, monkeypatch, change):
    muscle, side, shown = "gluteus_minimus_anterior", "right", candidate
    if change == "another muscle":
        muscle = "piriformis"
    elif change == "another side":
        side = "left"
    elif change == "a reason fewer":
        shown = dataclasses.replace(candidate, reasons=candidate.reasons[:-1])
    else:
        shown = None
    panel = _panel(qtbot)
    panel.show_muscle(atlas, "gluteus_minimus_anterior", "right", candidate)
    calls = _count_set_html(monkeypatch)
    panel.show_muscle(atlas, muscle, side, shown)
    assert calls == [1]
    fresh = _panel(qtbot)
    fresh.show_muscle(atlas, muscle, side, shown)
    assert panel.browser.toHtml() == fresh.browser.toHtml()
