"""What a person sees of the coverage issue's formats: a muscle no ball can reach (the pelvic floor) and a pattern
spanning both sides (rectus abdominis), in the muscle panel, candidate list, routine builder, handout and
presentation, on fixture data (tests/coverage_fixtures.py)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings, Qt

from hipmap import default_assets_dir, default_data_dir
from hipmap.core.content.atlas import load_atlas
from hipmap.core.pain.matching import MatchResult
from hipmap.core.pain.painmap import PainMap, region_marks
from hipmap.core.routine.model import Routine
from hipmap.ui.mainwindow.musclepanel import MUSCLE_SAFETY_HEADING, SAFETY_HEADING, MusclePanel
from tests.coverage_fixtures import add_fixture_muscles


@pytest.fixture
def fixture_atlas(tmp_path, monkeypatch):
    data, assets = tmp_path / "data", tmp_path / "assets"
    shutil.copytree(default_data_dir(), data)
    shutil.copytree(default_assets_dir(), assets)
    add_fixture_muscles(data, monkeypatch)
    return load_atlas(data, assets)


@pytest.fixture
def panel(qtbot):
    from hipmap.core.content.safety import load_red_flags

    w = MusclePanel()
    w.set_safety_signs(load_red_flags().see_a_clinician)
    qtbot.addWidget(w)
    w.resize(420, 700)
    w.show()
    return w


def both_sides_pain(atlas) -> PainMap:
    return PainMap(tuple(region_marks(atlas, "lower_back", "right", 6) + region_marks(atlas, "lower_back", "left", 6)))


# ---------------------------------------------------------------------------------------- muscle panel


def test_the_panel_says_there_is_no_ball_and_what_is_safe_at_home(panel, fixture_atlas):
    muscle = fixture_atlas.muscles["pelvic_floor"]
    panel.show_muscle(fixture_atlas, "pelvic_floor", "right")
    text = panel.plain_text()
    assert "No ball for this muscle" in text and muscle.self_care.instead.text in text
    assert "What is safe at home" in text
    for fact in muscle.self_care.instead.at_home:
        assert fact.text in text
    assert "Pressure" not in text and "Tennis ball" not in text
    assert "hipmap has no timed routine for this muscle" in text
    # Its own warning signs come first, before anything about the muscle; the general ones stay at the end.
    assert MUSCLE_SAFETY_HEADING in text
    for fact in muscle.see_a_clinician:
        assert fact.text in text
        assert text.index(MUSCLE_SAFETY_HEADING) < text.index(fact.text) < text.index("About this muscle")
    assert text.index("About this muscle") < text.index(SAFETY_HEADING)
    assert fixture_atlas.sources["factsheet"].title in text and fixture_atlas.sources["seed"].title in text


def test_a_muscle_without_warning_signs_of_its_own_shows_only_the_general_ones(panel, fixture_atlas):
    panel.show_muscle(fixture_atlas, "piriformis", "right")
    text = panel.plain_text()
    assert MUSCLE_SAFETY_HEADING not in text and "No ball for this muscle" not in text and SAFETY_HEADING in text


def test_the_panel_names_both_sides_for_a_bilateral_pattern(panel, fixture_atlas):
    panel.show_muscle(fixture_atlas, "rectus_abdominis", "both", None)
    text = panel.plain_text()
    assert "Both sides" in text and "Lying face down, the ball low on the belly" in text
    assert panel.accessibleDescription().endswith("both sides")
    note = fixture_atlas.muscles["rectus_abdominis"].trigger_points[0].note
    assert text.count(note) == 1  # one list of points: both sides have the same, mirrored


# ---------------------------------------------------------------------------------------- candidate list and window


@pytest.fixture
def fixture_window(qtbot, fixture_atlas, tmp_path):
    from hipmap.ui.mainwindow.window import MainWindow

    win = MainWindow(fixture_atlas, settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    win.files.autosave_timer.stop()
    win.files.clear_autosave()
    win.show()
    yield win
    win.document.undo_stack.setClean()
    win.files.clear_autosave()
    win.close()


def test_the_window_lists_a_bilateral_pattern_once_and_draws_it_on_both_sides(qtbot, fixture_window, fixture_atlas):
    from hipmap.ui.mainwindow.candidates import accessible_text

    win = fixture_window
    win.document.add_region("lower_back", "right", 6)
    win.document.add_region("lower_back", "left", 6)
    first = win.document.result.candidates[0]
    assert first.key == ("rectus_abdominis", "both")
    assert accessible_text(1, first).startswith("1. Rectus abdominis (lower part), both sides, match ")
    win.select_candidate("rectus_abdominis", "both")
    qtbot.waitUntil(lambda: "Both sides" in win.muscle_panel.plain_text())
    post = win.views["posterior"]
    assert post.overlay_items, "the pattern is drawn"
    assert "Showing Rectus abdominis (lower part), both sides:" in post.accessibleDescription()
    drawn = [item.sceneBoundingRect() for item in post.overlay_items]
    midline = fixture_atlas.views["posterior"].midline
    assert min(r.left() for r in drawn) < midline < max(r.right() for r in drawn)


def test_start_routine_says_why_there_is_none_for_a_muscle_with_nothing_to_time(fixture_window):
    win = fixture_window
    win.document.add_region("sacrum_coccyx", "right", 6)
    assert win.document.result.find("pelvic_floor", "right") is not None
    win.select_candidate("pelvic_floor", "right")
    assert win.selfcare.start_routine() is None and win.selfcare.player is None
    assert "hipmap has no timed routine for Pelvic floor muscles" in win.statusBar().currentMessage()


# ---------------------------------------------------------------------------------------- routine builder


def test_the_builder_offers_a_muscle_with_nothing_to_time_but_cannot_tick_it(qtbot, fixture_atlas, tmp_path):
    from hipmap.core.routine.library import RoutineLibrary
    from hipmap.ui.routine.builder import RoutineBuilder

    choices = [("pelvic_floor", "right", True), ("rectus_abdominis", "both", True)]
    builder = RoutineBuilder(fixture_atlas, choices, RoutineLibrary(tmp_path / "routines"))
    qtbot.addWidget(builder)
    items = {builder.muscle_list.item(i).data(Qt.UserRole): builder.muscle_list.item(i) for i in range(builder.muscle_list.count())}
    pelvic, rectus = items[("pelvic_floor", "right")], items[("rectus_abdominis", "both")]
    assert not pelvic.flags() & Qt.ItemIsEnabled and pelvic.checkState() == Qt.Unchecked
    assert "nothing to time" in pelvic.text() and "neither a ball hold nor a stretch" in pelvic.toolTip()
    assert rectus.text() == "Rectus abdominis (lower part), both sides" and rectus.checkState() == Qt.Checked
    assert builder.ticked == {("rectus_abdominis", "both")}
    presses = [(s.muscle_id, s.side) for s in builder.routine.steps if s.kind == "compression"]
    assert presses == [("rectus_abdominis", "right"), ("rectus_abdominis", "left")]
    assert builder.routine.name == "Rectus abdominis (lower part), both sides"
    # A saved routine with the bilateral muscle's steps opens with it ticked as "both".
    path = builder.library.save(Routine("Belly", builder.routine.steps))
    builder.set_ticked(frozenset())
    builder._refresh_saved()
    builder.saved_combo.setCurrentIndex(builder.saved_combo.findData(str(path)))
    builder.open_saved()
    assert builder.ticked == {("rectus_abdominis", "both")}


def test_builder_choices_without_pain_offer_a_bilateral_muscle_once(fixture_atlas):
    from hipmap.ui.routine.builder import builder_choices

    choices = builder_choices(MatchResult(), None, fixture_atlas)
    rectus = [(m, s) for m, s, _t in choices if m == "rectus_abdominis"]
    assert rectus == [("rectus_abdominis", "both")]
    assert ("pelvic_floor", "right") in [(m, s) for m, s, _t in choices] and ("pelvic_floor", "left") in [(m, s) for m, s, _t in choices]


# ---------------------------------------------------------------------------------------- handout


def handout_text(handout) -> str:
    from hipmap.ui.handout.blocks import HtmlBlock, ItemsBlock
    from hipmap.ui.handout.figures import FiguresBlock
    from hipmap.ui.handout.sections import handout_blocks

    parts = []
    for block in handout_blocks(handout):
        if isinstance(block, HtmlBlock):
            parts.append(block.html)
        elif isinstance(block, FiguresBlock):
            parts += [block.heading_html, block.side_html]
        elif isinstance(block, ItemsBlock):
            parts += [block.heading, block.intro, *block.items]
    return "\n".join(parts)


def test_the_handout_says_there_is_no_ball_and_names_both_sides(qapp, fixture_atlas):
    from hipmap.ui.handout.content import build_handout

    painmap = both_sides_pain(fixture_atlas)
    handout = build_handout(fixture_atlas, painmap, [("pelvic_floor", "right"), ("rectus_abdominis", "right")])
    assert [(m.muscle.id, m.side) for m in handout.muscles] == [("pelvic_floor", "right"), ("rectus_abdominis", "both")]
    assert handout.sides == ("right", "left")
    text = handout_text(handout)
    pelvic = fixture_atlas.muscles["pelvic_floor"]
    assert "No ball for this muscle" in text and pelvic.self_care.instead.text in text and "What is safe at home" in text
    for fact in (*pelvic.self_care.instead.at_home, *pelvic.see_a_clinician, *fixture_atlas.muscles["rectus_abdominis"].see_a_clinician):
        assert fact.text.replace("'", "&#x27;") in text or fact.text in text
    assert "Rectus abdominis (lower part) — both sides" in text
    assert "Rectus abdominis (lower part)</b>, both sides" in text
    steps = [(s.kind, s.muscle_id, s.side) for s in handout.routine.steps]
    assert ("compression", "rectus_abdominis", "right") in steps and ("compression", "rectus_abdominis", "left") in steps
    assert not any(kind == "compression" and muscle == "pelvic_floor" for kind, muscle, _side in steps)
    # It lays out and prints.
    from hipmap.ui.handout.output import pdf_bytes

    data, layout = pdf_bytes(handout)
    assert data.startswith(b"%PDF") and layout.page_count >= 2


# ---------------------------------------------------------------------------------------- presentation


def test_a_bilateral_pattern_is_presented_on_both_sides(qtbot, fixture_atlas):
    from hipmap.ui.present.window import PresentationWindow, muscles_to_present

    assert ("rectus_abdominis", "both") in muscles_to_present(fixture_atlas)
    w = PresentationWindow(fixture_atlas, [("rectus_abdominis", "both"), ("piriformis", "left")], animation_ms=0)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    assert len(w.slides) == 2 and w.side_label.text() == "Both sides"
    assert {"posterior", "lateral_right", "lateral_left"} <= set(w.row.shown)
    posterior = w.diagrams["posterior"]
    assert posterior.layers["essential"].childItems(), "the pattern is drawn"
