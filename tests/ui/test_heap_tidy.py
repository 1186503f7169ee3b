"""The collector's passes come in the idle moment after a change is painted, not in the middle of a later click
(hipmap.ui.kit.heap.tidy): what a mark leaves alive is scanned right after it, and Python's own count, which
a mark's new objects replacing old ones hardly moves, starts again from zero."""

import gc

from PySide6.QtWidgets import QApplication

from hipmap.ui.kit import heap


def test_tidy_runs_the_pass_python_would_run_next_only_once_settled():
    heap.unsettle()
    assert heap.tidy() is None  # a test or a script that makes windows keeps Python's usual collection
    heap.settle()
    try:
        gc.collect()  # counts from zero
        assert heap.tidy() == 0
        for _ in range(gc.get_threshold()[1] - 1):
            gc.collect(0)
        assert heap.tidy() == 1  # the middle generation, one pass before Python would collect it in a click
        assert gc.get_count()[1] == 0
        for _ in range(gc.get_threshold()[2] - 1):
            gc.collect(1)
        assert heap.tidy() == 2
        assert gc.get_count()[1:] == (0, 0)
    finally:
        heap.unsettle()


def test_a_mark_is_followed_by_a_pass_over_what_it_left(window, atlas):
    from tests.ui.test_browser import mark_front_hip

    QApplication.processEvents()
    heap.settle()
    try:
        gc.collect()
        before = gc.get_stats()[0]["collections"]
        mark_front_hip(window, atlas)
        assert window.document.result.candidates
        QApplication.processEvents()  # the event loop's turn after the change was painted
        assert gc.get_stats()[0]["collections"] > before
        # The new ranking, its rows and words were scanned once and moved on: the youngest generation holds only
        # what was made since (a mark leaves hundreds of objects there, and forty marks some 20,000).
        assert len(gc.get_objects(0)) < 100, len(gc.get_objects(0))
    finally:
        heap.unsettle()
