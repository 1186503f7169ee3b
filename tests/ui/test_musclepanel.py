"""The muscle panel shows what a person needs to know about the selected muscle, in plain text."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QUrl

from hipmap.core.pain.painmap import PainMap, region_marks
from hipmap.ui.kit import style
from hipmap.ui.mainwindow.musclepanel import PLACEHOLDER, SAFETY_HEADING, MusclePanel


@pytest.fixture
def panel(qtbot):
    from hipmap.core.content.safety import load_red_flags

    w = MusclePanel()
    w.set_safety_signs(load_red_flags().see_a_clinician)  # as the main window does
    qtbot.addWidget(w)
    w.resize(420, 700)
    w.show()
    return w


@pytest.fixture(scope="module")
def candidate(atlas, matcher):
    result = matcher.match(PainMap(tuple(region_marks(atlas, "lateral_thigh", "right"))))
    return result.find("gluteus_minimus_anterior", "right")


def test_starts_with_a_placeholder_and_clears_back_to_it(panel, atlas):
    assert panel.accessibleName() == "Muscle details"
    assert panel.plain_text() == PLACEHOLDER and panel.placeholder.isVisible()
    panel.show_muscle(atlas, "piriformis", "left", None)
    assert panel.browser.isVisible() and panel.current() == ("piriformis", "left")
    panel.show_muscle(atlas, None, None, None)
    assert panel.plain_text() == PLACEHOLDER and panel.current() is None


def test_a_short_panel_scrolls_its_placeholder_instead_of_cutting_it(panel, qtbot):
    """At 2x text in Spanish on a 1280x720 screen the words were cut off at the top and the bottom."""
    from PySide6.QtWidgets import QApplication

    label = panel.placeholder
    font = label.font()
    big = type(font)(font)
    big.setPointSizeF(font.pointSizeF() * 2)
    try:
        label.setFont(big)
        panel.resize(420, 110)
        QApplication.processEvents()
        assert label.height() >= label.heightForWidth(label.width())  # every line of it laid out
        assert panel.placeholder_area.verticalScrollBar().maximum() > 0  # and reached by scrolling
    finally:
        label.setFont(font)
        panel.resize(420, 700)


def test_shows_the_muscle_its_reasons_symptoms_and_safety_advice(panel, atlas, candidate):
    muscle = atlas.muscles["gluteus_minimus_anterior"]
    panel.show_muscle(atlas, muscle.id, "right", candidate)
    text = panel.plain_text()
    assert muscle.name in text and "Right side" in text
    assert f"match {round(100 * candidate.score)}%" in text
    assert "Why it is suggested" in text and candidate.reasons[0] in text
    assert muscle.short.split(",")[0] in text
    assert muscle.symptoms[0].text in text
    assert "What can set it off" in text and muscle.activators[0].text in text
    assert "X marks" in text
    for point in muscle.points_on("anterior", "right"):
        assert point.note in text
    assert SAFETY_HEADING in text and "bladder or bowel" in text and "pins and needles" in text
    assert "Sources:" in text and atlas.sources["ts2"].title in text
    # Sections read in the order a person needs them.
    order = ["Why it is suggested", "About this muscle", "Where its trigger points are", "How its pain feels"]
    order += [SAFETY_HEADING, "Sources:"]
    assert [text.index(h) for h in order] == sorted(text.index(h) for h in order)


def test_without_a_candidate_there_is_no_reason_section(panel, atlas):
    panel.show_muscle(atlas, "piriformis", None, None)
    text = panel.plain_text()
    assert atlas.muscles["piriformis"].name in text and "Why it is suggested" not in text


def test_activators_section_is_hidden_when_there_are_none(panel, atlas):
    assert not atlas.muscles["sartorius"].activators
    panel.show_muscle(atlas, "sartorius", "left", None)
    text = panel.plain_text()
    assert "Sartorius" in text and "Left side" in text
    assert "What can set it off" not in text
    assert SAFETY_HEADING in text


def test_data_text_is_escaped_not_interpreted(panel, atlas):
    muscle = replace(atlas.muscles["piriformis"], description="a <b> c & d")
    panel.show_data(atlas, muscle, "right", None)
    assert "a <b> c & d" in panel.plain_text()


def test_trigger_point_links_emit_the_point_index(qtbot, atlas):
    w = MusclePanel(point_links=True)
    qtbot.addWidget(w)
    w.show_muscle(atlas, "sartorius", "right", None)
    assert "Show on diagram" in w.plain_text()
    with qtbot.waitSignal(w.triggerPointActivated) as blocker:
        w.browser.anchorClicked.emit(QUrl("trigger-point:2"))
    assert blocker.args == [2]


@pytest.mark.parametrize("dark", [False, True])
def test_follows_the_palette(qtbot, atlas, candidate, tmp_path, dark):
    w = MusclePanel()
    qtbot.addWidget(w)
    if dark:
        w.setPalette(style.dark_palette())
    w.resize(420, 900)
    w.show_muscle(atlas, candidate.muscle_id, candidate.side, candidate)
    w.show()
    qtbot.waitExposed(w)
    image = w.grab().toImage()
    assert image.save(str(tmp_path / f"panel_{'dark' if dark else 'light'}.png"))
    background = image.pixelColor(3, 3)
    assert (background.lightnessF() < 0.5) == dark
    # Text is drawn in the palette's text colour: some pixels near the title are far from the background.
    title = [image.pixelColor(x, y) for x in range(10, 300, 2) for y in range(10, 40, 2)]
    assert max(abs(c.lightnessF() - background.lightnessF()) for c in title) > 0.6
    # Switching palette later rebuilds the page in the new colours.
    w.setPalette(w.style().standardPalette() if dark else style.dark_palette())
    flipped = w.grab().toImage().pixelColor(3, 3)
    assert (flipped.lightnessF() < 0.5) != dark


def test_self_care_steps_with_doses_pictograms_and_honest_gaps(panel, atlas):
    panel.show_muscle(atlas, "gluteus_minimus_anterior", "right", None)
    text = panel.plain_text()
    care = atlas.muscles["gluteus_minimus_anterior"].self_care
    press = atlas.exercises[care.compression.exercise]
    assert "What you can do" in text and press.name in text
    assert f"Pressure {care.compression.pressure} out of 10" in text and f"hold {care.compression.hold_s} s" in text
    assert all(atlas.exercises[s].name in text for s in care.stretches)
    assert press.pictogram.name in panel.browser.toHtml()
    # A stretch done on both sides at once is not dosed "each side".
    panel.show_muscle(atlas, "pectineus", "right", None)
    butterfly = atlas.exercises["seated_butterfly"]
    assert butterfly.name in panel.plain_text() and butterfly.pictogram.name in panel.browser.toHtml()
    assert f"Hold {butterfly.hold_s} s · {butterfly.reps} times\n" in panel.plain_text()
    # Every shipped muscle has a stretch now; a muscle whose sources give none says so rather than invent one.
    from dataclasses import replace

    sartorius = atlas.muscles["sartorius"]
    panel.show_data(atlas, replace(sartorius, self_care=replace(sartorius.self_care, stretches=())), "right")
    assert "Our sources give no stretch for this muscle" in panel.plain_text()


def test_each_exercise_shows_its_cautions_and_the_sources_cover_the_exercises(panel, atlas):
    hamstring = atlas.exercises["lying_hamstring_stretch"]
    panel.show_data(atlas, atlas.muscles["biceps_femoris"], "right")
    text = panel.plain_text()
    assert "Take care:" in text and all(caution in text for caution in hamstring.cautions)
    for key in hamstring.sources:  # e.g. ACSM, only cited by the exercise
        assert atlas.sources[key].title.split(":")[0] in text


def test_the_panel_never_gets_narrow_enough_to_scroll_its_picture_sideways(qtbot, atlas):
    """With the muscle browser open at 1280x720 the details column was squeezed to about 270 px, and the muscle's
    picture (260 px plus the page's margins) made the panel scroll sideways."""
    from PySide6.QtWidgets import QApplication

    panel = MusclePanel()
    qtbot.addWidget(panel)
    panel.resize(200, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_muscle(atlas, "piriformis", "right", None)
    QApplication.processEvents()
    bar = panel.browser.horizontalScrollBar()
    assert panel.browser.width() >= panel.browser.minimumWidth() > 260
    assert bar.maximum() == 0 or not bar.isVisible()


def test_a_new_page_is_laid_out_once_at_the_width_it_is_shown_at(panel, atlas, monkeypatch):
    """A new page's document was given the browser's width before the browser took it: it laid itself out as the
    browser made its layout, then the browser laid it out again (about 1 ms of the 3 a new page took)."""
    from PySide6.QtGui import QTextDocument

    from hipmap.ui.mainwindow import musclepanel

    passes = []

    class Counted(QTextDocument):
        def __init__(self, parent=None):
            super().__init__(parent)
            # the layout is made in setDocument; each layout pass of the page then reports it, at its width
            self.documentLayoutChanged.connect(lambda: self.documentLayout().update.connect(self.counted))

        def counted(self, rect):
            passes.append(self.pageSize().width())

    monkeypatch.setattr(musclepanel, "QTextDocument", Counted)
    panel.show_muscle(atlas, "piriformis", "right", None)  # (the first page brings the vertical scroll bar)
    passes.clear()
    panel.show_muscle(atlas, "gluteus_medius", "left", None)
    doc = panel.browser.document()
    assert isinstance(doc, Counted) and len(passes) == 1, passes
    assert doc.textWidth() == panel.browser.viewport().width()
    bar = panel.browser.horizontalScrollBar()
    assert bar.maximum() == 0 or not bar.isVisible()
    assert atlas.muscles["gluteus_medius"].name in panel.plain_text()


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_muscle_s_details_give_one_pressure_its_own(qtbot, language):
    """The dose line and the steps say the same pressure out of 10: the muscle's own (deep ones need more), never
    the exercise's general figure beside it, in both languages."""
    import re

    from hipmap.core.content.atlas import load_atlas
    from hipmap.ui.kit import i18n

    atlas = load_atlas(language=language)
    i18n.install(language)
    panel = MusclePanel()
    qtbot.addWidget(panel)
    try:
        checked = 0
        for muscle in atlas.muscles.values():
            compression = muscle.self_care.compression if muscle.self_care else None
            if compression is None or compression.exercise not in atlas.exercises:
                continue
            panel.show_muscle(atlas, muscle.id, muscle.sides[0], None)
            text = panel.plain_text()
            said = set(re.findall(r"(\d+-\d+) (?:out of|sobre) 10", text))
            assert said == {compression.pressure}, (muscle.id, said, compression.pressure)
            assert "{pressure}" not in text
            checked += 1
        assert checked >= 20
    finally:
        i18n.install("en")
