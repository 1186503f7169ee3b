"""Typed reading of QSettings: every setting with a type, a range and a default.

hipmap.conf is a text file anyone can edit, and QSettings hands back whatever it holds: text where a number was
written, a list where text was, a QRect from "@Rect(...)". A value of the wrong type or out of range is the default,
so no setting can stop the app starting. Every ``settings.value(`` in hipmap/ui goes through here.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from ...core.reading import check_regular

if TYPE_CHECKING:
    from datetime import datetime

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
    from datetime import datetime  # (here: 3-5 ms to import, not before the first frame)

    text = read_str(settings, key, "", max_len=64)
    try:
        moment = datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


# ------------------------------------------------------------------------------ values Qt cannot read safely
# QSettings turns an INI value "@Variant(...)" (or "@DateTime(...)") into a QVariant by reading the bytes inside
# with QDataStream, the first time anything in its section is read, and of the whole file when it next writes it.
# Damaged bytes there can make Qt abort the process (a list "of" 1.7 billion items is a std::bad_alloc), which no
# Python code can catch. hipmap never writes either form (its dates are ISO text, its bytes @ByteArray), so such
# a value is dropped from the file before QSettings parses it: the setting reads as not set.

_DATASTREAM_VALUE = re.compile(r"(?<!@)@(?:Variant|DateTime)\(")  # ("@@" starts plain text)
_ESCAPES = {ord(k): v for k, v in zip("abfnrtv\"?'\\", "\a\b\f\n\r\t\v\"?'\\")}
_HEX, _OCT = frozenset(b"0123456789abcdefABCDEF"), frozenset(b"01234567")


def _ini_lines(data: bytes):
    """(start, end, equals) of each line QSettings reads in INI data, as Qt's readIniLine finds them: a line goes on
    past a newline inside quotes or after a backslash, and stops at a ';' outside quotes (a comment follows);
    equals is the first '=' outside quotes, or -1."""
    n = len(data)
    pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        start = pos
        while start < n and data[start] in b" \t\n\r":
            start += 1
        i, equals, quoted = start, -1, False
        while i < n:
            ch = data[i]
            i += 1
            if ch == 0x3D:  # =
                if not quoted and equals == -1:
                    equals = i - 1
            elif ch in (0x0A, 0x0D):
                if i == start + 1:
                    start += 1
                elif not quoted:
                    i -= 1
                    break
            elif ch == 0x5C:  # a backslash takes the next character (a newline too: the line goes on)
                if i < n:
                    i += 1
                    if i < n and {data[i - 1], data[i]} == {0x0A, 0x0D}:  # (\r\n or \n\r)
                        i += 1
            elif ch == 0x22:  # "
                quoted = not quoted
            elif ch == 0x3B:  # ;
                if i == start + 1:
                    while i < n and data[i] not in (0x0A, 0x0D):
                        i += 1
                    start = i
                elif not quoted:
                    i -= 1
                    break
        pos = i
        if i <= start:
            return
        yield start, i, equals


def _unescaped(raw: bytes) -> str:
    """An INI value's text as Qt unescapes it (\\t, \\x40, \\100, ...; quotes dropped), list commas kept."""
    out, i, n = [], 0, len(raw)
    while i < n:
        ch = raw[i]
        i += 1
        if ch == 0x22:
            continue
        if ch != 0x5C:
            out.append(chr(ch))
            continue
        if i >= n:
            break
        ch = raw[i]
        i += 1
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch == 0x78 or ch in _OCT:  # \x hex or \ octal, of any length; Qt keeps the last 16 bits
            digits, base = (_HEX, 16) if ch == 0x78 else (_OCT, 8)
            value, first = (0 if base == 16 else ch - 0x30), i
            while i < n and raw[i] in digits:
                value = (value * base + int(chr(raw[i]), base)) & 0xFFFF
                i += 1
            if base == 8 or i > first:  # ("\\x" without a digit is skipped)
                out.append(chr(value))
        elif ch in (0x0A, 0x0D) and i < n and raw[i] in (0x0A, 0x0D) and raw[i] != ch:
            i += 1  # a line continued after \\r\\n
    return "".join(out)


def without_datastream_values(data: bytes) -> tuple[bytes, int]:
    """INI data less its lines whose value QSettings would read with QDataStream, and how many there were."""
    drop = [
        (start, end)
        for start, end, equals in _ini_lines(data)
        if equals != -1 and data[start] != 0x5B and _DATASTREAM_VALUE.search(_unescaped(data[equals + 1 : end]))
    ]  # ('[' starts a section name, never a value)
    for start, end in reversed(drop):
        data = data[:start] + data[end:]
    return data, len(drop)


def drop_datastream_values(path) -> int:
    """Drop from the settings file at `path` the values QSettings would read with QDataStream (see above); the
    number dropped. The file keeps its permissions (and stays where a link points). Raises OSError."""
    from ...core.fileio import atomic_write_bytes
    from ...core.reading import read_bytes

    try:
        data = read_bytes(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return 0
    cleaned, dropped = without_datastream_values(data)
    if dropped:
        real = Path(os.path.realpath(path))
        atomic_write_bytes(real, cleaned, stat.S_IMODE(os.stat(real).st_mode))
    return dropped


def _ini_file(settings) -> Path | None:
    """The INI file behind `settings` (None for the Windows registry or a macOS property list)."""
    name = settings.fileName()
    native_ini = settings.format() == QSettings.NativeFormat and sys.platform not in ("darwin", "win32")
    if (settings.format() == QSettings.IniFormat or native_ini) and os.path.isabs(name):
        return Path(name)
    return None


def drop_unreadable_values(settings) -> int:
    """drop_datastream_values for the file behind `settings`, which then reads it again; call it before anything
    reads a setting (QSettings parses a section when one of its settings is first read). The number dropped."""
    path = _ini_file(settings)
    if path is None:
        return 0
    try:
        dropped = drop_datastream_values(path)
    except OSError:
        return 0  # a file hipmap may not change: guard_settings_file has kept it from the app's own QSettings
    if dropped:
        settings.sync()  # the file changed size: QSettings forgets what it had read and reads it again
    return dropped


def guard_settings_file() -> str:
    """QSettings reads its whole file as soon as it is made: a FIFO there would hang the app, /dev/zero fill the
    memory. A value Qt would read with QDataStream is dropped (drop_datastream_values). When a settings file (the
    app's, or the organisation's it falls back to) is not a regular file of sane size, or cannot be rewritten
    without such a value, this run's settings go to a fresh folder (the file is left alone) and the problem is
    returned ("" when the files are fine or missing). Call it before the first QSettings()."""
    import tempfile

    from PySide6.QtCore import QCoreApplication, QStandardPaths

    base = Path(QStandardPaths.writableLocation(QStandardPaths.GenericConfigLocation))
    org, app = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    for path in (base / org / f"{app}.conf", base / f"{org}.conf"):
        try:
            check_regular(path, MAX_SETTINGS_BYTES)
            drop_datastream_values(path)  # before any QSettings reads it
        except FileNotFoundError:
            continue
        except OSError as exc:
            folder = tempfile.mkdtemp(prefix="hipmap-settings-")
            for kind in (QSettings.NativeFormat, QSettings.IniFormat):
                QSettings.setPath(kind, QSettings.UserScope, folder)
            return f"{path}: {exc.strerror or exc}; settings are not kept this time"
    return ""
