"""A cold first start (no warm-start cache): hipmap.ui.app.main() itself, in its own process, loads the atlas from
the sources with Python's cyclic collector paused, and then works as usual: a click on a diagram is drawn and ranked,
the collector is running again and the long-lived objects are frozen out of its way; the history database is
opened once the window is ready for marking, not before; Qt paints its fills on the painting thread; and it writes
the warm-start cache itself, so that the next start is warm."""

import os
import subprocess
import sys

from hipmap.core import warmstart

from .app_scripts import QUIT_CLEAN, RUN_MAIN

SCRIPT = QUIT_CLEAN + r'''
import gc, os, sys, time
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
import hipmap.ui.app as hipmap_app
seen = {}
original_attach = hipmap_app.MainWindow.attach
def attach(self, *args):
    seen["collector while loading"] = gc.isenabled()
    return original_attach(self, *args)
hipmap_app.MainWindow.attach = attach
from hipmap.ui.mainwindow.practice import Practice
original_store = Practice.session_store
def session_store(self):
    seen.setdefault("history opened after the index", self.window.document._matcher is not None)
    return original_store(self)
Practice.session_store = session_store
def hook():
    window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow")
    def done():
        if window.document is None or window.document._matcher is None or "history opened after the index" not in seen:
            return
        timer.stop()
        print("collector while loading", seen["collector while loading"], "after", gc.isenabled(), flush=True)
        print("settled", gc.get_freeze_count() > 20000, flush=True)
        print("history opened after the index", seen["history opened after the index"], flush=True)
        print("blas threads", os.environ.get("OPENBLAS_NUM_THREADS"), flush=True)
        print("serial fills", os.environ.get("QT_NO_GUI_THREADPOOL"), flush=True)
        view = window.current_view()
        region = window.atlas.views[view.view_id].regions[("lateral_hip", "right")].representative_point()
        at = view.mapFromScene(QPointF(region.x, region.y))
        QTest.mouseClick(view.viewport(), Qt.LeftButton, pos=QPoint(round(at.x()), round(at.y())))
        result = window.document.result
        print("marks", len(window.document.painmap.marks), "ranked", bool(result.candidates), flush=True)
        timer.timeout.disconnect(done)
        timer.timeout.connect(written)
        seen["ranked at"] = time.monotonic()
        timer.start(20)
    def written():
        # The warm-start cache, written by the app itself once things are quiet (1.5 s), so that the next start is warm.
        writer = window.findChild(hipmap_app.CacheWriter)
        if writer is None or not writer.done:
            if time.monotonic() - seen["ranked at"] > 20:
                timer.stop()
                print("next start warm: no cache written", flush=True)
                quit_clean(window)
            return
        timer.stop()
        writer.warm.writer.join()
        print("next start warm", hipmap_app.load_content()[1] is not None, flush=True)
        quit_clean(window)
    timer.timeout.connect(done)
    timer.start(20)
''' + RUN_MAIN


def test_the_app_started_cold_loads_with_the_collector_paused_then_ranks_a_click(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               HIPMAP_DATA_DIR=str(tmp_path / "data"), **{warmstart.ENV_DIR: str(tmp_path / "cache")})  # fmt: skip
    env.pop(warmstart.ENV_OFF, None)  # an empty cache folder: a first start
    env.pop("OPENBLAS_NUM_THREADS", None)
    env.pop("QT_NO_GUI_THREADPOOL", None)
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert "collector while loading False after True" in done.stdout, done.stdout + done.stderr
    assert "settled True" in done.stdout, done.stdout
    assert "history opened after the index True" in done.stdout, done.stdout  # not needed to take a mark: it waits
    assert "blas threads 1" in done.stdout, done.stdout  # numpy's import spawns no BLAS thread pool (~30 ms of CPU)
    assert "serial fills 1" in done.stdout, done.stdout
    assert "marks 1 ranked True" in done.stdout, done.stdout + done.stderr
    assert "next start warm True" in done.stdout, done.stdout + done.stderr


def test_serial_fills_keeps_a_value_the_user_set(monkeypatch):
    from hipmap.ui.kit import raster

    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    raster.serial_fills()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "yes")
    raster.serial_fills()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "yes"


def test_a_failed_index_build_still_turns_the_collector_back_on():
    """A cold start pauses the collector until the index is built; if building it fails, the app must not run on
    for the rest of the session with no cyclic collection at all."""
    import gc

    import pytest

    from hipmap.ui import app as hipmap_app
    from hipmap.ui.kit import heap

    class Document:
        @property
        def matcher(self):
            raise RuntimeError("index could not be built")

    class Window:
        document = Document()

    gc.disable()
    try:
        with pytest.raises(RuntimeError):
            hipmap_app.build_index(Window())
        assert gc.isenabled()
    finally:
        heap.unsettle()
        gc.enable()


def test_the_bench_starts_the_app_with_the_blas_threads_main_asks_for():
    """The bench's start-up script mirrors main(): the same BLAS setting, or its figures would not be the app's."""
    from hipmap.ui import app as hipmap_app
    from hipmap.ui.cli import bench

    assert hipmap_app.BLAS_THREADS
    for name, value in hipmap_app.BLAS_THREADS.items():
        assert f'os.environ.setdefault("{name}", "{value}")' in bench._HIPMAP
