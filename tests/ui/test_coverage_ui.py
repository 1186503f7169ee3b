"""What a person sees of a muscle no ball can reach (the pelvic floor) in the muscle panel, routine builder and
handout, on fixture data (tests/coverage_fixtures.py)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from hipmap import default_assets_dir, default_data_dir
from hipmap.core.content.atlas import load_atlas
from hipmap.core.pain.painmap import PainMap, region_marks
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


# ---------------------------------------------------------------------------------------- routine builder


def test_the_builder_offers_a_muscle_with_nothing_to_time_but_cannot_tick_it(qtbot, fixture_atlas, tmp_path):
    from hipmap.core.routine.library import RoutineLibrary
    from hipmap.ui.routine.builder import RoutineBuilder

    choices = [("pelvic_floor", "right", True), ("piriformis", "right", True)]
    builder = RoutineBuilder(fixture_atlas, choices, RoutineLibrary(tmp_path / "routines"))
    qtbot.addWidget(builder)
    items = {builder.muscle_list.item(i).data(Qt.UserRole): builder.muscle_list.item(i) for i in range(builder.muscle_list.count())}
    pelvic, piriformis = items[("pelvic_floor", "right")], items[("piriformis", "right")]
    assert not pelvic.flags() & Qt.ItemIsEnabled and pelvic.checkState() == Qt.Unchecked
    assert "nothing to time" in pelvic.text() and "neither a ball hold nor a stretch" in pelvic.toolTip()
    assert piriformis.checkState() == Qt.Checked and builder.ticked == {("piriformis", "right")}
    assert {s.muscle_id for s in builder.routine.steps} == {"piriformis"}


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


def test_the_handout_says_there_is_no_ball_and_what_is_safe_at_home(qapp, fixture_atlas):
    from hipmap.ui.handout.content import build_handout

    painmap = PainMap(tuple(region_marks(fixture_atlas, "sacrum_coccyx", "right", 6)))
    handout = build_handout(fixture_atlas, painmap, [("pelvic_floor", "right"), ("piriformis", "right")])
    text = handout_text(handout)
    pelvic = fixture_atlas.muscles["pelvic_floor"]
    assert "No ball for this muscle" in text and pelvic.self_care.instead.text in text and "What is safe at home" in text
    for fact in (*pelvic.self_care.instead.at_home, *pelvic.see_a_clinician):
        assert fact.text in text
    steps = [(s.kind, s.muscle_id) for s in handout.routine.steps]
    assert ("compression", "piriformis") in steps and not any(muscle == "pelvic_floor" for _kind, muscle in steps)
    # It lays out and prints.
    from hipmap.ui.handout.output import pdf_bytes

    data, layout = pdf_bytes(handout)
    assert data.startswith(b"%PDF") and layout.page_count >= 2
