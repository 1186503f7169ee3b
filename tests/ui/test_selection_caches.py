"""Selecting a muscle shown before reuses what was made for it (the muscle panel's page, a diagram's overlay items):
what is shown must be exactly what a fresh build shows, and follow every change that alters it: another muscle,
side, language, palette, the candidate's figures, the font, the View > Layers toggles."""

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from hipmap.ui.kit.colors import diagram_style
from hipmap.ui.mainwindow.musclepanel import MusclePanel

A, B = "vastus_lateralis", "piriformis"


def _settle(qtbot, window=None):
    """The event loop's next turns; with WINDOW, the panel's page laid out to its end (Qt lays out a long page in
    steps, and the scroll bar's handle follows)."""
    QApplication.processEvents()
    if window is not None:
        window.muscle_panel.browser.document().documentLayout().documentSize()
    QApplication.processEvents()


def _fresh_html(qtbot, window, muscle_id, side, note="") -> str:
    """The page a new panel makes for the same muscle, side, candidate and palette."""
    fresh = MusclePanel()
    qtbot.addWidget(fresh)
    fresh.setPalette(window.muscle_panel.palette())
    fresh.set_safety_signs(window.muscle_panel.safety_signs)
    fresh.resize(window.muscle_panel.size())
    fresh.show_muscle(window.atlas, muscle_id, side, window.document.result.find(muscle_id, side), note=note)
    return fresh.browser.toHtml()


def _panel_matches_fresh(qtbot, window):
    muscle_id, side = window.selected
    return window.muscle_panel.browser.toHtml() == _fresh_html(qtbot, window, muscle_id, side, window.muscle_panel.note)


def test_the_panel_shows_a_muscle_again_as_a_fresh_page_and_follows_side_and_figures(window, qtbot):
    window.document.add_region("lateral_thigh", "right", 6)
    window.select_candidate(A, "right")
    _settle(qtbot)
    first = window.muscle_panel.plain_text()
    assert first.startswith("Vastus lateralis") and "Right side" in first
    window.select_any(B, "right")
    _settle(qtbot)
    assert window.muscle_panel.plain_text().startswith("Piriformis")
    window.select_candidate(A, "right")
    _settle(qtbot)
    assert window.muscle_panel.plain_text() == first and _panel_matches_fresh(qtbot, window)
    window.select_any(A, "left")  # another side
    _settle(qtbot)
    assert "Left side" in window.muscle_panel.plain_text() and _panel_matches_fresh(qtbot, window)
    # New figures for a muscle whose page was kept: another mark changes its match and reasons.
    window.select_any(B, "right")
    _settle(qtbot)
    before = window.document.result.find(A, "right")
    window.document.add_region("lateral_knee", "right", 8)
    after = window.document.result.find(A, "right")
    assert after is not None and (after.score, after.reasons) != (before.score, before.reasons)
    window.select_candidate(A, "right")
    _settle(qtbot)
    text = window.muscle_panel.plain_text()
    assert f"match {round(100 * after.score)}%" in text and all(r in text for r in after.reasons)
    assert _panel_matches_fresh(qtbot, window)


def test_the_panel_follows_the_palette_the_language_and_the_font(window, qtbot):
    from hipmap.ui.kit import i18n

    window.document.add_region("lateral_thigh", "right", 6)
    window.select_candidate(A, "right")
    _settle(qtbot)
    light, english = window.muscle_panel.browser.toHtml(), window.muscle_panel.plain_text()
    window.select_any(B, "right")
    window.set_high_contrast(True)
    try:
        window.select_candidate(A, "right")
        _settle(qtbot)
        assert window.muscle_panel.browser.toHtml() != light and _panel_matches_fresh(qtbot, window)
    finally:
        window.set_high_contrast(False)
    _settle(qtbot)
    window.select_any(B, "right")
    window.select_candidate(A, "right")
    _settle(qtbot)
    assert window.muscle_panel.browser.toHtml() == light

    try:
        window.language_actions["es"].trigger()
        _settle(qtbot)
        assert window.muscle_panel.plain_text().startswith("Vasto lateral")
        window.select_any(B, "right")
        window.select_candidate(A, "right")
        _settle(qtbot)
        assert window.muscle_panel.plain_text().startswith("Vasto lateral") and "Lado derecho" in window.muscle_panel.plain_text()
        assert _panel_matches_fresh(qtbot, window)
    finally:
        window.language_actions["en"].trigger()
        i18n.install("en")
    _settle(qtbot)
    window.select_any(B, "right")
    window.select_candidate(A, "right")
    _settle(qtbot)
    assert window.muscle_panel.plain_text() == english and _panel_matches_fresh(qtbot, window)

    big = QFont(window.muscle_panel.font())
    big.setPointSizeF(big.pointSizeF() * 1.5)
    window.muscle_panel.setFont(big)
    window.select_any(B, "right")
    window.select_candidate(A, "right")
    _settle(qtbot)
    shown = window.muscle_panel.browser.document().defaultFont()
    assert shown.pointSizeF() == pytest.approx(big.pointSizeF())


def _shown(view, layer):
    return [i for i in view.overlay_items + view.muscle_layer.items if i.data(0) == layer and i.isVisible() and i.scene() is view.scene()]


def test_overlays_shown_again_follow_the_layer_toggles_the_look_and_the_language(window, qtbot):
    from hipmap.ui.kit import i18n

    view = window.views["lateral_right"]
    window.select_any(A, "right")
    assert _shown(view, "zones") and _shown(view, "points") and _shown(view, "muscle")
    window.set_layer_visible("zones", False)
    assert not _shown(view, "zones") and _shown(view, "points")
    window.select_any(B, "right")
    window.select_any(A, "right")
    assert not _shown(view, "zones") and _shown(view, "points") and _shown(view, "muscle")
    window.set_layer_visible("zones", True)
    window.set_layer_visible("points", False)
    window.select_any(B, "right")
    window.select_any(A, "right")
    assert _shown(view, "zones") and not _shown(view, "points")
    window.set_layer_visible("points", True)
    assert _shown(view, "points")
    # Only the items of the muscle shown are in the scene.
    in_scene = [i for i in view.scene().items() if i.data(0) in ("zones", "points", "muscle")]
    assert set(map(id, in_scene)) == set(map(id, view.overlay_items + view.muscle_layer.items))

    def edge_width():
        return next(i.pen().widthF() for i in view.overlay_items if i.toolTip().endswith("essential zone"))

    normal = edge_width()
    window.select_any(B, "right")
    window.set_high_contrast(True)
    try:
        window.select_any(A, "right")
        assert edge_width() == diagram_style().essential_edge != normal
    finally:
        window.set_high_contrast(False)
    window.select_any(B, "right")
    window.select_any(A, "right")
    assert edge_width() == normal

    try:
        window.language_actions["es"].trigger()
        window.select_any(B, "right")
        window.select_any(A, "right")
        assert all(i.toolTip().startswith("Vasto lateral") for i in view.overlay_items)
        assert "Vasto lateral" in view.accessibleDescription()
    finally:
        window.language_actions["en"].trigger()
        i18n.install("en")
    window.select_any(B, "right")
    window.select_any(A, "right")
    assert all(i.toolTip().startswith("Vastus lateralis") for i in view.overlay_items)


def test_every_muscle_shown_again_looks_exactly_as_it_did_first(window, qtbot):
    """Pixel for pixel, every diagram and the panel: the kept items and pages draw what new ones drew."""
    window.set_layout_mode("side")
    window.document.add_region("buttock_center", "right", 6)
    _settle(qtbot)
    first = {}
    muscles = list(window.atlas.muscles.values())
    for muscle in muscles + muscles[:1]:  # (the first again, so that every one is shown after another)
        side = muscle.sides[0]
        window.select_any(muscle.id, side)
        _settle(qtbot, window)
        grabs = [v.viewport().grab().toImage() for v in window.views.values()] + [window.muscle_panel.browser.viewport().grab().toImage()]
        if muscle.id in first:
            continue
        first[muscle.id] = grabs
    for muscle in reversed(muscles):
        window.select_any(muscle.id, muscle.sides[0])
        _settle(qtbot, window)
        grabs = [v.viewport().grab().toImage() for v in window.views.values()] + [window.muscle_panel.browser.viewport().grab().toImage()]
        names = [*window.views, "panel"]
        assert [n for n, a, b in zip(names, grabs, first[muscle.id]) if a != b] == [], muscle.id


def test_a_diagrams_words_for_its_marks_follow_the_marks_and_the_language_between_selections(window, qtbot):
    """The marks' words are made once per marks and language, not on every selection: they still follow a new
    mark, an undo and the language."""
    from hipmap.ui.kit import i18n

    window.show_view("lateral_right")
    view = window.views["lateral_right"]
    assert view.accessibleDescription().startswith("No marks.")
    window.document.add_region("lateral_thigh", "right", 6)
    window.select_any(A, "right")
    text = view.accessibleDescription()
    assert text.startswith("1 mark: right outer thigh (pain 6)") and "Showing Vastus lateralis" in text, text
    window.select_any(B, "right")
    assert view.accessibleDescription().startswith("1 mark: right outer thigh (pain 6)")
    window.document.add_region("lateral_knee", "right", 8)
    window.select_any(A, "right")
    assert view.accessibleDescription().startswith("2 marks: right outer thigh (pain 6)"), view.accessibleDescription()
    try:
        window.language_actions["es"].trigger()
        window.select_any(B, "right")
        assert view.accessibleDescription().startswith("2 marcas"), view.accessibleDescription()
    finally:
        window.language_actions["en"].trigger()
        i18n.install("en")
    window.document.undo_stack.undo()
    window.select_any(A, "right")
    assert view.accessibleDescription().startswith("1 mark: right outer thigh (pain 6)")


def test_the_top_candidates_pages_are_made_ahead_and_read_and_look_as_pages_made_when_chosen(window, qtbot, monkeypatch):
    """Once the window is idle, the pages of the candidates at the top of the list are made ahead (picture, text,
    parsed document): choosing one then parses nothing, and it shows what a page made on the spot shows."""
    from hipmap.ui.mainwindow.window import PREPARED_CANDIDATES

    window.document.add_region("lateral_thigh", "right", 6)
    top = window.document.result.candidates[:PREPARED_CANDIDATES]
    assert len(top) >= 3
    window.select_candidate(*top[0].key)
    _settle(qtbot, window)
    panel = window.muscle_panel
    qtbot.waitUntil(lambda: not window._prepare_timer.isActive() and len(panel._parsed) == len(top) - 1, timeout=10000)
    parsed = []
    real_parse = panel._parse
    monkeypatch.setattr(panel, "_parse", lambda page: parsed.append(page) or real_parse(page))
    pictures = []
    for candidate in top[1:3]:
        window.select_candidate(*candidate.key)
        _settle(qtbot, window)
        assert parsed == [] and panel.plain_text().startswith(window.atlas.muscles[candidate.muscle_id].name)
        assert _panel_matches_fresh(qtbot, window)
        pictures.append(panel.browser.viewport().grab().toImage())
    panel.changed_font()  # every page dropped: made again on the spot
    window.select_candidate(*top[0].key)
    _settle(qtbot, window)
    for candidate, before in zip(top[1:3], pictures):
        window.select_candidate(*candidate.key)
        _settle(qtbot, window)
        assert len(parsed) > 0 and panel.browser.viewport().grab().toImage() == before, candidate.key


def test_a_page_put_away_is_no_longer_laid_out_and_shows_again_whole(window, qtbot):
    """Qt lays out a long page in steps after it is shown; a page put away (another muscle chosen) stops, rather
    than go on in the turns where the next page is shown, and is laid out again when it is shown again."""
    window.set_layout_mode("side")
    window.document.add_region("buttock_center", "right", 6)
    _settle(qtbot)
    window.select_any(A, "right")
    QApplication.processEvents()  # (its page shown: the part on screen laid out, the rest to follow in steps)
    page = window.muscle_panel.browser.document()
    first = window.muscle_panel.plain_text()
    window.select_any(B, "right")
    _settle(qtbot, window)
    assert window.muscle_panel.browser.document() is not page
    assert any(kept[0] is page for kept in window.muscle_panel._documents.values())  # kept to show again
    qtbot.wait(60)  # several of Qt's 10 ms layout steps
    block, lines = page.begin(), 0
    while block.isValid():
        lines += block.layout().lineCount()
        block = block.next()
    assert lines == 0
    window.select_any(A, "right")
    _settle(qtbot, window)
    assert window.muscle_panel.browser.document() is page
    assert window.muscle_panel.plain_text() == first and _panel_matches_fresh(qtbot, window)
    bar = window.muscle_panel.browser.verticalScrollBar()
    assert bar.maximum() > 0  # laid out to its end again: the whole page scrolls


def test_a_view_not_showing_draws_the_muscle_selected_when_it_is_shown(window, atlas):
    """A selection draws on the diagram in sight; another tab's diagram takes the muscle it showed off at once and
    draws the new one when it is shown, before it paints."""
    def drawn(view, muscle_id):
        name = atlas.muscles[muscle_id].name
        return [i for i in view.scene().items() if i.toolTip().startswith(name)]

    window.show_view("posterior")
    window.document.add_region("lateral_thigh", "right", 6)
    window.select_any(A, "right")
    back, side = window.views["posterior"], window.views["lateral_right"]
    assert back.isVisible() and not side.isVisible()
    assert drawn(back, A) and "Showing Vastus lateralis" in back.accessibleDescription()
    assert not drawn(side, A) and "Showing" not in side.accessibleDescription()  # not drawn while not showing
    window.show_view("lateral_right")  # shown: drawn before it paints
    assert drawn(side, A) and "Showing Vastus lateralis" in side.accessibleDescription()
    assert set(map(id, drawn(side, A))) <= set(map(id, side.overlay_items + side.muscle_layer.items))
    late = side.viewport().grab().toImage()
    window.select_any(B, "right")
    window.select_any(A, "right")  # drawn at once, in sight: the same picture
    assert side.viewport().grab().toImage() == late
    window.select_any(B, "right")  # piriformis, seen from the back
    assert not drawn(back, A) and not drawn(back, B)  # the back view, hidden now, took vastus lateralis off
    assert "Showing" not in back.accessibleDescription()
    window.show_view("posterior")
    assert drawn(back, B) and "Showing Piriformis" in back.accessibleDescription()
