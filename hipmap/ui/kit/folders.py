"""Where Open and Save dialogs start: the folder last used for that kind of file, else Documents (else home)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from .settings import read_str


def default_folder() -> Path:
    """Documents (made when the home folder has none yet), or the home folder where it cannot be."""
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    if documents:
        try:
            Path(documents).mkdir(exist_ok=True)
            return Path(documents)
        except OSError:
            pass
    return Path.home()


def last_folder(settings: QSettings, key: str) -> Path:
    """The folder remembered under files/KEY when it still exists, else default_folder()."""
    value = read_str(settings, f"files/{key}", "", )
    if value and Path(value).is_dir():
        return Path(value)
    return default_folder()


def remember_folder(settings: QSettings, key: str, path: Path) -> None:
    """Remember the folder of PATH (a file just opened or saved) for the next dialog of this kind."""
    settings.setValue(f"files/{key}", str(Path(path).resolve().parent))
