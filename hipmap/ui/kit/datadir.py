"""Where the window keeps what it writes: autosave, routines and the session history."""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from .argv import take_option
from .i18n import translate

DATA_DIR_OVERRIDE: Path | None = None  # --data-dir, set once at start-up by hipmap.ui.app.main()


def data_location() -> Path:
    """--data-dir, else $HIPMAP_DATA_DIR, else the platform's application data folder."""
    from ...core.store.opening import data_dir_override

    path = DATA_DIR_OVERRIDE or data_dir_override() or Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def scratch_data_dir():
    """For tools (screenshot, bench): the window's data folder is a temporary one for the duration, so that a tool
    never reads, writes or deletes the user's autosave, routines or history, and leaves no folder behind."""
    global DATA_DIR_OVERRIDE
    before = DATA_DIR_OVERRIDE
    with tempfile.TemporaryDirectory(prefix="hipmap-tool-") as tmp:
        DATA_DIR_OVERRIDE = Path(tmp) / "data"
        try:
            yield DATA_DIR_OVERRIDE
        finally:
            DATA_DIR_OVERRIDE = before


def data_dir_option(argv: list[str]) -> tuple[Path | None, list[str]]:
    """--data-dir DIR (or --data-dir=DIR): keep everything hipmap writes in DIR; the rest of argv is returned."""
    found, rest = take_option(argv, "--data-dir", translate("app", "hipmap: --data-dir needs a folder"))
    return (Path(found).expanduser() if found else None), rest
