"""python -m hipmap screenshot: the real main window, rendered offscreen to a PNG."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def render(out: Path, view=None, painmap=None, regions=(), side="right", select=None, size=(1360, 880), layout="tabs", dark=False,
           high_contrast=False, font_scale=1.0, lang="en", browser=None):
    """BROWSER: None, or the text to type in the muscle browser, opened beside the diagrams ("" opens it empty)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ...core.content.atlas import load_atlas
    from ..mainwindow.window import MainWindow
    from ..kit.style import dark_palette, scaled_font

    app = QApplication.instance() or QApplication(["hipmap-screenshot"])
    app.setStyle("Fusion")
    from ..kit import i18n

    i18n.install(lang, app)
    if dark:
        app.setPalette(dark_palette())
    font = app.font()
    if font_scale != 1.0:  # as if the system's font size were larger
        app.setFont(scaled_font(font, font_scale))
    atlas = load_atlas(language=lang)
    from ..kit.datadir import scratch_data_dir

    # Never touch the user's own settings, autosave, routines or history: closing the window clears its autosave.
    with tempfile.TemporaryDirectory() as tmp, scratch_data_dir():
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.IniFormat)
        window = MainWindow(atlas, settings=settings)
        window.files.autosave_timer.stop()
        if high_contrast:
            window.set_high_contrast(True)
        window.set_layout_mode(layout)
        window.resize(*size)
        window.show()
        if painmap:
            window.document.open(Path(painmap))
        for region in regions:
            window.document.add_region(region, side, 6)
        if select:
            found = window.document.result.find(select, None if not (regions or painmap) else None)
            muscle = atlas.muscles.get(select)
            chosen_side = found.side if found else ("both" if muscle is not None and muscle.bilateral else side)
            window.select_any(select, chosen_side)
        if browser is not None:
            window.browsing.toggle(True)
            window.browsing.dock.search.setText(browser)
        if view:
            window.show_view(view)
        for _ in range(5):
            app.processEvents()
        image = window.grab()
        ok = image.save(str(out))
        window.document.undo_stack.setClean()
        if high_contrast:
            window.set_high_contrast(False)
        window.close()
        app.setFont(font)
        i18n.install("en", app)
    if not ok:
        raise OSError(f"cannot write {out}")
