"""What can go wrong with the sessions database: the StoreError family, and SQLite's errors translated into it."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..messages import mark, phrase


class StoreError(Exception):
    """A problem with the sessions database; the message names the file and says what happens next."""

    def __init__(self, message: str, path: Path | None = None):
        super().__init__(" ".join(message.split()))  # one line, even when it quotes SQL from a damaged schema
        self.path = path


FRESH_START = "hipmap can start with a fresh database beside it; the old file is left as it is."


CORRUPT = "The sessions database {path} cannot be read: {detail}. " + FRESH_START
NEWER = ("The sessions database {path} was made by a newer hipmap (schema version {found}; this one reads up to "
         "{supported}). Update hipmap to see those sessions, or " + FRESH_START)  # fmt: skip
LOCKED = "The sessions database {path} is busy: another hipmap may be using it. Close it and try again."
COULD_NOT = "Could not {doing} the sessions database {path}: {reason}."


class CorruptDatabase(StoreError):
    def __init__(self, path: Path, detail: str):
        super().__init__(CORRUPT.format(path=path, detail=detail), path)
        mark(self, CORRUPT, path=str(path), detail=detail)
        self.detail = detail


class NewerDatabase(StoreError):
    def __init__(self, path: Path, found_version: int, supported_version: int):
        super().__init__(NEWER.format(path=path, found=found_version, supported=supported_version), path)
        mark(self, NEWER, path=str(path), found=found_version, supported=supported_version)
        self.found_version = found_version
        self.supported_version = supported_version


class DatabaseLocked(StoreError):
    def __init__(self, path: Path):
        super().__init__(LOCKED.format(path=path), path)
        mark(self, LOCKED, path=str(path))


def translated(exc: sqlite3.Error, path: Path, doing: str) -> StoreError:
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+; older ones only have the message
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or (primary is None and "locked" in text):
        return DatabaseLocked(path)
    # Text that is not UTF-8 can only come from damage: hipmap writes nothing else.
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
        primary is None and ("malformed" in text or "not a database" in text or "decode" in text)
    ):
        return CorruptDatabase(path, phrase("SQLite reports “{reason}”", reason=str(exc)))
    return mark(StoreError(COULD_NOT.format(doing=doing, path=path, reason=exc), path), COULD_NOT, doing=doing,
                path=str(path), reason=str(exc))  # fmt: skip


def damaged_text(exc: UnicodeDecodeError, path: Path) -> CorruptDatabase:
    # Python decodes SQLite's own error messages strictly; one quoting a damaged schema is not UTF-8.
    message = exc.object.decode("utf-8", "replace") if isinstance(exc.object, bytes) else str(exc)
    return CorruptDatabase(path, phrase("SQLite reports “{reason}”", reason=message))


@contextmanager
def sqlite_errors(path: Path, doing: str) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        raise translated(exc, path, doing) from exc
    except UnicodeDecodeError as exc:
        raise damaged_text(exc, path) from exc
