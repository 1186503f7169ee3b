"""How Qt's raster engine paints hipmap's windows: every fill on the thread that paints it.

Qt hands every fill of 96 or more pixel rows (a scroll bar's groove, a diagram's zone, a page's warning box) to its
GUI thread pool in pieces and waits until the pool has done them all (QT_THREAD_PARALLEL_FILLS in Qt's
qdrawhelper.cpp). For fills of the sizes hipmap paints, handing them over and waking the pool's threads costs more
than the fill: a tenth of the main thread's time on a selection went to it. And while other programs keep the
processors busy the paint waits for a pool thread to be given one: selecting a muscle took twice as long in wall
time (bench select_to_paint, median and p99). The pixels are the same either way.
"""

from __future__ import annotations

import os


def serial_fills() -> None:
    """Keep Qt's fills on the painting thread (QT_NO_GUI_THREADPOOL; left as it is when the user has set it).
    Qt reads it once, the first time it would use its pool: call before anything is painted."""
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
