"""The candidate list shows the matcher's result and reports what the user selects and hovers."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from hipmap.core.pain.matching import MatchResult
from hipmap.core.pain.painmap import PainMap, region_marks
from hipmap.ui.kit import style
from hipmap.ui.mainwindow.candidates import NOTE_TEXT, CandidateList, CandidateRole, _RowLayout


@pytest.fixture(scope="module")
def result(atlas, matcher):
    return matcher.match(PainMap(tuple(region_marks(atlas, "lateral_thigh", "right"))))


@pytest.fixture
def clist(qtbot, result):
    w = CandidateList()
    qtbot.addWidget(w)
    w.resize(350, 700)
    w.set_result(result)
    w.show()
    qtbot.waitExposed(w)
    return w


def row_centre(w: CandidateList, row: int):
    return w.view.visualRect(w.model.index(row)).center()


def test_rows_show_rank_name_side_and_percent(clist, result):
    assert clist.view.accessibleName() == "Muscles that may explain your pain"
    assert clist.model.rowCount() == len(result.candidates) > 2
    first = result.candidates[0]
    text = clist.model.index(0).data(Qt.AccessibleTextRole)
    assert text.startswith(f"1. {first.name}, right side, match ")
    assert f"{round(100 * first.score)}%" in text
    assert first.reasons[0] in text
    tip = clist.model.index(0).data(Qt.ToolTipRole)
    assert all(r in tip for r in first.reasons)  # every reason is in the tooltip
    assert clist.summary.text() == result.summary
    assert clist.note.text() == NOTE_TEXT and clist.note.isVisible()
    assert clist.stack.currentWidget() is clist.view


def test_explaining_set_is_marked_in_words(clist, result):
    from hipmap.ui.mainwindow.candidates import ExplainingRole

    explaining = {c.key for c in result.explaining}
    assert explaining
    for row, c in enumerate(result.candidates):
        assert clist.model.index(row).data(ExplainingRole) == (c.key in explaining)
    assert clist.legend.isVisible() and f"{round(100 * result.explained_share)}%" in clist.legend.text()


def test_arrow_keys_move_the_selection_and_emit(qtbot, clist, result):
    clist.select(*result.candidates[0].key)
    assert clist.current() == result.candidates[0].key
    clist.view.setFocus()
    with qtbot.waitSignal(clist.selected) as blocker:
        QTest.keyClick(clist.view, Qt.Key_Down)
    assert clist.current() == result.candidates[1].key
    assert blocker.args == list(result.candidates[1].key)


def test_first_arrow_press_selects_the_focused_row(qtbot, clist, result):
    assert clist.view.focusPolicy() & Qt.TabFocus and clist.focusProxy() is clist.view
    # What Qt does when Tab brings focus to a list: a current row, nothing selected.
    clist.view.selectionModel().setCurrentIndex(clist.model.index(0), QItemSelectionModel.NoUpdate)
    with qtbot.waitSignal(clist.selected) as blocker:
        QTest.keyClick(clist.view, Qt.Key_Down)
    assert blocker.args == list(result.candidates[0].key)


def test_enter_activates_the_current_row(qtbot, clist, result):
    clist.select(*result.candidates[2].key)
    clist.view.setFocus()
    with qtbot.waitSignal(clist.activated) as blocker:
        QTest.keyClick(clist.view, Qt.Key_Return)
    assert blocker.args == list(result.candidates[2].key)


def test_a_row_is_read_only_a_double_click_or_f2_opens_no_editor(qtbot, clist, result):
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    flags = clist.model.flags(clist.model.index(1))
    assert flags & Qt.ItemIsSelectable and flags & Qt.ItemIsEnabled
    assert not flags & (Qt.ItemIsEditable | Qt.ItemIsDragEnabled | Qt.ItemIsDropEnabled)
    with qtbot.waitSignal(clist.activated) as blocker:  # (a double click: a click, then the second press)
        QTest.mouseClick(clist.view.viewport(), Qt.LeftButton, Qt.NoModifier, row_centre(clist, 1))
        QTest.mouseDClick(clist.view.viewport(), Qt.LeftButton, Qt.NoModifier, row_centre(clist, 1))
    assert blocker.args == list(result.candidates[1].key)
    assert clist.view.state() != QAbstractItemView.EditingState
    clist.view.setFocus()
    QTest.keyClick(clist.view, Qt.Key_F2)
    assert clist.view.state() != QAbstractItemView.EditingState
    assert not clist.view.findChildren(QLineEdit)
    assert clist.model.index(1).data() == result.candidates[1].name  # (its words are the candidate's, unchanged)


def test_clicking_a_row_emits_selected(qtbot, clist, result):
    with qtbot.waitSignal(clist.selected) as blocker:
        QTest.mouseClick(clist.view.viewport(), Qt.LeftButton, Qt.NoModifier, row_centre(clist, 1))
    assert blocker.args == list(result.candidates[1].key)
    assert clist.current() == result.candidates[1].key


def test_select_does_not_repeat_and_clearing_emits_empty(qtbot, clist, result):
    seen = []
    clist.selected.connect(lambda m, s: seen.append((m, s)))
    clist.select(*result.candidates[2].key)
    clist.select(*result.candidates[2].key)
    assert seen == [result.candidates[2].key]
    clist.clear_selection()
    assert seen[-1] == ("", "") and clist.current() is None


def test_hover_emits_the_row_under_the_pointer_and_empty_on_leave(qtbot, clist, result):
    vp = clist.view.viewport()
    with qtbot.waitSignal(clist.hovered) as blocker:
        QTest.mouseMove(vp, row_centre(clist, 1))
    assert blocker.args == list(result.candidates[1].key)
    with qtbot.waitSignal(clist.hovered) as blocker:
        QApplication.sendEvent(vp, QEvent(QEvent.Leave))
    assert blocker.args == ["", ""]


def test_hover_over_empty_space_emits_empty(qtbot, clist, result):
    short = replace(result, candidates=result.candidates[:1])
    clist.set_result(short)
    vp = clist.view.viewport()

    def move_to(pos: QPointF):
        event = QMouseEvent(QEvent.MouseMove, pos, vp.mapToGlobal(pos), Qt.NoButton, Qt.NoButton, Qt.NoModifier)
        QApplication.sendEvent(vp, event)

    with qtbot.waitSignal(clist.hovered) as blocker:
        move_to(QPointF(row_centre(clist, 0)))
    assert blocker.args == list(short.candidates[0].key)
    with qtbot.waitSignal(clist.hovered) as blocker:
        move_to(QPointF(10, vp.height() - 5))  # below the only row
    assert blocker.args == ["", ""]


def test_empty_result_shows_a_friendly_prompt(qtbot):
    w = CandidateList()
    qtbot.addWidget(w)
    w.set_result(MatchResult())
    w.show()
    assert w.stack.currentWidget() is w.empty
    assert "Click or paint where it hurts on the diagram" in w.empty.text()
    assert not w.summary.isVisible() and not w.legend.isVisible()
    assert w.note.isVisible() and w.current() is None


def test_selection_survives_a_reranked_result(qtbot, clist, result):
    key = result.candidates[1].key
    clist.select(*key)
    reranked = replace(result, candidates=tuple(reversed(result.candidates)))
    with qtbot.assertNotEmitted(clist.selected):
        clist.set_result(reranked)
    assert clist.current() == key
    rows = clist.view.selectionModel().selectedRows()
    assert [r.row() for r in rows] == [len(result.candidates) - 2]
    # A result without that muscle clears the selection, and says so.
    with qtbot.waitSignal(clist.selected) as blocker:
        clist.set_result(replace(result, candidates=result.candidates[2:], explaining=()))
    assert blocker.args == ["", ""] and clist.current() is None


def test_row_height_grows_with_reasons_and_narrow_width(clist, result):
    c = result.candidates[0]
    option = QStyleOptionViewItem()
    option.font = clist.view.font()

    def height(cand, width=340):
        return _RowLayout(option, cand, False, width).height

    heights = [height(replace(c, reasons=c.reasons[:n])) for n in (0, 1, 2)]
    assert heights == sorted(set(heights))  # strictly growing
    assert height(c, 220) > height(c, 600)  # narrower rows wrap onto more lines instead of clipping
    # Each row the view lays out is tall enough for everything the delegate draws in it.
    for row in range(clist.model.rowCount()):
        index = clist.model.index(row)
        rect = clist.view.visualRect(index)
        drawn = clist.delegate.layout(option, index, rect.width())
        parts = [drawn.name, drawn.side, drawn.bar, drawn.pct, *(r for r, _ in drawn.reasons)]
        parts += [drawn.more] if drawn.more else []
        assert rect.height() >= max(p.bottom() for p in parts) + 1 + drawn.PAD_Y - 2
        assert index.data(CandidateRole) is result.candidates[row]


def test_full_layout_caches_let_go_of_the_least_recently_used_rows_one_at_a_time(clist, result, monkeypatch):
    """Past their size the rows' layouts and wrapped texts are dropped one at a time, the least recently used first
    (dropping hundreds of rows at once cost one click 6-9 ms), and what was used last is found again as it was."""
    from hipmap.ui.mainwindow import candidates

    monkeypatch.setattr(candidates, "KEPT_LAYOUTS", 3)
    monkeypatch.setattr(candidates, "KEPT_BLOCKS", 6)
    delegate = clist.delegate
    delegate._layouts.clear()
    delegate._by_id.clear()
    _RowLayout._blocks.clear()
    option = QStyleOptionViewItem()
    option.font = clist.view.font()
    rows = [clist.model.index(row) for row in range(5)]
    made = [delegate.layout(option, index, 333) for index in rows]
    assert list(delegate._layouts.values()) == made[2:]  # the newest three, in the order they were made
    assert len(delegate._by_id) == 3 and len(_RowLayout._blocks) == 6
    assert delegate.layout(option, rows[4], 333) is made[4]
    # A row made again draws the same words with the same heights.
    delegate._layouts.clear()
    delegate._by_id.clear()
    again = delegate.layout(option, rows[0], 333)
    assert again is not made[0] and again.height == made[0].height
    assert [r for r, _ in again.reasons] == [r for r, _ in made[0].reasons]


def _ink_contrast(image, background: QColor) -> float:
    """Largest lightness difference from the background across the image: text must stand out."""
    diffs = [
        abs(image.pixelColor(x, y).lightnessF() - background.lightnessF())
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    ]
    return max(diffs)


@pytest.mark.parametrize("dark", [False, True])
def test_renders_readably_in_light_and_dark_palettes(qtbot, result, tmp_path, dark):
    w = CandidateList()
    qtbot.addWidget(w)
    if dark:
        w.setPalette(style.dark_palette())
    w.resize(350, 700)
    w.set_result(result)
    w.select(*result.candidates[1].key)
    w.show()
    qtbot.waitExposed(w)
    image = w.grab().toImage()
    assert image.save(str(tmp_path / f"cand_{'dark' if dark else 'light'}.png"))
    base = w.view.palette().color(w.view.viewport().backgroundRole())
    assert (base.lightnessF() < 0.5) == dark
    row = w.view.visualRect(w.model.index(0)).translated(w.view.viewport().mapTo(w, w.view.viewport().rect().topLeft()))
    assert _ink_contrast(image.copy(row), base) > 0.6


def test_a_muscle_listed_only_for_a_trigger_point_says_so_instead_of_0_percent(qtbot, atlas, matcher):
    """Right lower back: quadratus lumborum's zones explain none of it, but a trigger point lies under the pain. Its
    row, its spoken text and the muscle panel say why it is listed rather than "0% match"."""
    from hipmap.core.pain.painmap import PainMap, region_marks
    from hipmap.ui.mainwindow.musclepanel import _meta_text

    result = matcher.match(PainMap(tuple(region_marks(atlas, "lower_back", "right", 6))))
    w = CandidateList()
    qtbot.addWidget(w)
    w.set_result(result)
    rows = {w.model.candidate(r).key: w.model.index(r) for r in range(w.model.rowCount())}
    ql = rows[("quadratus_lumborum", "right")]
    assert "trigger point only" in ql.data(Qt.AccessibleTextRole) and "0%" not in ql.data(Qt.AccessibleTextRole)
    assert "trigger point only" in ql.data(Qt.ToolTipRole)
    first = result.candidates[0]
    assert f"match {round(100 * first.score)}%" in rows[first.key].data(Qt.AccessibleTextRole)
    assert _meta_text("right", result.find("quadratus_lumborum", "right")) == "Right side · listed for a trigger point only"
