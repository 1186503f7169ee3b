"""The muscle browser (View > Muscles, F3): every muscle by area, found by any of its names in either language, and
a muscle chosen there shown, played, built into a routine, printed and presented whether or not the pain ranks it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hipmap.core.content.yamlfile import load_yaml_file
from hipmap.core.content.vocabulary import MUSCLE_IDS
from hipmap import default_data_dir
from tests.ui.conftest import region_centre
from tests.ui.test_mainwindow import click


def every_alias():
    es = load_yaml_file(default_data_dir() / "i18n" / "es.yaml")["muscles"]
    for muscle_id in MUSCLE_IDS:
        english = load_yaml_file(default_data_dir() / "muscles" / f"{muscle_id}.yaml")
        yield from ((muscle_id, alias) for alias in english.get("aliases", []))
        yield from ((muscle_id, alias) for alias in es[muscle_id].get("aliases", []))


def activate(qtbot, widget):
    """Shortcuts go to the active window; offscreen, a window has to ask for it."""
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def open_browser(window, qtbot):
    activate(qtbot, window)
    QTest.keyClick(window, Qt.Key_F3)
    dock = window.browsing.dock
    qtbot.waitUntil(dock.isVisible, timeout=2000)
    return dock


def mark_front_hip(window, atlas, side="right"):
    """Pain at the front of the hip: TFL's pattern, nowhere near the calf."""
    window.show_view("anterior")
    click(window.views["anterior"], *region_centre(atlas, "anterior", "anterior_hip", side))
    assert window.document.result.candidates


def choose(window, query):
    dock = window.browsing.dock
    dock.search.setText(query)
    QTest.keyClick(dock.search, Qt.Key_Return)


def screened(window):
    dialog = window.selfcare.open_screening()
    for question in window.selfcare.red_flags.questions:
        dialog.set_answer(question.id, False)
    dialog.close()


def test_keyboard_only_f3_type_enter_and_the_panel_shows_the_muscle(window, qtbot):
    dock = open_browser(window, qtbot)
    assert window.browsing.act_browser.isChecked()
    qtbot.waitUntil(dock.search.hasFocus, timeout=2000)  # the keys are in the search at once
    QTest.keyClicks(dock.search, "IT band")
    assert "Enter shows Tensor fasciae latae (TFL)" in dock.status.text()
    QTest.keyClick(dock.search, Qt.Key_Return)
    assert window.selected == ("tensor_fasciae_latae", "right")
    qtbot.waitUntil(lambda: "Tensor fasciae latae" in window.muscle_panel.plain_text(), timeout=2000)
    # nothing is marked: no word about the marked pain
    assert "not among" not in window.muscle_panel.plain_text()


def test_the_tree_groups_every_muscle_under_its_area(window, qtbot, atlas):
    dock = open_browser(window, qtbot)
    headings = [dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount())]
    assert headings == ["Lower back", "Belly and pelvis", "Buttock", "Side of the hip", "Front of the thigh", "Inner thigh",
                        "Back of the thigh", "Lower leg"]  # fmt: skip
    shown = {}
    for i in range(dock.tree.topLevelItemCount()):
        heading = dock.tree.topLevelItem(i)
        assert not heading.flags() & Qt.ItemIsSelectable
        for j in range(heading.childCount()):
            shown[heading.child(j).text(0)] = heading.text(0)
    assert set(shown) == {m.name for m in atlas.muscles.values()}
    assert shown["Piriformis"] == "Buttock" and shown["Soleus (deep calf muscle)"] == "Lower leg"
    assert dock.status.text() == "All 27 muscles, by where they lie."


def test_arrows_move_in_the_list_and_enter_chooses_the_row(window, qtbot):
    dock = open_browser(window, qtbot)
    QTest.keyClicks(dock.search, "hamstring")
    assert dock.visible_muscles() == ["biceps_femoris", "medial_hamstrings"]
    assert dock.tree.currentItem().text(0).startswith("Biceps femoris")
    QTest.keyClick(dock.search, Qt.Key_Down)
    assert dock.tree.currentItem().text(0).startswith("Inner hamstrings")
    assert window.selected is None  # moving is not choosing
    QTest.keyClick(dock.search, Qt.Key_Return)
    assert window.selected == ("medial_hamstrings", "right")
    QTest.keyClick(dock.search, Qt.Key_Up)
    QTest.keyClick(dock.search, Qt.Key_Up)  # stops at the first
    assert dock.tree.currentItem().text(0).startswith("Biceps femoris")


def test_accent_and_case_insensitive_and_nothing_found(window, qtbot):
    dock = open_browser(window, qtbot)
    for query in ("glúteo", "gluteo", "GLUTEO"):
        dock.search.setText(query)
        assert set(dock.visible_muscles()) == {"gluteus_maximus", "gluteus_medius", "gluteus_minimus_anterior", "gluteus_minimus_posterior"}
    dock.search.setText("cuadriceps")
    assert set(dock.visible_muscles()) == {"rectus_femoris", "vastus_lateralis", "vastus_medialis", "vastus_intermedius"}
    dock.search.setText("deltoid")
    assert dock.visible_muscles() == [] and dock.status.text() == "No muscle matches “deltoid”."
    assert all(dock.tree.topLevelItem(i).isHidden() for i in range(dock.tree.topLevelItemCount()))
    QTest.keyClick(dock.search, Qt.Key_Return)
    assert window.selected is None


def test_the_browser_finds_every_muscle_by_each_alias_in_both_languages(window, qtbot, atlas):
    from hipmap.core.content.atlas import load_atlas

    dock = open_browser(window, qtbot)
    aliases = list(every_alias())
    assert len(aliases) > 2 * len(MUSCLE_IDS)
    for shown in (atlas, load_atlas(language="es")):
        dock.set_atlas(shown)
        for muscle_id, alias in aliases:
            dock.search.setText(alias)
            assert muscle_id in dock.visible_muscles(), (alias, muscle_id)
            dock.search.setText(alias.upper())
            assert muscle_id in dock.visible_muscles(), (alias, muscle_id)


def test_a_muscle_that_is_not_a_candidate_is_shown_as_a_candidate_would_be(window, qtbot, atlas):
    mark_front_hip(window, atlas)
    assert window.document.result.find("soleus", "right") is None
    window.select_candidate(*window.document.result.candidates[0].key)
    open_browser(window, qtbot)
    choose(window, "soleus")
    assert window.selected == ("soleus", "right")
    assert window.candidates.current() is None and not window.candidates.view.selectionModel().selectedRows()
    qtbot.waitUntil(lambda: window.muscle_panel.current() == ("soleus", "right"), timeout=2000)
    text = window.muscle_panel.plain_text()
    assert "not among the muscles whose pain patterns match the pain you marked" in text
    assert "match" not in text.split("\n")[1]  # no match percentage for it
    soleus = atlas.muscles["soleus"]
    for view_id, view in window.views.items():  # its trigger points and zones on every view that shows them
        drawn = view._overlay_args
        assert drawn[0] is soleus and drawn[1] == "right", view_id
    # The routine action works on it
    assert window.selfcare.act_routine.isEnabled()
    # Marking more pain keeps it selected
    click(window.views["anterior"], *region_centre(atlas, "anterior", "groin"))
    assert window.selected == ("soleus", "right")


def test_a_candidate_chosen_in_the_browser_selects_its_row(window, qtbot, atlas):
    mark_front_hip(window, atlas)
    open_browser(window, qtbot)
    choose(window, "TFL")
    assert window.selected == ("tensor_fasciae_latae", "right")
    assert window.candidates.current() == ("tensor_fasciae_latae", "right")
    qtbot.waitUntil(lambda: window.muscle_panel.current() == ("tensor_fasciae_latae", "right"), timeout=2000)
    assert "match" in window.muscle_panel.plain_text().split("\n")[1]  # "Right side · match 90%"
    assert "not among" not in window.muscle_panel.plain_text()


def test_the_side_follows_the_pain_and_the_toggle_and_the_belly_is_both(window, qtbot, atlas):
    dock = open_browser(window, qtbot)
    assert dock.right_button.isChecked()  # nothing marked: right
    mark_front_hip(window, atlas, side="left")
    assert dock.left_button.isChecked()
    choose(window, "piriformis")
    assert window.selected == ("piriformis", "left")
    dock.right_button.click()
    assert window.selected == ("piriformis", "right")  # the toggle moves the muscle shown
    assert window.views["posterior"]._overlay_args[1] == "right"
    choose(window, "six-pack")
    assert window.selected == ("rectus_abdominis", "both")


def test_a_chosen_muscle_can_be_played_after_the_warning_signs_check(window, qtbot, atlas):
    mark_front_hip(window, atlas)
    open_browser(window, qtbot)
    choose(window, "calf")  # gastrocnemius, first of the two
    assert window.selected == ("gastrocnemius", "right") and window.document.result.find("gastrocnemius") is None
    activate(qtbot, window)
    QTest.keyClick(window, Qt.Key_R, Qt.ControlModifier)
    assert window.selfcare.player is None and window.selfcare.screening_dialog.isVisible()  # the check comes first
    screened(window)
    now = [0.0]
    window.selfcare.player_clock = lambda: now[0]
    player = window.selfcare.start_routine()
    qtbot.waitExposed(player)
    care = atlas.muscles["gastrocnemius"].self_care
    steps = player.player.routine.steps
    assert steps[0].hold_s == care.compression.hold_s
    assert [s.exercise_id for s in steps[1:]] == list(care.stretches)
    assert "Gastrocnemius" in player.windowTitle()
    player.close()


def test_a_chosen_muscle_is_offered_ticked_in_the_builder(window, qtbot, atlas):
    mark_front_hip(window, atlas)
    open_browser(window, qtbot)
    choose(window, "tibialis")
    builder = window.selfcare.open_builder()
    qtbot.waitExposed(builder)
    first = builder.muscle_list.item(0)
    assert first.data(Qt.UserRole) == ("tibialis_anterior", "right") and first.checkState() == Qt.Checked
    assert ("tibialis_anterior", "right") in builder.ticked
    titles = " ".join(builder.table.item(r, 0).text() for r in range(builder.table.rowCount()))
    assert atlas.muscles["tibialis_anterior"].name in titles  # its ball (thumb) hold, then its stretch
    stretch = atlas.muscles["tibialis_anterior"].self_care.stretches[0]
    assert atlas.exercises[stretch].name in titles
    builder.close()


def test_a_chosen_muscle_is_printed_in_the_handout(window, qtbot, atlas, tmp_path):
    from tests.ui.test_handout import flat, qt_pages_text

    mark_front_hip(window, atlas)
    open_browser(window, qtbot)
    choose(window, "peroneals")
    assert window.document.result.find("peroneus_longus_brevis") is None
    out = window.practice.export_handout(tmp_path / "handout.pdf")
    text = flat(" ".join(qt_pages_text(out)))
    assert "Peroneus longus and brevis" in text
    assert atlas.muscles["peroneus_longus_brevis"].self_care.compression.where[:40] in text


def test_a_chosen_muscle_is_presented(window, qtbot, atlas):
    mark_front_hip(window, atlas)
    open_browser(window, qtbot)
    choose(window, "isquiotibiales")  # Spanish, while the window shows English
    assert window.selected == ("biceps_femoris", "right")
    shown = window.practice.present()
    qtbot.waitExposed(shown)
    assert shown.current() == ("biceps_femoris", "right")
    shown.close()


def test_the_browser_is_remembered_open_and_where_it_was(qtbot, atlas, matcher, tmp_path):
    from hipmap.ui.mainwindow.window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    first = MainWindow(atlas, matcher, settings=settings)
    first.files.autosave_timer.stop()
    first.show()
    qtbot.waitExposed(first)
    assert first.browsing.dock.isHidden()  # the first time, until asked for
    first.browsing.toggle(True)
    first.addDockWidget(Qt.RightDockWidgetArea, first.browsing.dock)
    first.close()
    second = MainWindow(atlas, matcher, settings=settings)
    second.files.autosave_timer.stop()
    second.show()
    qtbot.waitExposed(second)
    assert not second.browsing.dock.isHidden() and second.browsing.act_browser.isChecked()
    assert second.dockWidgetArea(second.browsing.dock) == Qt.RightDockWidgetArea
    activate(qtbot, second)
    second.browsing.dock.search.setFocus()
    qtbot.waitUntil(second.browsing.dock.search.hasFocus, timeout=2000)
    second.browsing.toggle(False)  # (with the keys elsewhere, the command brings them to the browser instead)
    assert second.browsing.dock.isHidden() and not second.browsing.act_browser.isChecked()
    second.close()
    for w in (first, second):
        w.deleteLater()


def test_f3_brings_the_keys_back_to_an_open_browser_then_closes_it(window, qtbot):
    dock = open_browser(window, qtbot)
    window.views["posterior"].setFocus()
    QTest.keyClick(window, Qt.Key_F3)
    assert dock.isVisible() and dock.search.hasFocus()
    QTest.keyClick(window, Qt.Key_F3)
    qtbot.waitUntil(dock.isHidden, timeout=2000)
    assert not window.browsing.act_browser.isChecked()


def test_a_live_language_switch_retranslates_the_browser(window, qtbot, atlas):
    from hipmap.ui.kit import i18n

    dock = open_browser(window, qtbot)
    dock.search.setText("hamstring")
    try:
        window.language_actions["es"].trigger()
        assert dock.windowTitle() == "Músculos" and dock.search_label.text() == "&Buscar un músculo:"
        headings = [dock.tree.topLevelItem(i).text(0) for i in range(dock.tree.topLevelItemCount())]
        assert headings[:3] == ["Zona lumbar", "Vientre y pelvis", "Nalga"]
        assert dock.left_button.text() == "&Izquierdo"
        # the names are the Spanish data's; the search still finds the English alias
        assert dock.visible_muscles() == ["biceps_femoris", "medial_hamstrings"]
        assert dock.tree.currentItem().text(0) == "Bíceps femoral (isquiotibial externo)"
        assert dock.status.text() == "2 músculos coinciden. Intro muestra: Bíceps femoral (isquiotibial externo)."
        dock.search.setText("zzz")
        assert dock.status.text() == "Ningún músculo coincide con «zzz»."
        QTest.keyClick(dock.search, Qt.Key_Escape)
        dock.search.setText("psoas")
        QTest.keyClick(dock.search, Qt.Key_Return)
        qtbot.waitUntil(lambda: window.muscle_panel.current() == ("iliopsoas", "right"), timeout=2000)
        assert "Iliopsoas (psoas e ilíaco)" in window.muscle_panel.plain_text()
        window.language_actions["en"].trigger()
        assert dock.windowTitle() == "Muscles" and dock.tree.topLevelItem(0).text(0) == "Lower back"
    finally:
        i18n.install("en")


def test_f6_reaches_the_open_browser_among_the_panes(window, qtbot):
    dock = open_browser(window, qtbot)
    window.muscle_panel.setFocus()
    seen = []
    for _ in range(len(window.panes())):
        QTest.keyClick(window, Qt.Key_F6)
        seen.append(dock.search.hasFocus())
    assert seen.count(True) == 1
    dock.hide()
    assert all(not dock.search.hasFocus() for _ in range(len(window.panes())) if not QTest.keyClick(window, Qt.Key_F6))


def test_tab_goes_round_the_open_browser_too(window, qtbot):
    """Search field, the side choice (one stop), the list of muscles, then on into the window, and back round."""
    dock = open_browser(window, qtbot)
    reached = []
    for _ in range(len(window.tab_chain()) + 1):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert dock.right_button in reached and dock.tree in reached and dock.search in reached
    assert reached.index(dock.tree) == reached.index(dock.right_button) + 1
    dock.hide()
    window.current_view().setFocus()
    for _ in range(len(window.tab_chain()) + 1):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        assert not dock.isAncestorOf(QApplication.focusWidget())  # a closed browser is not a stop


def test_opening_the_browser_in_high_contrast_never_cuts_the_results_column(window, qtbot, atlas):
    """High contrast's frames widen the list; the muscle browser takes room from the window: the column keeps its
    width (the diagrams give way) rather than run past the window's edge, even with the splitter dragged right."""
    window.resize(1203, 676)
    window.set_high_contrast(True)
    try:
        mark_front_hip(window, atlas)
        open_browser(window, qtbot)
        choose(window, "gastrocnemius")
        window.splitter.setSizes([window.splitter.width(), 0])  # the handle dragged as far right as it goes
        QApplication.processEvents()
        column = window.right_stack.currentWidget()  # the results' scroll area, which only scrolls up and down
        assert column.widget().width() <= column.viewport().width()
        right_edge = column.mapTo(window, column.rect().topRight()).x()
        assert right_edge < window.width()
    finally:
        window.set_high_contrast(False)
