"""Starting the window: python main.py, hipmap-gui, or hipmap with no subcommand.

The window paints its drawings first; on a warm start it then takes marks (the cache's light geometry), and the
atlas (numpy, shapely, every data file) loads once that frame is on screen; the marks made meanwhile are matched then.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__, default_assets_dir
from ..core.reading import check_regular
from .kit import datadir, heap, i18n, raster, settings
from .kit.i18n import translate
from .mainwindow.window import MainWindow


SAVE_CACHE_AFTER_MS = 1500  # a cold start writes the warm-start cache this long after the window is ready
SAVE_CACHE_RETRY_MS = 250  # ...or, while a mouse button is held (a stroke being drawn), once it has been let go


def warm_start():
    """The warm-start cache for the interface's language (the data's text follows it)."""
    from ..core.warmstart import WarmStart

    return WarmStart(language=i18n.current_language())


def load_content(warm=None):
    """(atlas, matcher or None, the WarmStart): the checked atlas and its index from the warm-start cache
    (hipmap.core.warmstart) when it matches the files, else the atlas from the sources and no matcher yet."""
    from .kit.i18n import matching_phrases

    warm = warm or warm_start()
    atlas, matcher = warm.load(matching_phrases())
    return atlas, matcher, warm


def import_the_core():
    """Import what the atlas and its matcher are made of (numpy, shapely): the longest step of loading them."""
    from ..core.pain import matching  # noqa: F401


def build_index(window) -> None:
    """A cold start: the matcher's index, then the heap settled (the collector back on even if building failed)."""
    try:
        window.document.matcher
    finally:
        heap.settle()


class CacheWriter(QObject):
    """Writes the warm-start cache after a cold start without a hitch: while no mouse button is held, one step of
    WarmStart.save_steps per turn of the event loop (each ~20 ms of pickling), the hashing and writing in a thread.
    A write under way when the app quits is finished then (the thread is waited for at exit).

    Give it a parent (the window) or keep a reference: PySide holds a timer's or a signal's bound method without
    its object, so a writer nothing else holds is collected and never writes."""

    def __init__(self, warm, matcher, parent=None):
        super().__init__(parent)
        self.warm, self.matcher = warm, matcher  # matcher: a function giving it (the document's, when writing)
        self.steps = None
        self.done = False

    def start(self, delay_ms: int = SAVE_CACHE_AFTER_MS):
        QTimer.singleShot(delay_ms, self.step)

    def step(self):
        if self.done:
            return
        if self.steps is None:
            if QApplication.mouseButtons():
                QTimer.singleShot(SAVE_CACHE_RETRY_MS, self.step)
                return
            self.steps = self.warm.save_steps(self.matcher(), background=True)
        try:
            next(self.steps)
        except StopIteration:
            self.done = True
            return
        QTimer.singleShot(0, self.step)

    def finish(self):
        """At quit: the steps left, at once (none if the writing had not begun)."""
        if self.steps is not None and not self.done:
            for _ in self.steps:
                pass
            self.done = True


def take_early_marks(window, warm) -> bool:
    """A warm start: the first frame takes marks at once, with the cache's light geometry (no numpy or shapely);
    the atlas and its index load right after that frame is painted. False (nothing changed) with no cache."""
    try:
        light = warm.load_light()
    except Exception:  # the cache is only ever a shortcut
        light = None
    return bool(light) and window.take_early_marks(light)


# numpy's OpenBLAS starts a pool of threads when numpy is imported, which spin for ~30 ms of CPU (and slow the import
# itself by ~10 ms) on a start-up that never multiplies a matrix: hipmap uses no linear algebra. One thread, unless
# the person running it chose otherwise.
BLAS_THREADS = {"OPENBLAS_NUM_THREADS": "1"}


def main(argv=None) -> int:
    for name, value in BLAS_THREADS.items():  # (before numpy is imported, after the first frame)
        os.environ.setdefault(name, value)
    if argv is None:  # the hipmap-gui entry point and the menu entry's %F put the arguments in sys.argv
        argv = sys.argv[1:]
    try:
        data_dir, argv = datadir.data_dir_option(list(argv or []))
        if data_dir is not None:
            data_dir.mkdir(parents=True, exist_ok=True)
    except (SystemExit, OSError) as exc:
        print(f"hipmap: cannot use the data folder: {exc}", file=sys.stderr)
        return 2
    datadir.DATA_DIR_OVERRIDE = data_dir
    heap.pause()
    raster.serial_fills()
    try:
        lang, argv = i18n.lang_option(list(argv or []))
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setApplicationName("hipmap")
    app.setOrganizationName("hipmap")
    app.setApplicationVersion(__version__)
    icon = default_assets_dir() / "icons" / "hipmap.svg"
    try:
        check_regular(icon, 1_000_000)  # Qt reads it when it first paints: never a FIFO
        app.setWindowIcon(QIcon(str(icon)))
    except OSError:
        pass
    app.setDesktopFileName("hipmap")
    problem = settings.guard_settings_file()
    if problem:
        print(f"hipmap: the settings file cannot be used: {problem}", file=sys.stderr)
    i18n.install(i18n.chosen_language(QSettings(), lang), app)
    window = MainWindow()
    window.show()
    files = [a for a in (argv or []) if not a.startswith("-")]
    started = []

    def finish_loading():
        if started:
            return
        started.append(True)
        from ..core.content.problems import DataError

        try:
            atlas, matcher, warm = load_content(early[0]) if early else load_content()
        except DataError as exc:
            from .kit.errors import problem_text

            problems = "\n".join(problem_text(p) for p in exc.problems[:20])
            from PySide6.QtWidgets import QMessageBox  # (an error only: its enums cost a start ~5 ms)

            QMessageBox.critical(window, translate("app", "hipmap cannot start"), translate("app", "The app's data files have problems:\n\n{problems}").format(problems=problems))
            app.exit(1)
            return
        window.attach(atlas, matcher)

        def once_ready():
            # Nothing here is needed to take a mark: it waits until the window is ready for marking (the recovery
            # files' check, and opening the history database with its sqlite imports: ~25 ms of a cold start).
            window.files.offer_restore()
            window.practice.session_store()  # a damaged history is reported now, with the offer of a fresh one
            if files:
                window.files.open_path(Path(files[0]))

        if matcher is None:  # a cold start: the index right after this paint, the cache once things are quiet
            def index_then_the_rest():
                try:
                    build_index(window)
                finally:
                    QTimer.singleShot(0, once_ready)

            QTimer.singleShot(0, index_then_the_rest)
            writer = CacheWriter(warm, lambda: window.document.matcher, parent=window)
            app.aboutToQuit.connect(writer.finish)
            writer.start()
        else:
            heap.settle()  # the atlas, its index and the window are made: out of the garbage collector's way
            QTimer.singleShot(0, once_ready)

    early = []

    def first_painted():
        # A warm start takes marks from here on; the atlas loads once the frame that takes them is painted.
        warm = warm_start()
        early.append(warm)  # its key is computed now: the atlas is read under the same one
        if take_early_marks(window, warm):
            # In two turns of the event loop, so that a click between them is drawn at once: numpy, shapely and
            # the matcher's code first, then the atlas and its index.
            window.first_frame.live.connect(lambda: QTimer.singleShot(0, lambda: (import_the_core(), QTimer.singleShot(0, finish_loading))))
        else:
            QTimer.singleShot(0, finish_loading)

    # Load once the drawings are on screen; the timer covers a window that is never exposed.
    window.first_frame.painted.connect(lambda: QTimer.singleShot(0, first_painted))
    QTimer.singleShot(500, finish_loading)
    return app.exec()
