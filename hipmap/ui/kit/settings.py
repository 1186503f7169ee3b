"""Typed reading of QSettings: every setting with a type, a range and a default.

hipmap.conf is a text file anyone can edit, and QSettings hands back whatever it holds: text where a number was
written, a list where text was, a QRect from "@Rect(...)". A value of the wrong type or out of range is the default,
so no setting can stop the app starting. Every ``settings.value(`` in hipmap/ui goes through here.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ...core.reading import check_regular

MAX_TEXT = 4096
MAX_SETTINGS_BYTES = 1_000_000  # hipmap writes a few hundred bytes
_WHOLE = re.compile(r"\s*[-+]?\d{1,18}\s*\Z")
_NUMBER = re.compile(r"\s*[-+]?(?:\d{1,18}(?:\.\d{0,18})?|\.\d{1,18})\s*\Z")


def _raw(settings, key: str):
    try:
        return settings.value(key)
    except Exception:  # a value QSettings cannot turn into a Python object (a damaged @Variant)  # noqa: BLE001
        return None


def read_int(settings, key: str, default: int, lo: int, hi: int) -> int:
    """A whole number from lo to hi (an int, or text of one); anything else is the default."""
    value = _raw(settings, key)
    if isinstance(value, str) and _WHOLE.match(value):
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi:
        return value
    return default


def read_float(settings, key: str, default: float, lo: float, hi: float) -> float:
    """A number from lo to hi (an int or float, or text of one); anything else (NaN too) is the default."""
    value = _raw(settings, key)
    if isinstance(value, str) and _NUMBER.match(value):
        value = float(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and lo <= value <= hi:
        return float(value)
    return default


def read_bool(settings, key: str, default: bool) -> bool:
    """true or false (a bool, or the text QSettings writes for one); anything else is the default."""
    value = _raw(settings, key)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return default


def read_str(settings, key: str, default: str = "", max_len: int = MAX_TEXT) -> str:
    """Text of one line (no control characters) of at most max_len characters; anything else is the default."""
    value = _raw(settings, key)
    if isinstance(value, str) and len(value) <= max_len and not any(ch < " " or ch == "\x7f" for ch in value):
        return value
    return default


def read_choice(settings, key: str, default: str, choices) -> str:
    """One of choices (text); anything else is the default."""
    value = _raw(settings, key)
    return value if isinstance(value, str) and value in tuple(choices) else default


def read_str_list(settings, key: str, max_items: int, max_len: int = MAX_TEXT) -> list[str]:
    """A list of one-line texts (QSettings gives one text for a list of one); wrong items are left out."""
    value = _raw(settings, key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    ok = [v for v in value if isinstance(v, str) and v and len(v) <= max_len and not any(ch < " " or ch == "\x7f" for ch in v)]
    return ok[:max_items]


def read_bytes(settings, key: str) -> QByteArray | None:
    """Bytes QSettings stored (a window's geometry, a splitter's state); None when the value is anything else."""
    value = _raw(settings, key)
    if isinstance(value, QByteArray):
        return value
    if isinstance(value, (bytes, bytearray)):
        return QByteArray(bytes(value))
    return None


def read_datetime(settings, key: str) -> datetime | None:
    """A moment with its time zone (ISO 8601 text); None when missing, malformed or without a zone."""
    text = read_str(settings, key, "", max_len=64)
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


def guard_settings_file() -> str:
    """QSettings reads its whole file as soon as it is made: a FIFO there would hang the app, /dev/zero fill the
    memory. When a settings file (the app's, or the organisation's it falls back to) is not a regular file of sane
    size, this run's settings go to a fresh folder (the file is left alone) and the problem is returned ("" when
    the files are fine or missing). Call it before the first QSettings()."""
    import tempfile

    from PySide6.QtCore import QCoreApplication, QStandardPaths

    base = Path(QStandardPaths.writableLocation(QStandardPaths.GenericConfigLocation))
    org, app = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    for path in (base / org / f"{app}.conf", base / f"{org}.conf"):
        try:
            check_regular(path, MAX_SETTINGS_BYTES)
        except FileNotFoundError:
            continue
        except OSError as exc:
            folder = tempfile.mkdtemp(prefix="hipmap-settings-")
            for kind in (QSettings.NativeFormat, QSettings.IniFormat):
                QSettings.setPath(kind, QSettings.UserScope, folder)
            return f"{path}: {exc.strerror or exc}; settings are not kept this time"
    return ""
