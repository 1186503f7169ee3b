"""A new ranking reaches the screen in the frame of the mark that made it: the candidate list's rows on screen are
laid out and painted at once (the rows below are measured in the next turns of the event loop, and then hold the
height they would have had all along), and counting a map's marks asks each mark's region only once."""

import random

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionViewItem

from hipmap.core.pain import painmap as pm
from hipmap.core.pain.painmap import PainMap, made_count, region_marks
from hipmap.core.synthetic import random_painted_map
from hipmap.ui.mainwindow.candidates import CandidateList


class _PaintCount(QObject):
    def __init__(self):
        super().__init__()
        self.n = 0

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint:
            self.n += 1
        return False


def _shown_list(qtbot) -> CandidateList:
    w = CandidateList()
    qtbot.addWidget(w)
    w.resize(360, 520)
    w.show()
    qtbot.waitExposed(w)
    return w


def _rows_on_screen(w: CandidateList) -> list[int]:
    port = w.view.viewport().rect()
    return [row for row in range(w.model.rowCount()) if w.view.visualRect(w.model.index(row)).intersects(port)]


def test_the_rows_on_screen_are_painted_with_the_mark_and_the_rest_measured_after(qtbot, atlas, matcher):
    w = _shown_list(qtbot)
    rng = random.Random(7)
    maps = [random_painted_map(atlas, rng, n) for n in (4, 9, 14, 20)]
    for painmap in maps:
        result = matcher.match(painmap)
        assert len(result.candidates) > 6
        w.set_result(result)  # no turn of the event loop: what a paint now would show
        rows = _rows_on_screen(w)
        assert rows and rows[0] == 0
        delegate = w.delegate
        option = QStyleOptionViewItem()
        option.font = w.view.font()
        for row in rows:  # laid out at their measured height, stacked from the top
            rect = w.view.visualRect(w.model.index(row))
            assert rect.height() == delegate.layout(option, w.model.index(row)).height
        # The list's face now shows the first row's name drawn (dark text on the light base), not an empty list.
        image = w.view.viewport().grab().toImage()
        first = w.view.visualRect(w.model.index(0))
        text = w.view.palette().text().color()
        dark = sum(
            1 for y in range(first.top(), min(first.bottom(), image.height() - 1), 2) for x in range(40, min(300, image.width()), 2)
            if QColor(image.pixel(x, y)).lightness() < text.lightness() + 60
        )  # fmt: skip
        assert dark > 20
    # The rows below the viewport are measured in the next turns: then every row has its own exact height.
    qtbot.waitUntil(lambda: w.delegate.exact is None)
    option = QStyleOptionViewItem()
    option.font = w.view.font()
    top = 0
    for row in range(w.model.rowCount()):
        rect = w.view.visualRect(w.model.index(row))
        assert rect.height() == w.delegate.layout(option, w.model.index(row)).height
        assert rect.top() + w.view.verticalOffset() == top
        top += rect.height()


def test_a_mark_in_the_window_paints_the_list_rows_before_the_event_loop_turns(qtbot, window, atlas):
    from hipmap.core.synthetic import random_point_on_body

    counter = _PaintCount()
    port = window.candidates.view.viewport()
    port.installEventFilter(counter)
    painted = []
    original = window.candidates.delegate.paint

    def paint(painter, option, index):
        painted.append(index.row())
        return original(painter, option, index)

    window.candidates.delegate.paint = paint
    try:
        rng = random.Random(11)
        window.document.new()
        for _ in range(12):  # every mark re-ranks the list while the rows of the last one may still be measured
            x, y = random_point_on_body(atlas, rng, "posterior")
            window.document.add_stroke("posterior", [(x, y)], 12.0, 5)
            if not window.document.result.candidates:
                continue
            painted.clear()
            port.repaint()
            assert painted and painted[0] == 0, "the list was painted without its rows"
    finally:
        del window.candidates.delegate.paint
        port.removeEventFilter(counter)
        window.document.undo_stack.setClean()


def test_counting_marks_asks_each_marks_region_once_and_forgets_it_with_the_mark(atlas, monkeypatch):
    painmap = PainMap(tuple(region_marks(atlas, "lateral_thigh", "right")))
    painmap = painmap.add(pm.click_mark("posterior", 300, 400)).add(pm.click_mark("posterior", 250, 520))
    painmap = pm.with_sides(painmap, atlas)
    assert made_count(painmap, atlas) == 3  # the region (on every view that shows it) and two clicks
    asked = []
    inner = pm._region_of
    monkeypatch.setattr(pm, "_region_of", lambda mark, view: asked.append(mark) or inner(mark, view))
    assert made_count(painmap, atlas) == 3 and asked == []  # known from the first count
    more = pm.with_sides(painmap.add(pm.click_mark("posterior", 280, 460)), atlas)
    sided = sum(m.side in ("left", "right") for m in more.marks)  # (a mark over both sides is no region)
    assert made_count(more, atlas) == 4 and len(asked) == sided  # with_sides made new marks: each asked once
    assert made_count(more, atlas) == 4 and len(asked) == sided
    n = len(pm._REGION_OF)
    del painmap, more, asked
    import gc

    gc.collect()
    assert len(pm._REGION_OF) < n  # entries go with their marks


def test_a_selected_row_far_down_is_measured_where_it_shows_and_stays_put_as_the_rest_is_measured(qtbot, atlas, matcher):
    w = _shown_list(qtbot)
    rng = random.Random(5)
    before = random_painted_map(atlas, rng, 14)
    after = before
    while True:  # one more stroke, that still lists the muscle chosen far down
        after = PainMap(after.marks + random_painted_map(atlas, rng, 1).marks)
        first = matcher.match(before)
        if len(first.candidates) > 20:
            kept = first.candidates[18].key
            if matcher.match(after).find(*kept) is not None:
                break
        before = after
    w.set_result(first)
    qtbot.waitUntil(lambda: w.delegate.exact is None)
    w.select(*kept)
    w.set_result(matcher.match(after))  # no turn of the event loop
    assert w.current() == kept
    index = w.model.index(w.model.row_of(kept))
    rect = w.view.visualRect(index)
    option = QStyleOptionViewItem()
    option.font = w.view.font()
    assert w.view.viewport().rect().contains(rect), "the chosen row is on screen"
    assert rect.height() == w.delegate.layout(option, index).height
    assert w.delegate.exact is not None and w.delegate.exact[0] > 0, "the rows far above it wait for later turns"
    qtbot.waitUntil(lambda: w.delegate.exact is None)
    assert w.view.visualRect(index).top() == rect.top(), "measuring the rows above did not move it"


def test_the_list_appearing_with_the_first_mark_lays_its_rows_out_as_one_already_shown(qtbot, atlas, matcher, monkeypatch):
    """The words shown while nothing is marked give way to the list before it has rows: a list shown lays its rows
    out again (Qt's own pass, 1-2 ms with the first mark of each map), and then it has none."""
    w = _shown_list(qtbot)
    results = [matcher.match(random_painted_map(atlas, random.Random(seed), 6)) for seed in (3, 4)]
    assert all(len(result.candidates) > 3 for result in results)
    asked = []
    size_hint = type(w.delegate).sizeHint
    monkeypatch.setattr(type(w.delegate), "sizeHint", lambda self, option, index: asked.append(index.row()) or size_hint(self, option, index))
    empty = type(results[0])()
    passes = []
    for result in [results[0], empty, results[1], results[1]]:  # the list appears, goes, appears again, stays
        asked.clear()
        w.set_result(result)
        if result is empty:
            assert w.stack.currentWidget() is w.empty and w.empty.isVisible()  # nothing marked: the words
            continue
        assert w.stack.currentWidget() is w.view and w.view.isVisible()
        assert w.view.visualRect(w.model.index(0)).height() == w.delegate.layout(_option(w), w.model.index(0)).height
        passes.append(asked.count(0))  # each pass over the rows asks the first row's size once
    # Appearing costs no more passes over the rows than the same ranking shown again: the scroll bar stays (its
    # appearing narrowed the rows just laid out), and the words above the list take their room first (their
    # showing shortened the list just laid out). Each cost one more pass, measuring every row.
    assert passes[0] == passes[1] <= passes[2], passes


def _option(w):
    option = QStyleOptionViewItem()
    option.font = w.view.font()
    return option


def test_a_new_ranking_whose_words_keep_their_lines_leaves_the_window_laid_out(qtbot, window, atlas):
    """Each mark changes the summary's and the legend's words; when they wrap to the same lines nothing around the
    list changes size, and the window is not laid out again (it was on every mark: ~1 ms)."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from .conftest import region_centre
    from .test_mainwindow import click

    class Requests(QObject):
        def __init__(self):
            super().__init__()
            self.seen = []

        def eventFilter(self, obj, event):
            if event.type() == QEvent.LayoutRequest:
                self.seen.append(obj)
            return False

    requests = Requests()
    for widget in (window, window.splitter, window.right_splitter):
        widget.installEventFilter(requests)
    window.show_view("posterior")
    view = window.views["posterior"]
    summary, legend = window.candidates.summary, window.candidates.legend
    kept = 0
    for region in ("buttock_center", "posterior_thigh", "upper_buttock", "lower_back", "posterior_knee", "sacroiliac"):
        click(view, *region_centre(atlas, "posterior", region))
        QApplication.processEvents()
        before = (summary.text(), summary.height(), legend.text(), legend.height(), legend.isHidden())
        requests.seen.clear()
        click(view, *region_centre(atlas, "posterior", region, "left"))
        QApplication.processEvents()
        after = (summary.text(), summary.height(), legend.text(), legend.height(), legend.isHidden())
        if after[0] != before[0] and after[1::2] == before[1::2]:  # new words, the same lines
            kept += 1
            assert window not in requests.seen and window.splitter not in requests.seen, (before, after)
            assert window.candidates.view.visualRect(window.candidates.model.index(0)).isValid()
    assert kept >= 2
