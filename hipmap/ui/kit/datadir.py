"""Where the window keeps what it writes: autosave, routines and the session history."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from .argv import take_option
from .i18n import translate

DATA_DIR_OVERRIDE: Path | None = None  # --data-dir, set once at start-up by hipmap.ui.app.main()


def data_location() -> Path:
    """--data-dir, else $HIPMAP_DATA_DIR, else the platform's application data folder.

    The folder holds health data: hipmap creates it 0700, and makes its own default folder 0700 if it is not
    (a folder the user named is left as it is, apart from what hipmap writes into it)."""
    from ...core.fileio import private_dir
    from ...core.store.opening import data_dir_override

    chosen = DATA_DIR_OVERRIDE or data_dir_override()
    return private_dir(chosen or Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)), tighten=chosen is None)


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


def keep_settings_private(settings) -> None:
    """The settings name people and pain maps (recent files, person labels, the history's file): the file is made
    readable by the user only. Made before Qt first writes it: Qt rewrites it
    through a temporary file that keeps the permissions it finds."""
    from PySide6.QtCore import QSettings

    name = settings.fileName()
    ini = settings.format() == QSettings.IniFormat or (settings.format() == QSettings.NativeFormat and sys.platform not in ("darwin", "win32"))
    if not ini or not os.path.isabs(name):
        return  # the Windows registry, a macOS property list: not files hipmap should make
    from ...core.fileio import create_private_file

    try:
        Path(name).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not create_private_file(Path(name)) and stat.S_IMODE(os.stat(name).st_mode) & 0o077:
            os.chmod(name, 0o600)
    except OSError:
        pass  # a folder that cannot be written: Qt reports nothing, and hipmap runs with what it has
