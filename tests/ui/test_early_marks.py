"""A warm start takes marks before the atlas is loaded: the first frame draws a click at once, clipped to the body,
and the window matches it once the atlas is attached (as if it had been made then)."""

from PySide6.QtCore import QPoint, QPointF, QSettings, Qt

from hipmap.core import warmstart

from .app_scripts import QUIT_CLEAN, RUN_MAIN
from .warm import attach_from_cache, close_clean, use_cache_folder


def _warm_window(qtbot, tmp_path, monkeypatch, size=(1000, 800)):
    from hipmap.ui.app import load_content, take_early_marks, warm_start
    from hipmap.ui.mainwindow.window import MainWindow

    use_cache_folder(monkeypatch, tmp_path / "cache")
    atlas, _matcher, warm = load_content()
    from hipmap.core.pain.matching import Matcher

    assert warm.save(Matcher(atlas))  # the cache now holds the atlas, its index and the light part
    win = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    warm = warm_start()
    assert take_early_marks(win, warm)
    with qtbot.waitSignal(win.first_frame.live, timeout=3000):
        win.first_frame.update()
    return win, warm


def _frame_point(frame, view_x, view_y):
    p = frame._slot(0).map(QPointF(view_x, view_y))
    return QPoint(round(p.x()), round(p.y()))


def _drag_across_the_legs(qtbot, frame) -> QPoint:
    """Press on the first frame and move across both legs, the button still down; returns where it ended."""
    start, end = _frame_point(frame, 260, 520), _frame_point(frame, 340, 520)
    qtbot.mousePress(frame, Qt.LeftButton, pos=start)
    for i in range(1, 9):
        qtbot.mouseMove(frame, QPoint(start.x() + (end.x() - start.x()) * i // 8, start.y()))
    return end


def test_a_click_before_the_atlas_loads_is_drawn_at_once_and_matched_when_it_is(qtbot, tmp_path, monkeypatch, atlas, matcher):
    win, warm = _warm_window(qtbot, tmp_path, monkeypatch)
    frame = win.first_frame
    view_id = frame.view_ids[0]
    x, y = atlas.views[view_id].regions[("buttock_center", "right")].representative_point().coords[0] if view_id == "posterior" else (300.0, 500.0)
    at = _frame_point(frame, x, y)
    before = frame.grab().toImage()
    qtbot.mouseClick(frame, Qt.LeftButton, pos=at)
    assert len(frame.queued) == 1 and frame.queued[0][0] == view_id
    (qx, qy), = frame.queued[0][1]
    assert abs(qx - x) < 2 and abs(qy - y) < 2  # the pixel's place in view units
    after = frame.grab().toImage()
    assert after.pixelColor(at) != before.pixelColor(at)  # the mark is on screen before anything is loaded
    qtbot.mouseClick(frame, Qt.LeftButton, pos=QPoint(2, 2))  # off the body: not a mark
    assert len(frame.queued) == 1

    assert attach_from_cache(win, warm).from_cache
    marks = win.document.painmap.marks
    assert len(marks) == 1 and marks[0].view == view_id and marks[0].geometry.distance(__import__("shapely").Point(x, y)) < 2
    assert win.document.undo_stack.count() == 1  # one undoable mark, as if made just now
    assert win.document.result.candidates  # and the list ranks it
    close_clean(win)


def test_a_drag_before_the_atlas_loads_is_kept_as_one_stroke(qtbot, tmp_path, monkeypatch, atlas):
    win, warm = _warm_window(qtbot, tmp_path, monkeypatch)
    frame = win.first_frame
    end = _drag_across_the_legs(qtbot, frame)
    qtbot.mouseRelease(frame, Qt.LeftButton, pos=end)
    assert len(frame.queued) == 1 and len(frame.queued[0][1]) > 2
    attach_from_cache(win, warm)
    assert len(win.document.painmap.marks) == 1
    assert win.document.undo_stack.undoText() == "Paint pain"
    close_clean(win)


def test_a_drag_under_way_when_the_atlas_arrives_keeps_what_it_painted(qtbot, tmp_path, monkeypatch, atlas):
    """The atlas loaded while the button was still down, and the first frame (with the stroke) was thrown away."""
    win, warm = _warm_window(qtbot, tmp_path, monkeypatch)
    frame = win.first_frame
    _drag_across_the_legs(qtbot, frame)
    assert not frame.queued  # still being drawn
    attach_from_cache(win, warm)
    assert len(win.document.painmap.marks) == 1 and win.document.undo_stack.undoText() == "Paint pain"
    close_clean(win)


def test_no_cache_means_no_early_marks(qtbot, tmp_path, monkeypatch):
    from hipmap.ui.app import take_early_marks, warm_start
    from hipmap.ui.mainwindow.window import MainWindow

    use_cache_folder(monkeypatch, tmp_path / "empty")
    win = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    win.show()
    qtbot.waitExposed(win)
    assert not take_early_marks(win, warm_start())
    qtbot.mouseClick(win.first_frame, Qt.LeftButton, pos=win.first_frame.rect().center())
    assert win.first_frame.queued == []
    win.close()


def test_the_app_started_warm_takes_a_click_before_loading_and_matches_it(tmp_path):
    """hipmap.ui.app.main() itself, in its own process: the first frame takes marks, a click there is drawn and
    queued, numpy is not imported until then, and the loaded window holds that mark, ranked; the long-lived
    objects are then frozen out of the garbage collector's full passes."""
    import os
    import subprocess
    import sys

    script = QUIT_CLEAN + r'''
import sys
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
import hipmap.ui.app as hipmap_app
seen = {}
def click():
    frame = window.first_frame
    seen["attached"] = window.document is not None
    p = frame._slot(0).map(QPointF(250, 450))
    QTest.mouseClick(frame, Qt.LeftButton, pos=QPoint(round(p.x()), round(p.y())))
    seen["queued"] = len(frame.queued)
def hook():
    global window
    window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow")
    def live():
        seen["heavy at ready"] = sorted(m for m in ("numpy", "shapely", "yaml") if m in sys.modules)
        QTimer.singleShot(0, click)
    window.first_frame.live.connect(live)
    def done():
        if window.document is None:
            return
        timer.stop()
        print("at ready", seen.get("heavy at ready"), "attached", seen.get("attached"), flush=True)
        print("early", seen.get("queued"), "marks", len(window.document.painmap.marks), "ranked", bool(window.document.result.candidates), flush=True)
        import gc
        print("settled", gc.get_freeze_count() > 20000, flush=True)  # the atlas, its index and the window
        quit_clean(window)
    timer.timeout.connect(done)
    timer.start(20)
''' + RUN_MAIN
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               HIPMAP_DATA_DIR=str(tmp_path / "data"), **{warmstart.ENV_DIR: str(tmp_path / "cache")})  # fmt: skip
    env.pop(warmstart.ENV_OFF, None)
    fill = ("import sys; from hipmap.core.warmstart import load_with_matcher; from hipmap.ui.kit.i18n import matching_phrases; load_with_matcher('en');"
            " print('numpy.random' in sys.modules)")  # fmt: skip
    filled = subprocess.run([sys.executable, "-c", fill], capture_output=True, text=True, env=env, timeout=120)
    assert filled.returncode == 0, filled.stderr
    assert filled.stdout.strip() == "False"  # building the matcher's index (a cold start) never imports numpy.random: ~20 ms
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert "at ready [] attached False" in done.stdout, done.stdout + done.stderr  # marking before the atlas
    assert "early 1 marks 1 ranked True" in done.stdout, done.stdout + done.stderr
    assert "settled True" in done.stdout, done.stdout  # out of the garbage collector's full passes (ui.kit.heap)
