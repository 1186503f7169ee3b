"""Presentation mode, driven by real key presses: what the audience sees at each step."""

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QLabel, QWidget

from hipmap.core.pain.painmap import PainMap, region_marks
from hipmap.ui.present.window import PresentationWindow, muscles_to_present
from hipmap.ui.present.slidediagram import Drawing

MUSCLES = [("gluteus_minimus_anterior", "right"), ("piriformis", "left"), ("pectineus", "right")]
SECRET_NAME = "Jane Q. Patient"
SECRET_NOTE = "private note: DOB 1970-01-01, knee surgery"


@pytest.fixture
def make(qtbot, atlas):
    def build(muscles=MUSCLES, painmap=None, **kwargs):
        kwargs.setdefault("animation_ms", 0)
        w = PresentationWindow(atlas, muscles, painmap, **kwargs)
        qtbot.addWidget(w)
        w.resize(1280, 720)
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        return w

    return build


def key(qtbot, w, k, modifier=Qt.NoModifier, times=1):
    for _ in range(times):
        qtbot.keyClick(w, k, modifier)


def name(w):
    return w.name_label.text()


def legend_shown(w):
    return {kind for kind, entry in w.legend_entries.items() if entry.isVisible()}


def test_page_down_shows_trigger_points_then_the_pattern_then_the_next_muscle(qtbot, make, atlas):
    w = make()
    assert name(w) == atlas.muscles["gluteus_minimus_anterior"].name
    assert w.side_label.text() == "Right side"
    assert w.counter_label.text() == "1 / 3"
    assert w.shown_views() == ["posterior", "lateral_right", "anterior"]
    assert not w.layer_shown("points") and not w.layer_shown("zones")
    assert w.layer_shown("outline")
    # the first build shows the muscle only: where it lies, before its trigger points and pattern
    assert w.layer_shown("muscle") and legend_shown(w) == {"muscle"}
    lateral = w.diagrams["lateral_right"]
    kinds = {i.data(1) for i in lateral.layers["muscle"].childItems()}
    assert kinds == {"muscle", "fibres", "ghost"}  # deep: drawn under gluteus medius and TFL, ghosted

    key(qtbot, w, Qt.Key_PageDown)
    assert w.layer_shown("points") and not w.layer_shown("zones")
    assert legend_shown(w) == {"muscle", "points"}

    key(qtbot, w, Qt.Key_PageDown)
    assert w.layer_shown("points") and w.layer_shown("zones")
    assert legend_shown(w) == {"muscle", "points", "essential", "spill"}
    assert all(w.diagrams[v].layers["essential"].opacity() == 1.0 for v in w.shown_views())

    key(qtbot, w, Qt.Key_PageDown)
    assert name(w) == atlas.muscles["piriformis"].name
    assert w.side_label.text() == "Left side"
    assert w.counter_label.text() == "2 / 3"
    assert w.shown_views() == ["posterior", "lateral_left"]  # no zone and no trigger point on the front view
    assert not w.layer_shown("points") and not w.layer_shown("zones")
    assert w.diagrams["posterior"].isVisible() and not w.diagrams["anterior"].isVisible()


def test_page_up_steps_back_through_the_same_builds(qtbot, make, atlas):
    w = make()
    key(qtbot, w, Qt.Key_PageDown, times=3)
    assert (w.current(), w.stage()) == (("piriformis", "left"), 0)
    key(qtbot, w, Qt.Key_PageUp)  # back to the previous muscle as it was left: fully built
    assert name(w) == atlas.muscles["gluteus_minimus_anterior"].name
    assert w.layer_shown("zones") and w.layer_shown("points")
    key(qtbot, w, Qt.Key_PageUp)
    assert w.layer_shown("points") and not w.layer_shown("zones")
    key(qtbot, w, Qt.Key_PageUp)
    assert not w.layer_shown("points")
    key(qtbot, w, Qt.Key_PageUp)  # already at the start: nothing happens
    assert (w.current(), w.stage()) == (("gluteus_minimus_anterior", "right"), 0)


def test_clicker_and_arrow_keys_home_and_end(qtbot, make, atlas):
    w = make()
    for k in (Qt.Key_Right, Qt.Key_Space, Qt.Key_Down):
        key(qtbot, w, k)
    assert w.current() == ("piriformis", "left")
    key(qtbot, w, Qt.Key_Left)
    assert w.current() == ("gluteus_minimus_anterior", "right") and w.stage() == 2
    key(qtbot, w, Qt.Key_End)
    assert name(w) == atlas.muscles["pectineus"].name and w.shown_views() == ["anterior"]
    assert w.counter_label.text() == "3 / 3"
    key(qtbot, w, Qt.Key_PageDown, times=2)
    key(qtbot, w, Qt.Key_PageDown)  # past the last step: it stays, and says so
    assert w.current() == ("pectineus", "right") and w.stage() == 2
    assert "last muscle" in w.toast.text() and w.toast.isVisible()
    key(qtbot, w, Qt.Key_Home)
    assert w.current() == ("gluteus_minimus_anterior", "right") and w.stage() == 0


def test_number_keys_toggle_layers_and_say_so(qtbot, make, atlas):
    w = make(painmap=_painmap(atlas))
    key(qtbot, w, Qt.Key_PageDown, times=2)
    assert w.layer_shown("zones")

    key(qtbot, w, Qt.Key_3)
    assert not w.layer_shown("zones") and w.layer_shown("points")
    assert w.toast.isVisible() and w.toast.text() == "Zones off"
    assert not w.layer_actions["zones"].isChecked()
    assert legend_shown(w) == {"muscle", "points", "marks"}
    key(qtbot, w, Qt.Key_3, Qt.KeypadModifier)  # the number pad works too
    assert w.layer_shown("zones") and w.toast.text() == "Zones on"

    key(qtbot, w, Qt.Key_4)
    assert not w.layer_shown("points") and w.toast.text() == "Trigger points off"
    key(qtbot, w, Qt.Key_5)
    assert not w.layer_shown("marks") and w.toast.text() == "Pain marks off"
    key(qtbot, w, Qt.Key_1)
    drawings = [i for v in w.shown_views() for i in w.diagrams[v].scene().items() if isinstance(i, Drawing)]
    assert drawings and not any(d.isVisible() for d in drawings)
    assert w.toast.text() == "Outline off"
    assert not w.layer_shown("regions")
    key(qtbot, w, Qt.Key_2)
    assert w.layer_shown("regions") and w.toast.text() == "Regions on"
    key(qtbot, w, Qt.Key_6)
    assert not w.layer_shown("muscle") and w.toast.text() == "Muscle off" and "muscle" not in legend_shown(w)
    key(qtbot, w, Qt.Key_6)
    assert w.layer_shown("muscle")

    # A layer switched off stays off on the next muscle.
    key(qtbot, w, Qt.Key_PageDown, times=3)
    assert not w.layer_shown("outline") and not w.layer_shown("marks")


def test_the_toast_goes_away_by_itself(qtbot, make):
    w = make(toast_ms=30)
    key(qtbot, w, Qt.Key_3)
    assert w.toast.isVisible()
    qtbot.waitUntil(lambda: not w.toast.isVisible(), timeout=2000)


def test_the_pattern_is_revealed_essential_zone_first(qtbot, make):
    w = make(animation_ms=600)
    key(qtbot, w, Qt.Key_PageDown, times=2)
    assert w.reveal.state() == w.reveal.State.Running
    w.reveal.pause()
    essential = w.diagrams["lateral_right"].layers["essential"]
    spill = w.diagrams["lateral_right"].layers["spill"]
    w.reveal.setCurrentTime(0)
    assert essential.opacity() == 0.0 and spill.opacity() == 0.0
    assert not w.layer_shown("zones")
    w.reveal.setCurrentTime(90)
    assert 0.0 <= spill.opacity() < essential.opacity() < 1.0
    assert essential.scale() < 1.0  # it grows in as well as fading in
    w.reveal.setCurrentTime(600)
    assert essential.opacity() == 1.0 and spill.opacity() == 1.0 and essential.scale() == 1.0
    # Stepping on in the middle of a reveal stops it cleanly.
    w.reveal.setCurrentTime(100)
    w.reveal.resume()
    key(qtbot, w, Qt.Key_PageDown)
    assert w.reveal.state() == w.reveal.State.Stopped
    assert w.current() == ("piriformis", "left")


def test_escape_closes_and_emits_closed_once(qtbot, make):
    w = make()
    seen = []
    w.closed.connect(lambda: seen.append(True))
    with qtbot.waitSignal(w.closed, timeout=1000):
        key(qtbot, w, Qt.Key_Escape)
    assert not w.isVisible()
    w.close()
    assert seen == [True]


def test_show_presentation_fills_the_screen(qtbot, atlas):
    w = PresentationWindow(atlas, MUSCLES, animation_ms=0)
    qtbot.addWidget(w)
    w.show_presentation()
    qtbot.waitExposed(w)
    assert w.isFullScreen()
    assert w.name_label.font().pixelSize() >= 0.04 * w.height()  # large type: at least 4% of the screen
    w.close()


def test_spotlight_toggles_and_follows_the_pointer(qtbot, make):
    w = make()
    assert not w.spotlight.isVisible()
    key(qtbot, w, Qt.Key_S)
    assert w.spotlight.isVisible() and w.toast.text() == "Spotlight on"
    assert w.spotlight.geometry() == w.rect()
    assert w.spotlight.testAttribute(Qt.WA_TransparentForMouseEvents)  # clicks go to the slide

    viewport = w.diagrams["lateral_right"].viewport()
    spot = QPoint(viewport.width() // 2, viewport.height() // 3)
    qtbot.mouseMove(viewport, spot)
    assert w.spotlight.center == viewport.mapTo(w, spot)
    qtbot.mouseMove(w.name_label, QPoint(5, 5))
    assert w.spotlight.center == w.name_label.mapTo(w, QPoint(5, 5))
    # Everything away from the light is dimmed: the bright body drawing is darker than without the spotlight.
    far = viewport.mapTo(w, QPoint(viewport.width() // 2, viewport.height() * 9 // 10))
    dimmed = w.grab().toImage().pixelColor(far).lightness()
    key(qtbot, w, Qt.Key_L)
    assert not w.spotlight.isVisible() and w.toast.text() == "Spotlight off"
    assert w.grab().toImage().pixelColor(far).lightness() > dimmed


def test_blank_screen_and_back(qtbot, make):
    w = make()
    key(qtbot, w, Qt.Key_B)
    assert w.blank.isVisible()
    key(qtbot, w, Qt.Key_PageDown)  # the first step only brings the slide back
    assert not w.blank.isVisible() and w.stage() == 0
    key(qtbot, w, Qt.Key_Period)
    key(qtbot, w, Qt.Key_Period)
    assert not w.blank.isVisible()


def _painmap(atlas):
    marks = region_marks(atlas, "lateral_thigh", "right", 7) + region_marks(atlas, "buttock_center", "left", 4)
    return PainMap(tuple(marks), note=SECRET_NOTE)


def everything_written(w) -> list[str]:
    """Every text the window could show or announce: labels, titles, tooltips, accessible names, scene text."""
    texts = [w.windowTitle(), w.accessibleName(), w.accessibleDescription()]
    for widget in (w, *w.findChildren(QWidget)):
        texts += [widget.windowTitle(), widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
    for action in w.actions():
        texts += [action.text(), action.toolTip(), action.statusTip()]
    for diagram in w.diagrams.values():
        for item in diagram.scene().items():
            texts.append(item.toolTip())
            if isinstance(item, QGraphicsSimpleTextItem):
                texts.append(item.text())
    return texts


def test_no_personal_data_anywhere(qtbot, make, atlas):
    base = _painmap(atlas)
    # Whatever a pain map may carry about the person, only its marks reach the screen.
    painmap = SimpleNamespace(marks=base.marks, note=SECRET_NOTE, person=SECRET_NAME, name=SECRET_NAME,
                              created="2024-05-01T10:00:00+00:00", path="/home/jane/Jane Q. Patient.hipmap.json")
    w = make(painmap=painmap)
    assert w.layer_shown("marks")  # the marks are there: the check below is not vacuous
    assert legend_shown(w) == {"muscle", "marks"}
    pages = []
    for k in (Qt.Key_PageDown, Qt.Key_PageDown, Qt.Key_F1, Qt.Key_S, Qt.Key_2, Qt.Key_PageDown):
        key(qtbot, w, k)
        pages += everything_written(w)
    joined = "\n".join(pages)
    for secret in ("Jane", "Patient", "DOB", "private note", "knee surgery", "2024-05-01", ".hipmap.json"):
        assert secret not in joined


def test_an_empty_list_shows_a_friendly_message(qtbot, make):
    w = make(muscles=[("not_a_muscle", "right"), ("piriformis", "sideways")])
    assert w.empty_label.isVisible()
    assert "No muscles to present" in w.empty_label.text() and "Esc" in w.empty_label.text()
    assert not w.name_label.isVisible() and not w.row.isVisible()
    for k in (Qt.Key_PageDown, Qt.Key_PageUp, Qt.Key_Home, Qt.Key_End, Qt.Key_3, Qt.Key_S, Qt.Key_F1):
        key(qtbot, w, k)
    assert w.current() is None and not w.layer_shown("zones")
    with qtbot.waitSignal(w.closed, timeout=1000):
        key(qtbot, w, Qt.Key_Escape)


def test_muscles_to_present(atlas, matcher):
    result = matcher.match(_painmap(atlas))
    keys = muscles_to_present(atlas, result.candidates)
    assert keys == [c.key for c in result.candidates] and keys
    everything = muscles_to_present(atlas, [])
    assert everything == [(m, "both" if atlas.muscles[m].bilateral else "right") for m in atlas.muscles]
    assert len(everything) == 27 and ("rectus_abdominis", "both") in everything


def test_every_key_is_an_action_with_a_tooltip(make):
    w = make()
    texts = {a.text(): a for a in w.actions()}
    for label in ("Next", "Back", "Outline", "Regions", "Zones", "Trigger points", "Pain marks", "Spotlight",
                  "Exit presentation"):
        assert not texts[label].shortcut().isEmpty() and "(" in texts[label].toolTip()


def test_regions_are_named_under_the_pointer_when_shown(qtbot, make, atlas):
    w = make()
    diagram = w.diagrams["posterior"]
    point = atlas.views["posterior"].regions[("buttock_center", "right")].representative_point()
    at = diagram.mapFromScene(QPointF(point.x, point.y))
    qtbot.mouseMove(diagram.viewport(), at)
    assert w.row.hovers["posterior"].text() == ""  # regions are off by default: nothing is named
    key(qtbot, w, Qt.Key_2)
    qtbot.mouseMove(diagram.viewport(), at + QPoint(1, 0))
    expected = f"Right {atlas.regions['buttock_center'].name[0].lower()}{atlas.regions['buttock_center'].name[1:]}"
    assert w.row.hovers["posterior"].text() == expected
    assert w.row.hovers["posterior"].isVisible()
    key(qtbot, w, Qt.Key_2)
    assert w.row.hovers["posterior"].text() == ""


def test_f5_in_the_main_window_presents_the_ranked_muscles_from_the_selected_one(window, atlas, qtbot):
    from PySide6.QtTest import QTest

    from .conftest import region_centre
    from .test_mainwindow import click

    for region in ("lateral_thigh", "lateral_leg"):
        click(window.views["lateral_right"], *region_centre(atlas, "lateral_right", region))
    second = window.document.result.candidates[1]
    window.select_candidate(*second.key)
    QTest.keyClick(window, Qt.Key_F5)
    shown = window.practice.presentation
    assert shown is not None and shown.isFullScreen()
    assert shown.current() == second.key and name(shown) == second.name
    shown.windowHandle().requestActivate()
    qtbot.waitUntil(shown.isActiveWindow, timeout=2000)
    with qtbot.waitSignal(shown.closed):
        qtbot.keyClick(shown, Qt.Key_Escape)
    assert window.practice.presentation is None


def test_a_muscle_is_shown_on_every_view_where_it_lies_even_without_zones_there(qtbot, atlas):
    """Presentation picks the views by the muscle's shape too: a view where it lies is shown though its pain
    pattern and trigger points are on another view only."""
    import dataclasses

    muscle = atlas.muscles["gluteus_maximus"]
    lies_on = {v for (s, v) in atlas.anatomy["gluteus_maximus"].shapes if s == "right"}
    assert {"posterior", "lateral_right"} <= lies_on
    only_back = dataclasses.replace(
        muscle,
        zones={k: z for k, z in muscle.zones.items() if k[2] == "posterior"},
        trigger_points=tuple(p for p in muscle.trigger_points if p.view == "posterior"),
    )  # fmt: skip
    trimmed = dataclasses.replace(atlas, muscles={**atlas.muscles, "gluteus_maximus": only_back})
    w = PresentationWindow(trimmed, [("gluteus_maximus", "right")], None, animation_ms=0)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    assert w.shown_views() == [v for v in ("posterior", "lateral_right", "anterior") if v in lies_on]
    assert w.diagrams["lateral_right"].isVisible() and w.layer_shown("muscle")
    kinds = {i.data(1) for i in w.diagrams["lateral_right"].layers["muscle"].childItems()}
    assert "muscle" in kinds  # drawn there: where it lies
